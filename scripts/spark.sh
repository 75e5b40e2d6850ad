#!/usr/bin/env bash
# Runs `gloss annotate --jsonl` on Apache Spark, in local mode with two
# workers (local[2]), through RDD.pipe, and checks that the documents equal
# those of one `gloss annotate --jsonl` process on the same input (matched by
# id). Not part of the test command: it downloads pyspark (about 300 MB) into
# a virtual environment under target/spark/ and needs Java 17 or later.
#
#   scripts/spark.sh [SILVER.jsonl | REQUESTS.jsonl] [COUNT]
#
# With the TempEval-3 silver file (the default, ../shared/data/tempeval3/
# silver.jsonl), COUNT requests (default 3000) are built from it by
# scripts/batch-input.sh; a file whose lines already have "id" and "text" is
# used as it is. On a cluster the same pipe works once `gloss` is installed
# on every worker (or shipped with --files) and the input is on shared storage.
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-../shared/data/tempeval3/silver.jsonl}
count=${2:-3000}
gloss=$(realpath "${GLOSS:-target/release/gloss}")
[ -x "$gloss" ] || cargo build --release --quiet
command -v java >/dev/null || { echo "spark.sh: Java is missing (Debian: apt-get install openjdk-17-jre-headless)" >&2; exit 1; }

venv=target/spark/venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pyspark
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts/batch-input.sh "$input" "$count" "$work/in.jsonl"
echo "spark.sh: $(wc -l <"$work/in.jsonl") requests, $(stat -c %s "$work/in.jsonl") bytes; pyspark $("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)'); $(java -version 2>&1 | head -n 1)"

began=$SECONDS
"$gloss" annotate --jsonl <"$work/in.jsonl" >"$work/one.jsonl"
echo "spark.sh: one gloss process: $((SECONDS - began)) s"

began=$SECONDS
SPARK_LOCAL_IP=127.0.0.1 GLOSS_BIN="$gloss" "$venv/bin/python" - "$work/in.jsonl" "$work/spark" <<'PY'
import os, sys
from pyspark import SparkConf, SparkContext

source, out = sys.argv[1], sys.argv[2]
conf = SparkConf().setMaster("local[2]").setAppName("gloss").set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
sc = SparkContext(conf=conf)
sc.setLogLevel("ERROR")
# One gloss process per partition; each reads its partition's lines on stdin
# and writes one document per line, in order, keeping each request's id.
lines = sc.textFile("file://" + os.path.abspath(source), minPartitions=8)
docs = lines.pipe(f"{os.environ['GLOSS_BIN']} annotate --jsonl --threads 1")
docs.saveAsTextFile("file://" + os.path.abspath(out))
print(f"spark.sh: {lines.getNumPartitions()} partitions on local[2]")
sc.stop()
PY
echo "spark.sh: Spark local[2]: $((SECONDS - began)) s (JVM start included)"

# Same documents, matched by id (Spark writes its parts in partition order,
# so the sort is only a safeguard for other layouts).
cat "$work"/spark/part-* >"$work/spark.jsonl"
by_id() { jq -c '[.id, .]' "$1" | LC_ALL=C sort; }
if cmp -s <(by_id "$work/one.jsonl") <(by_id "$work/spark.jsonl"); then
  echo "spark.sh: OK: $(wc -l <"$work/spark.jsonl") documents, equal to one gloss process's output (sorted by id)"
  cmp -s "$work/one.jsonl" "$work/spark.jsonl" && echo "spark.sh: and byte-identical in input order"
else
  echo "spark.sh: FAILED: Spark's documents differ from one gloss process's" >&2
  exit 1
fi
