#!/usr/bin/env bash
# Throughput benchmark: builds a corpus of N articles from PolNeAR train (fresh ids, dates shifted a
# day per copy), then measures on it
#   (a) bare OpenNLP tokenize+POS on one thread (the yardstick) and Claimwatch's per-article kernel
#       on all cores, in one plain Java loop (on the first --sample articles: the corpus repeats
#       PolNeAR train, so one copy of it has the whole corpus's mix); the yardstick again after the
#       runs, each run rated against the mean of the two as well;
#   (b) the whole pipeline on each runner of --runners (Direct Runner, Flink [local]), end to end,
#       start-up included;
#   (c) with --jmh, the JMH kernel benchmarks (io.claimwatch.bench.KernelBenchmarks).
# Prints articles/s, MB/s, peak RSS and the ratio to the yardstick for each.
#   scripts/bench.sh [--articles=N] [--runners=DirectRunner,FlinkRunner] [--xmx=4g] [--sample=N]
#                    [--jmh] [--quick]
# --quick: a small smoke run for CI (40 articles, both runners, JMH with one short iteration).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
articles=1000
runners=DirectRunner,FlinkRunner
# The heap run-local.sh and nightly.sh start with: the Direct Runner holds every step's output in
# memory, and 10k articles do not fit 2g there (pass --xmx=2g for the 100k target on Flink).
xmx=4g
sample=1000
jmh=false
jmh_args=(-f 1 -wi 2 -w 3s -i 3 -r 5s)
for arg in "$@"; do
  case "$arg" in
    --articles=*) articles="${arg#--articles=}" ;;
    --runners=*|--runner=*) runners="${arg#*=}" ;;
    --xmx=*) xmx="${arg#--xmx=}" ;;
    --sample=*) sample="${arg#--sample=}" ;;
    --jmh) jmh=true ;;
    --quick) articles=40; sample=40; jmh=true; jmh_args=(-f 1 -wi 0 -i 1 -r 1s) ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
# The runners by their full names: a short "flink" would run on Beam's [auto] Flink environment,
# not the [local] one this benchmark measures.
canonical=()
IFS=, read -ra requested <<< "$runners"
for runner in "${requested[@]}"; do
  case "${runner,,}" in
    direct|directrunner) canonical+=(DirectRunner) ;;
    flink|flinkrunner) canonical+=(FlinkRunner) ;;
    *) echo "unknown runner: $runner (DirectRunner or FlinkRunner)" >&2; exit 2 ;;
  esac
done
runners="$(IFS=,; echo "${canonical[*]}")"
jar="$(ensure_shaded_jar "$root")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus.jsonl"
java -cp "$jar" io.claimwatch.bench.BenchCorpus --source="$root/../shared/data/polnear/train/articles.jsonl" \
  --articles="$articles" --out="$corpus"
mb=$(du -m "$corpus" | cut -f1)
echo "corpus: $articles articles, ${mb} MB, $(nproc) cores, -Xmx$xmx, $(date -u +%F), $(java -version 2>&1 | head -n 1)"

kernel_sample="$work/sample.jsonl"
head -n "$sample" "$corpus" > "$kernel_sample"
kernel_out="$work/kernel.txt"
java -Xmx"$xmx" -cp "$jar" io.claimwatch.bench.KernelBench --articles="$kernel_sample" | tee "$kernel_out"
bare_rate=$(awk '/bare OpenNLP/ {for (i = 1; i <= NF; i++) if ($i == "articles/s") print $(i - 1)}' "$kernel_out")

