#!/usr/bin/env bash
# Writes COUNT `gloss annotate --jsonl` requests to OUT, built from the
# TempEval-3 silver articles ({"doc", "dct", "text"} per line): each request
# is {"text", "reference_date", "id"}, with an id unique in the file
# ("DOC#ROUND"), so that outputs can be matched up however they are split.
# The silver articles repeat, round after round, until COUNT. A file whose
# lines are requests already (they have "id" and "text") is copied as it is.
# Used by scripts/spark.sh and scripts/parallel.sh; the corpus is only read.
#
#   scripts/batch-input.sh ../shared/data/tempeval3/silver.jsonl 3000 /tmp/in.jsonl
set -euo pipefail
input=${1:?usage: scripts/batch-input.sh SILVER.jsonl COUNT OUT}
count=${2:?usage: scripts/batch-input.sh SILVER.jsonl COUNT OUT}
out=${3:?usage: scripts/batch-input.sh SILVER.jsonl COUNT OUT}
if head -n 1 "$input" | jq -e 'has("id") and has("text")' >/dev/null; then
  cp "$input" "$out"
  exit 0
fi
: >"$out"
round=0
while [ "$(wc -l <"$out")" -lt "$count" ]; do
  jq -c --arg r "$round" '{text, reference_date: .dct, id: "\(.doc)#\($r)"}' "$input" >>"$out"
  round=$((round + 1))
done
head -n "$count" "$out" >"$out.tmp" && mv "$out.tmp" "$out"
