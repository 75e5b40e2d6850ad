#!/usr/bin/env bash
# Builds everything the page needs and serves it: installs the wasm32 target
# and wasm-bindgen-cli if missing (scripts/setup.sh), builds pkg/
# (scripts/build-wasm.sh), then serves the page on http://127.0.0.1:$PORT/www/
# (PORT defaults to 8000) with a sample article loaded on first visit.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build-wasm.sh
exec node scripts/serve.mjs
