#!/usr/bin/env bash
# Measures claim identity on the MSR Paraphrase Corpus through the whole pipeline: each sentence is
# an article of its own outlet, all on one day; a pair is "same" when its sentences share a claimId.
#   scripts/evaluate-claims.sh [--msrp=FILE] [beam options]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
msrp="$root/../shared/data/msrp/msr_paraphrase_train.txt"
args=()
for arg in "$@"; do
  case "$arg" in
    --msrp=*) msrp="${arg#--msrp=}" ;;
    *) args+=("$arg") ;;
  esac
done
jar="$(ensure_shaded_jar "$root")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp "$jar" io.claimwatch.evaluation.MsrpClaimEvaluation prepare --msrp="$msrp" --articles="$work/articles.jsonl"
"$root/scripts/run-local.sh" --input="$work/articles.jsonl" --output="$work/out" "${args[@]}" > "$work/run.log" 2>&1 \
  || { tail -n 30 "$work/run.log" >&2; exit 1; }
java -cp "$jar" io.claimwatch.evaluation.MsrpClaimEvaluation score --msrp="$msrp" --mentions="$work/out/mentions"
