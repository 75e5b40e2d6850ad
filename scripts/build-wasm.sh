#!/usr/bin/env bash
# Builds the WebAssembly core into pkg/ (wasm-bindgen --target web), shrunk
# with wasm-opt when binaryen is installed, and prints its size.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --target wasm32-unknown-unknown --lib --quiet
wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/gloss.wasm
if command -v wasm-opt >/dev/null; then
  wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    pkg/gloss_bg.wasm -o pkg/gloss_bg.wasm
fi
raw=$(stat -c %s pkg/gloss_bg.wasm)
gz=$(gzip -9 -c pkg/gloss_bg.wasm | wc -c)
echo "build-wasm: pkg/gloss_bg.wasm $raw bytes ($gz gzipped)"
