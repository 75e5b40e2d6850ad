#!/usr/bin/env bash
# The one-machine recipe: splits a JSON Lines file into blocks with GNU
# parallel (--pipepart, no copy through a pipe), runs one
# `gloss annotate --jsonl --threads 1` per block on JOBS cores, keeps the
# output in input order (--keep-order), checks it is byte-identical to one
# gloss process's, and prints the throughput of both, and of gloss's own
# --threads JOBS. Not part of the test command. Installs GNU parallel from
# Debian if it is missing (as root).
#
#   scripts/parallel.sh [SILVER.jsonl | REQUESTS.jsonl] [COUNT] [JOBS]
#
# Requests need an "id": a block's line numbers restart at 1, so without ids
# the documents of different blocks could not be told apart.
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-../shared/data/tempeval3/silver.jsonl}
count=${2:-10000}
jobs=${3:-2}
gloss=$(realpath "${GLOSS:-target/release/gloss}")
[ -x "$gloss" ] || cargo build --release --quiet
if ! command -v parallel >/dev/null; then
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq parallel >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts/batch-input.sh "$input" "$count" "$work/in.jsonl"
size=$(stat -c %s "$work/in.jsonl")
echo "parallel.sh: $(wc -l <"$work/in.jsonl") requests, $size bytes; $(parallel --version | head -n 1); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

timed() { # NAME OUT COMMAND...: runs COMMAND > OUT, prints the throughput
  local name=$1 out=$2 began ended
  shift 2
  began=$(date +%s.%N)
  "$@" >"$out"
  ended=$(date +%s.%N)
  awk -v n="$name" -v t="$(echo "$ended - $began" | bc -l)" -v b="$size" -v d="$(wc -l <"$out")" \
    'BEGIN { printf "parallel.sh: %-44s %6.2f s  %6.2f MB/s  %7.0f docs/s\n", n, t, b / 1e6 / t, d / t }'
}
timed "one process, --threads 1" "$work/one.jsonl" "$gloss" annotate --jsonl --threads 1 <"$work/in.jsonl"
timed "one process, --threads $jobs" "$work/threads.jsonl" "$gloss" annotate --jsonl --threads "$jobs" <"$work/in.jsonl"
timed "parallel -j $jobs --pipepart --keep-order" "$work/parallel.jsonl" \
  parallel --will-cite --pipepart -a "$work/in.jsonl" --block 1M --keep-order -j "$jobs" "$gloss" annotate --jsonl --threads 1

for f in threads parallel; do
  if ! cmp -s "$work/one.jsonl" "$work/$f.jsonl"; then
    echo "parallel.sh: FAILED: the $f output differs from one process's" >&2
    exit 1
  fi
done
echo "parallel.sh: OK: all three outputs are byte-identical ($(wc -l <"$work/one.jsonl") documents)"
