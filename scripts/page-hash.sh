#!/usr/bin/env bash
# The page's build stamp, www/BUILD.sha256: one `sha256  path` line per file the
# served page is made of, sorted by path: every file under www/ that git tracks
# (or would: an untracked file .gitignore does not exclude counts), except the
# stamp itself, and pkg/INPUTS.sha256, which stands for the built core. The
# page names its service worker's cache after the stamp's digest
# (www/js/install.js), and the worker answers from that cache first, so a
# changed page file reaches a returning visitor only through a new stamp.
#
#   scripts/page-hash.sh           print the stamp
#   scripts/page-hash.sh --write   write it to www/BUILD.sha256
#   scripts/page-hash.sh --check   exit 0 if www/BUILD.sha256 is current, else say
#                                  which files changed and how to update it, and exit 1
#
# Needs only git and coreutils (find without git).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=www/BUILD.sha256

inputs() {
  {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
      git ls-files -z --cached --others --exclude-standard -- www
    else
      find www -type f -print0
    fi
    printf '%s\0' pkg/INPUTS.sha256
  } | LC_ALL=C sort -zu | while IFS= read -r -d '' f; do
    [ "$f" = "$stamp" ] && continue
    [ -f "$f" ] && sha256sum -- "$f"
  done
  return 0
}

case "${1:-}" in
  "") inputs ;;
  --write) inputs >"$stamp" ;;
  --check)
    now=$(inputs)
    if [ -f "$stamp" ] && [ "$now" = "$(cat "$stamp")" ]; then
      exit 0
    fi
    changed=$({
      LC_ALL=C comm -3 <(cat "$stamp" 2>/dev/null | LC_ALL=C sort) <(printf '%s\n' "$now" | LC_ALL=C sort)
    } | sed 's/^\t//' | cut -c67- | LC_ALL=C sort -u)
    echo "$stamp is stale ($(printf '%s\n' "$changed" | head -n 8 | paste -sd ' ') changed): returning visitors would keep the old page." >&2
    echo "Run ./scripts/page-hash.sh --write and commit $stamp." >&2
    exit 1
    ;;
  *)
    echo "usage: scripts/page-hash.sh [--write|--check]" >&2
    exit 2
    ;;
esac
