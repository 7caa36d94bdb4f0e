#!/usr/bin/env bash
# Rebuilds the samples as borderless Word-exported PDFs (unruled): see ../word/rebuild.sh.
exec "$(dirname "$0")/../word/rebuild.sh" unruled
