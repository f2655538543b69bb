#!/usr/bin/env bash
# Trains the attribution model (issue 3) on PolNeAR train and writes the shipped model resource.
#
#   scripts/train-attribution-model.sh [TRAIN_DIR] [extra trainer options, e.g. --holdout=0.1 --epochs=8]
#
# TRAIN_DIR defaults to ../shared/data/polnear/train relative to the repository root. With a
# --holdout=F option the last F of the training articles are kept out and scored (for tuning; the
# shipped model is trained with no holdout). A fixed --seed (default 42) gives a byte-identical model.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TRAIN_DIR="${1:-$ROOT/../shared/data/polnear/train}"
shift || true
OUT="$ROOT/transforms/src/main/resources/io/claimwatch/nlp/attribution/model/attribution-model.bin.gz"

if [[ ! -d "$TRAIN_DIR" ]]; then
  echo "training data not found: $TRAIN_DIR" >&2
  exit 1
fi

# Build the transforms module and list its classpath in one reactor run. The project's own modules
# come from their target/classes, never from ~/.m2 (which another checkout may have filled).
CLASSES="$ROOT/transforms/target/classes"
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q -pl transforms -am -DskipTests package dependency:build-classpath \
  -DexcludeGroupIds=io.claimwatch -Dmdep.outputFile="$CP_FILE" >/dev/null

java -Xmx4g -cp "$CLASSES:$ROOT/schemas/target/classes:$(cat "$CP_FILE")" io.claimwatch.nlp.attribution.model.TrainAttributionModel \
  --train="$TRAIN_DIR" --out="$OUT" --epochs=8 --cueEpochs=15 --ensemble=3 --cueBias=32 --seed=42 "$@"
