#!/usr/bin/env bash
# Lists what pkg/ is built from, one `sha256  path` line per file, sorted by path:
# every file under src/, models/ and data/ that git tracks (or would track: an
# untracked file that .gitignore does not exclude counts, so a new module is
# covered before `git add`), and the files that fix the tools: Cargo.toml,
# Cargo.lock (wasm-bindgen's version), rust-toolchain.toml (the compiler),
# package-lock.json (binaryen's wasm-opt), scripts/build-wasm.sh and the npm
# package's README, scripts/pkg-README.md. Outputs
# are never hashed, so a fresh build writes the same list again.
#
#   scripts/pkg-hash.sh           print the list (build-wasm.sh saves it as pkg/INPUTS.sha256)
#   scripts/pkg-hash.sh --check   exit 0 if pkg/ was built from the current inputs, else
#                                 say which inputs changed and how to rebuild, and exit 1
#
# Needs only git and coreutils (find without git): no cargo, no wasm-bindgen.
set -euo pipefail
cd "$(dirname "$0")/.."

inputs() {
  {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
      git ls-files -z --cached --others --exclude-standard -- src models data
    else
      # An exported tree without .git (a release tarball): every file there.
      find src models data -type f -print0
    fi
    printf '%s\0' Cargo.toml Cargo.lock rust-toolchain.toml package-lock.json scripts/build-wasm.sh scripts/pkg-README.md
  } | LC_ALL=C sort -zu | while IFS= read -r -d '' f; do
    # A tracked file deleted in the work tree is no longer an input.
    [ -f "$f" ] && sha256sum -- "$f"
  done
  return 0
}

case "${1:-}" in
  "")
    inputs
    ;;
  --check)
    saved=pkg/INPUTS.sha256
    if [ ! -f "$saved" ] || [ ! -f pkg/gloss_bg.wasm ] || [ ! -f pkg/gloss.js ]; then
      echo "pkg/ is missing or incomplete: it has not been built here. Run ./scripts/build-wasm.sh and commit pkg/." >&2
      exit 1
    fi
    now=$(inputs)
    if [ "$now" = "$(cat "$saved")" ]; then
      exit 0
    fi
    # Paths whose line differs on either side: changed, added or removed inputs.
    # (A sha256sum line is 64 hex digits, two spaces, then the path.)
    old_sorted=$(LC_ALL=C sort "$saved")
    now_sorted=$(printf '%s\n' "$now" | LC_ALL=C sort)
    changed=$({
      LC_ALL=C comm -23 <(printf '%s\n' "$old_sorted") <(printf '%s\n' "$now_sorted")
      LC_ALL=C comm -13 <(printf '%s\n' "$old_sorted") <(printf '%s\n' "$now_sorted")
    } | cut -c67- | LC_ALL=C sort -u)
    count=$(printf '%s\n' "$changed" | wc -l)
    echo "pkg/ is stale: it was built from different sources ($count changed: $(printf '%s\n' "$changed" | head -n 8 | paste -sd ' ')$([ "$count" -gt 8 ] && echo ' ...'))." >&2
    echo "Run ./scripts/build-wasm.sh and commit pkg/." >&2
    exit 1
    ;;
  *)
    echo "usage: scripts/pkg-hash.sh [--check]" >&2
    exit 2
    ;;
esac
