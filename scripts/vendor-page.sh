#!/usr/bin/env bash
# Copies the third-party code and data the page's map needs from node_modules
# (npm ci; exact versions in package.json) into www/vendor/, each package's
# files at the same path as in node_modules, with its LICENSE. The copies are
# committed, so the page works from a fresh clone without npm;
# tests/js/vendor.test.js checks they equal node_modules'.
#   d3-array (needed by d3-geo), d3-geo: UMD builds, loaded as classic scripts
#   topojson-client: UMD build
#   world-atlas: Natural Earth 1:110m countries (public domain), as TopoJSON
set -euo pipefail
cd "$(dirname "$0")/.."
files=(
  d3-array/LICENSE
  d3-array/dist/d3-array.min.js
  d3-geo/LICENSE
  d3-geo/dist/d3-geo.min.js
  topojson-client/LICENSE
  topojson-client/dist/topojson-client.min.js
  world-atlas/LICENSE
  world-atlas/countries-110m.json
)
rm -rf www/vendor
for f in "${files[@]}"; do
  [ -f "node_modules/$f" ] || { echo "vendor-page: node_modules/$f is missing: run npm ci" >&2; exit 1; }
  mkdir -p "www/vendor/$(dirname "$f")"
  cp "node_modules/$f" "www/vendor/$f"
done
echo "vendor-page: copied ${#files[@]} files into www/vendor/"
