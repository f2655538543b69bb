#!/usr/bin/env bash
# Throughput benchmark: builds a corpus of N articles from PolNeAR train (fresh ids, shifted dates),
# then measures on it (a) bare OpenNLP tokenize+POS on one thread and Claimwatch's per-article
# kernel on all cores, in one JVM; (b) the whole pipeline on the Direct Runner, end to end,
# start-up included; and (c), with --runner=FlinkRunner, on Flink [local]. Prints articles/s,
# MB/s, peak RSS and the ratio to the bare tokenize+POS throughput.
#   scripts/bench.sh [--articles=N] [--runner=DirectRunner|FlinkRunner] [--xmx=2g]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
articles=1000
runner=DirectRunner
xmx=4g
for arg in "$@"; do
  case "$arg" in
    --articles=*) articles="${arg#--articles=}" ;;
    --runner=*) runner="${arg#--runner=}" ;;
    --xmx=*) xmx="${arg#--xmx=}" ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
jar="$(ensure_shaded_jar "$root")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus.jsonl"
java -cp "$jar" io.claimwatch.bench.BenchCorpus --source="$root/../shared/data/polnear/train/articles.jsonl" \
  --articles="$articles" --out="$corpus"
mb=$(du -m "$corpus" | cut -f1)
echo "corpus: $articles articles, ${mb} MB, $(nproc) cores, $(date -u +%F)"

kernel_out="$work/kernel.txt"
java -Xmx"$xmx" -cp "$jar" io.claimwatch.bench.KernelBench --articles="$corpus" | tee "$kernel_out"
bare_rate=$(awk '/bare OpenNLP/ {for (i = 1; i <= NF; i++) if ($i == "articles/s") print $(i - 1)}' "$kernel_out")

start=$(date +%s.%N)
/usr/bin/time -v -o "$work/time.txt" java -Xmx"$xmx" -jar "$jar" --runner="$runner" --input="$corpus" \
  --output="$work/out" --enforceImmutability=false --enforceEncodability=false > "$work/run.log" 2>&1 \
  || { tail -n 40 "$work/run.log" >&2; exit 1; }
end=$(date +%s.%N)
seconds=$(echo "$end - $start" | bc -l)
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
awk -v n="$articles" -v s="$seconds" -v mb="$mb" -v rss="$rss_kb" -v bare="$bare_rate" -v r="$runner" 'BEGIN {
  rate = n / s
  printf "%-40s %6d articles %7.1f s %8.1f articles/s %6.2f MB/s  %.2fx bare  peak RSS %.0f MB\n",
    "pipeline on " r " (end to end)", n, s, rate, mb / s, rate / bare, rss / 1024 }'
grep -E '"(read|accepted|mentions|claims)"' "$work/out/summary.json" | tr -d ' \n'; echo
