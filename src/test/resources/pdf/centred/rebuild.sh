#!/usr/bin/env bash
# Rebuilds the borderless Word-exported PDFs of the five samples with every cell centred across and down, as many
# agencies lay out their tables: each sample written by WordTables --unruled with -Dcentred=true, then exported to
# PDF by LibreOffice (Debian: libreoffice-writer-nogui, fonts-wqy-microhei).
set -euo pipefail
cd "$(dirname "$0")/../../../../.."
mvn -q -DskipTests test-compile
cp=$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
tmp=$(mktemp -d)
for sample in src/test/resources/samples/*.txt; do
  n=$(basename "$sample" | cut -c1-3)
  java -Dcentred=true -cp "target/test-classes:target/classes:$cp" org.nianbao.reading.WordTables "$sample" "$tmp/$n.docx" --unruled
  soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/$n.docx" >/dev/null
  cp "$tmp/$n.pdf" "src/test/resources/pdf/centred/$n.pdf"
done
rm -rf "$tmp"