# Runs the pipeline on runner $1 and prints its line, with the Direct Runner's options of
# production runs (lib.sh), as run-local.sh and nightly.sh set them.
run_pipeline() {
  local runner="$1" extra=() start end seconds rss_kb
  [[ "$runner" == FlinkRunner ]] && extra=(--flinkMaster=[local] --parallelism="$(nproc)")
  add_direct_runner_defaults extra
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time-$runner.txt" java "$JVM_EXIT_ON_OOM" -Xmx"$xmx" -jar "$jar" --runner="$runner" \
    --input="$corpus" --output="$work/out-$runner" "${extra[@]}" > "$work/run-$runner.log" 2>&1 || {
      # The work directory goes with the script: keep the whole log, and show its causes.
      cp "$work/run-$runner.log" "${TMPDIR:-/tmp}/claimwatch-bench-failed-$runner.log"
      grep -E '^(Caused by|Exception|java\.lang\.[A-Za-z]*Error)' "$work/run-$runner.log" | sort | uniq -c | head -n 20 >&2
      tail -n 20 "$work/run-$runner.log" >&2
      echo "bench: $runner failed; its log: ${TMPDIR:-/tmp}/claimwatch-bench-failed-$runner.log" >&2
      exit 1
    }
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc -l)
  rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time-$runner.txt")
  echo "$seconds" > "$work/seconds-$runner"
  awk -v n="$articles" -v s="$seconds" -v mb="$mb" -v rss="$rss_kb" -v bare="$bare_rate" -v r="$runner" 'BEGIN {
    rate = n / s
    printf "%-40s %6d articles %7.1f s %8.1f articles/s %6.2f MB/s  %.2fx bare  peak RSS %.0f MB\n",
      "pipeline on " r " (end to end)", n, s, rate, mb / s, rate / bare, rss / 1024 }'
  echo "  summary: $(grep -E '^  "(read|accepted|duplicates|deadLettered|mentions|claims|balanced)"' \
    "$work/out-$runner/summary.json" | tr -d ' \n')"
  # Claim identity's work: how many pairs it compared and how many keys it had to embed.
  echo "  counters: $(grep -oE 'counter ClusterClaims\.[A-Za-z]+ = [0-9]+' "$work/run-$runner.log" \
    | sed 's/^counter ClusterClaims\.//' | paste -sd ' ')"
}

IFS=, read -r -a runner_list <<< "$runners"
for runner in "${runner_list[@]}"; do
  run_pipeline "$runner"
done
# The machine's speed drifts between minutes (the yardstick alone has ranged 71-108 articles/s here):
# measure the yardstick again after the runs, and rate each run against the mean of the two.
java -Xmx"$xmx" -cp "$jar" io.claimwatch.bench.KernelBench --articles="$kernel_sample" --yardstick-only \
  | sed 's/1 thread   /1 thread, again/' | tee "$work/yardstick-again.txt"
bare_again=$(awk '/bare OpenNLP/ {for (i = 1; i <= NF; i++) if ($i == "articles/s") print $(i - 1)}' "$work/yardstick-again.txt")
for runner in "${runner_list[@]}"; do
  awk -v n="$articles" -v s="$(cat "$work/seconds-$runner")" -v a="$bare_rate" -v b="$bare_again" -v r="$runner" \
    'BEGIN { printf "pipeline on %s against the mean yardstick (%.1f articles/s): %.2fx bare\n", r, (a + b) / 2, n / s / ((a + b) / 2) }'
done
if [[ -f "$work/seconds-DirectRunner" && -f "$work/seconds-FlinkRunner" ]]; then
  awk -v d="$(cat "$work/seconds-DirectRunner")" -v f="$(cat "$work/seconds-FlinkRunner")" \
    'BEGIN { printf "Flink [local] time / Direct Runner time: %.2f\n", f / d }'
fi

if [[ "$jmh" == true ]]; then
  echo "JMH kernel benchmarks (articles/s, one thread each):"
  java -Xmx"$xmx" -cp "$jar" org.openjdk.jmh.Main KernelBenchmarks "${jmh_args[@]}" \
    -p articles="$kernel_sample" -jvmArgsAppend -Xmx"$xmx" 2>&1 | sed -n '/^Benchmark/,$p'
fi
