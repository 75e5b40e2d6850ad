#!/usr/bin/env bash
# Serves the page on http://127.0.0.1:$PORT/www/ (PORT defaults to 8000) with a
# sample article loaded on first visit.
#
# pkg/ (the built WebAssembly core) is committed. When pkg/INPUTS.sha256 says
# it was built from the sources as they are now (scripts/pkg-hash.sh), it is
# served straight away: no Rust, no wasm-bindgen, no npm packages needed, only
# git, coreutils and Node. When a source has changed, pkg/ is rebuilt first:
# scripts/setup.sh installs whatever build tool is missing (wasm-bindgen-cli
# compiles for 15-20 minutes the first time) and scripts/build-wasm.sh builds.
# A stale pkg/ is never served: the page would not show your change.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ./scripts/pkg-hash.sh --check; then
  echo "serve: rebuilding pkg/ from the current sources before serving" >&2
  ./scripts/setup.sh
  ./scripts/build-wasm.sh
fi
# The service worker answers returning visits from the cache of the stamp's build:
# a page file edited since the stamp was written would not reach the browser.
if ! ./scripts/page-hash.sh --check 2>/dev/null; then
  echo "serve: writing www/BUILD.sha256 for the page as it is now (commit it)" >&2
  ./scripts/page-hash.sh --write
fi
exec node scripts/serve.mjs
