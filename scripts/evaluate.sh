#!/usr/bin/env bash
# Scores the pipeline's attributions against PolNeAR-format gold (issue 3).
#
#   scripts/evaluate.sh --articles=FILE --gold=FILE [--extractor=model|rules] [--output=DIR]
#
# Runs the pipeline (scripts/run-local.sh, Direct Runner, shaded jar built if missing or stale) on
# the articles into DIR (default: a temporary directory, removed afterwards), then scores
# DIR/mentions/ with io.claimwatch.evaluation.EvaluateAttributions: exact-span P/R/F1 and
# character-overlap scores per role (own-voice mentions, attributed:false, are ignored), and the
# largest error groups. Example (PolNeAR dev):
#
#   scripts/evaluate.sh --articles=../shared/data/polnear/dev/articles.jsonl \
#       --gold=../shared/data/polnear/dev/gold.jsonl
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"

articles="" gold="" extractor="model" output=""
for arg in "$@"; do
  case "$arg" in
    --articles=*) articles="${arg#*=}" ;;
    --gold=*) gold="${arg#*=}" ;;
    --extractor=*) extractor="${arg#*=}" ;;
    --output=*) output="${arg#*=}" ;;
    *) echo "usage: $0 --articles=FILE --gold=FILE [--extractor=model|rules] [--output=DIR]" >&2; exit 2 ;;
  esac
done
if [[ -z "$articles" || -z "$gold" ]]; then
  echo "usage: $0 --articles=FILE --gold=FILE [--extractor=model|rules] [--output=DIR]" >&2
  exit 2
fi
[[ -f "$articles" ]] || { echo "articles not found: $articles" >&2; exit 1; }
[[ -f "$gold" ]] || { echo "gold not found: $gold" >&2; exit 1; }

jar="$(ensure_shaded_jar "$root")"
log="$(mktemp)"
if [[ -z "$output" ]]; then
  output="$(mktemp -d)"
  trap 'rm -rf "$output" "$log"' EXIT
else
  trap 'rm -f "$log"' EXIT
fi

echo "running the pipeline (--extractor=$extractor) on $articles into $output ..." >&2
start=$(date +%s)
"$root/scripts/run-local.sh" --input="$articles" --output="$output" --extractor="$extractor" >"$log" 2>&1 \
  || { cat "$log" >&2; exit 1; }
echo "pipeline run took $(( $(date +%s) - start ))s" >&2

java -cp "$jar" io.claimwatch.evaluation.EvaluateAttributions --gold="$gold" --mentions="$output/mentions"
