#!/usr/bin/env bash
# Rebuilds sample-001.doc, the old-Word (.doc) fixture: sample 001 rendered as a Word document with real
# tables (Formats.docx), then converted to .doc by LibreOffice (Debian: libreoffice-writer-nogui).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
mvn -q -DskipTests test-compile
cp=$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
tmp=$(mktemp -d)
java -cp "target/test-classes:target/classes:$cp" org.nianbao.reading.Formats docx \
  src/test/resources/samples/001_0f3a3c160bddc4d1.txt "$tmp/sample-001.docx"
soffice --headless --convert-to doc --outdir "$tmp" "$tmp/sample-001.docx" >/dev/null
cp "$tmp/sample-001.doc" src/test/resources/doc/sample-001.doc
rm -rf "$tmp"
