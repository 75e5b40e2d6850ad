#!/usr/bin/env bash
# Builds the WebAssembly core into pkg/ (wasm-bindgen --target web), shrunk
# with wasm-opt from npm's binaryen (installed by scripts/setup.sh; Debian's
# older binaryen breaks wasm-bindgen's externref table), records the inputs it
# was built from in pkg/INPUTS.sha256 (scripts/pkg-hash.sh), and prints its size.
# pkg/ is also the npm package gloss-core: its package.json (version from
# Cargo.toml) and README.md (scripts/pkg-README.md) are written here too.
# pkg/ is committed: commit it after running this.
set -euo pipefail
cd "$(dirname "$0")/.."
# Hash the inputs before building, and drop the old record first, so that a
# failed build never leaves pkg/ looking current.
inputs=$(./scripts/pkg-hash.sh)
rm -f pkg/INPUTS.sha256
# 128-bit SIMD lets LLVM vectorise the tagger's loops: about 1.1x the
# throughput in Node (CPU time), the same output. Every browser since 2023 has
# it (Chrome/Edge 91, Firefox 89, Safari 16.4); an older one cannot compile
# the module, and the page says so.
RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+simd128" \
  cargo build --release --target wasm32-unknown-unknown --lib --quiet
wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/gloss.wasm
# The page fetches the small towns after start (see data/places/README.md).
cp data/places/towns.tsv pkg/towns.tsv
cp scripts/pkg-README.md pkg/README.md
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
cat >pkg/package.json <<EOF
{
  "name": "gloss-core",
  "version": "$version",
  "description": "Gloss's annotator core in WebAssembly: people, places, organisations and resolved dates in news text, offline",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./gloss.js",
  "types": "./gloss.d.ts",
  "exports": {
    ".": {
      "types": "./gloss.d.ts",
      "default": "./gloss.js"
    },
    "./gloss_bg.wasm": "./gloss_bg.wasm",
    "./towns.tsv": "./towns.tsv",
    "./package.json": "./package.json"
  },
  "files": [
    "gloss.js",
    "gloss.d.ts",
    "gloss_bg.wasm",
    "gloss_bg.wasm.d.ts",
    "towns.tsv",
    "README.md"
  ],
  "sideEffects": false
}
EOF
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -O3 --enable-simd pkg/gloss_bg.wasm -o pkg/gloss_bg.wasm
else
  echo "build-wasm: node_modules/.bin/wasm-opt missing (run scripts/setup.sh): pkg/ is not size-optimized; do not commit it" >&2
fi
printf '%s\n' "$inputs" >pkg/INPUTS.sha256
raw=$(stat -c %s pkg/gloss_bg.wasm)
gz=$(gzip -9 -c pkg/gloss_bg.wasm | wc -c)
echo "build-wasm: pkg/gloss_bg.wasm $raw bytes ($gz gzipped)"
