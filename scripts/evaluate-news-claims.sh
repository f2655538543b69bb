#!/usr/bin/env bash
# Measures claim identity on news against hand-labelled pairs of claims (one claim or two) drawn from
# a run on PolNeAR train: runs the pipeline on those articles and reports which pairs share a claimId.
#   scripts/evaluate-news-claims.sh [--articles=FILE] [--pairs=FILE] [beam options]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
articles="$root/../shared/data/polnear/train/articles.jsonl"
pairs=()
args=()
for arg in "$@"; do
  case "$arg" in
    --articles=*) articles="${arg#--articles=}" ;;
    --pairs=*) pairs=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done
jar="$(ensure_shaded_jar "$root")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/scripts/run-local.sh" --input="$articles" --output="$work/out" "${args[@]}" > "$work/run.log" 2>&1 \
  || { tail -n 30 "$work/run.log" >&2; exit 1; }
java -cp "$jar" io.claimwatch.evaluation.NewsClaimPairsEvaluation --mentions="$work/out/mentions" "${pairs[@]}"
