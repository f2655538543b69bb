#!/usr/bin/env bash
# Runs Claimwatch on the Direct Runner, building the shaded jar first if it is missing or stale.
# With no --input it reads samples/; with no --output it writes out/ (both in the repository).
# Any Beam or Claimwatch option can be passed: scripts/run-local.sh --input=FILE --output=DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
jar="$(ensure_shaded_jar "$root")"

args=("$@")
has_option "--input" "$@" || args+=("--input=$root/samples")
has_option "--output" "$@" || args+=("--output=$root/out")
has_option "--runner" "$@" || args+=("--runner=DirectRunner")
add_direct_runner_defaults args "$@"

exec java "$JVM_EXIT_ON_OOM" ${CLAIMWATCH_JAVA_OPTS:--Xmx4g} -jar "$jar" "${args[@]}"
