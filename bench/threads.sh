#!/usr/bin/env bash
# Prints the throughput of `gloss annotate --jsonl` on one thread and on
# several, on the same JSON Lines input, checks that the outputs are
# byte-identical, and prints the ratio. Not part of the test command.
#
#   cargo build --release
#   bench/threads.sh ../shared/data/tempeval3/silver.jsonl [MB] [THREADS]
#
# The input is built at run time in a temporary folder (never committed):
# the silver articles as requests {"text", "reference_date", "id"}, repeated
# until MB megabytes (default 10). THREADS (default 2) is compared with 1.
# Other work on the machine skews the figures: the load average is printed.
set -euo pipefail
silver=${1:?usage: bench/threads.sh SILVER.jsonl [MB] [THREADS]}
mb=${2:-10}
threads=${3:-2}
gloss=${GLOSS:-target/release/gloss}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

jq -c '{text, reference_date: .dct, id: .doc}' "$silver" > "$work/one.jsonl"
bytes=$((mb * 1000000))
while [ "$(stat -c %s "$work/input.jsonl" 2>/dev/null || echo 0)" -lt "$bytes" ]; do
  cat "$work/one.jsonl" >> "$work/input.jsonl"
done
head -c "$bytes" "$work/input.jsonl" | sed '$d' > "$work/in.jsonl"
size=$(stat -c %s "$work/in.jsonl")
echo "input: $size bytes, $(wc -l < "$work/in.jsonl") requests; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

run() {
  local began ended
  began=$(date +%s.%N)
  "$gloss" annotate --jsonl --threads "$1" < "$work/in.jsonl" > "$work/out.$1"
  ended=$(date +%s.%N)
  echo "$ended - $began" | bc -l
}
one=$(run 1)
many=$(run "$threads")
cmp -s "$work/out.1" "$work/out.$threads" || { echo "outputs differ!"; exit 1; }
printf -- '--threads 1: %.2f s, %.2f MB/s\n' "$one" "$(echo "$size / 1000000 / $one" | bc -l)"
printf -- '--threads %s: %.2f s, %.2f MB/s\n' "$threads" "$many" "$(echo "$size / 1000000 / $many" | bc -l)"
printf 'ratio: %.2fx (outputs byte-identical); load average after: %s\n' "$(echo "$one / $many" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
