#!/usr/bin/env bash
# The nightly batch: reads incoming/YYYY-MM-DD/ arrival directories and replaces the publication days
# they can change in <output>/{daily,mentions,sources,watchlist,articles}/day=YYYY-MM-DD/, one sorted
# file per day, with a manifest in <output>/runs/<run>/manifest.json. See README, "Nightly batch".
#
#   scripts/nightly.sh [--date=YYYY-MM-DD] [--lookback=N] [--incoming=DIR] [--output=DIR] [beam options]
#   scripts/nightly.sh --backfill=FROM..TO [--lookback=N] ...
#
# --date: the last arrival day to read (default: yesterday, UTC); --lookback: days an article may arrive
# after its publication day (default 3). Defaults: --incoming=<repo>/incoming, --output=<repo>/nightly,
# --runner=DirectRunner. With --runner=FlinkRunner the shaded jar is staged to the cluster.
# Environment: CLAIMWATCH_JAR (use this shaded jar, do not build), CLAIMWATCH_JAVA_OPTS (default -Xmx4g).
# Exit status: 0 done, 1 failed (no day replaced), 2 refused (bad options, another run holds the
# output's lock, or a later night was already published: use --backfill), 3 out of memory (the JVM
# stops at once rather than hang, see lib.sh; raise -Xmx in CLAIMWATCH_JAVA_OPTS and run the night again).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
jar="${CLAIMWATCH_JAR:-$(ensure_shaded_jar "$root")}"

args=("$@")
has_option "--incoming" "$@" || args+=("--incoming=$root/incoming")
has_option "--output" "$@" || args+=("--output=$root/nightly")
has_option "--runner" "$@" || args+=("--runner=DirectRunner")
add_direct_runner_defaults args "$@"
if [[ " $* " == *" --runner=FlinkRunner "* ]] && ! has_option "--filesToStage" "$@"; then
  args+=("--filesToStage=$jar")
fi
# The commit the jar was built from, for the manifest ("-dirty": uncommitted changes beside it).
if commit="$(git -C "$root" rev-parse HEAD 2>/dev/null)"; then
  [[ -z "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]] || commit="$commit-dirty"
  args+=("--gitCommit=$commit")
fi

exec java "$JVM_EXIT_ON_OOM" ${CLAIMWATCH_JAVA_OPTS:--Xmx4g} -cp "$jar" io.claimwatch.pipeline.NightlyBatch "${args[@]}"
