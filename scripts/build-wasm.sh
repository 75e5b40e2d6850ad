#!/usr/bin/env bash
# Builds the WebAssembly core into pkg/ (wasm-bindgen --target web), shrunk
# with wasm-opt when binaryen is installed, and prints its size.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --target wasm32-unknown-unknown --lib --quiet
wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/gloss.wasm
if command -v wasm-opt >/dev/null; then
  wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types pkg/gloss_bg.wasm -o pkg/gloss_bg.opt.wasm
  # Some binaryen releases (Debian bookworm's 108) re-point the exported
  # externref table at the function table, which breaks wasm-bindgen's glue at
  # load time. Keep the optimized module only if that export is still externref.
  table=$(wasm-dis pkg/gloss_bg.opt.wasm | sed -n 's/^ *(export "__wbindgen_externrefs" (table \(\$[^)]*\))).*/\1/p')
  if [ -z "$table" ] || wasm-dis pkg/gloss_bg.opt.wasm | grep -qE "^ *\(table \\$table( [0-9]+)+ (anyref|externref)\)"; then
    mv pkg/gloss_bg.opt.wasm pkg/gloss_bg.wasm
  else
    echo "build-wasm: this wasm-opt ($(wasm-opt --version)) breaks the externref table export; keeping the unoptimized module"
    rm pkg/gloss_bg.opt.wasm
  fi
fi
raw=$(stat -c %s pkg/gloss_bg.wasm)
gz=$(gzip -9 -c pkg/gloss_bg.wasm | wc -c)
echo "build-wasm: pkg/gloss_bg.wasm $raw bytes ($gz gzipped)"
