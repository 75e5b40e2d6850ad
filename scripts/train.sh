#!/usr/bin/env bash
# Regenerates the committed name model from the CoNLL-2003 training data:
#   scripts/train.sh [DATA_DIR]        (default ../shared/data)
# Word clusters (models/clusters.txt) are rebuilt first, then the model
# (models/names.bin). Both are deterministic: a rerun reproduces the
# committed files byte for byte (compare with `sha256sum models/*`).
# valid.txt only prints per-epoch scores; it does not change the model.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
cargo build --release --quiet
if [ "${SKIP_CLUSTERS:-0}" != 1 ]; then
  ./target/release/gloss train names clusters \
    --text "$data/tempeval3/silver.jsonl" --conll "$data/conll2003/train.txt" --out models/clusters.txt
  # The clusters are embedded: rebuild so training sees the new ones.
  cargo build --release --quiet
fi
./target/release/gloss train names \
  --train "$data/conll2003/train.txt" --valid "$data/conll2003/valid.txt" --out models/names.bin
sha256sum models/names.bin models/clusters.txt
