#!/usr/bin/env bash
# Rebuilds the Word-exported PDFs of the five samples: each sample written as a Word document with the official
# table layout (WordTables: merged header cells, vertically merged group labels, a narrow label column), then
# exported to PDF by LibreOffice (Debian: libreoffice-writer-nogui, fonts-wqy-microhei).
#   rebuild.sh           ruled tables               → pdf/word/
#   rebuild.sh unruled   no border at all           → pdf/unruled/
#   rebuild.sh centred   no border, cells centred   → pdf/centred/
set -euo pipefail
kind=${1:-word}
cd "$(dirname "$0")/../../../../.."
case "$kind" in
  word) options=(); flags=() ;;
  unruled) options=(--unruled); flags=() ;;
  centred) options=(--unruled); flags=(-Dcentred=true) ;;
  *) echo "usage: rebuild.sh [unruled|centred]" >&2; exit 2 ;;
esac
mvn -q -DskipTests test-compile
cp=$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
tmp=$(mktemp -d)
for sample in src/test/resources/samples/*.txt; do
  n=$(basename "$sample" | cut -c1-3)
  java "${flags[@]}" -cp "target/test-classes:target/classes:$cp" org.nianbao.reading.WordTables "$sample" "$tmp/$n.docx" "${options[@]}"
  soffice --headless --convert-to pdf --outdir "$tmp" "$tmp/$n.docx" >/dev/null
  cp "$tmp/$n.pdf" "src/test/resources/pdf/$kind/$n.pdf"
done
rm -rf "$tmp"
