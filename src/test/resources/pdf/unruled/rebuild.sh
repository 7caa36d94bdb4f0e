#!/usr/bin/env bash
# Rebuilds the borderless Word-exported PDFs of the five samples: each sample written as a Word document with
# the official table layout but no table border at all (WordTables --unruled), then exported to PDF by
# LibreOffice (Debian: libreoffice-writer-nogui, fonts-wqy-microhei). Such tables are read by their column gaps.
set -euo pipefail
cd "$(dirname "$0")/../../../../.."
mvn -q -DskipTests test-compile
cp=$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
tmp=$(mktemp -d)
for sample in src/test/resources/samples/*.txt; do
  n=$(basename "$sample" | cut -c1-3)
  java -cp "target/test-classes:target/classes:$cp" org.nianbao.reading.WordTables "$sample" "$tmp/$n.docx" --unruled
  soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/$n.docx" >/dev/null
  cp "$tmp/$n.pdf" "src/test/resources/pdf/unruled/$n.pdf"
done
rm -rf "$tmp"
