# Shared helpers for the scripts in this directory (sourced, not run).

# JVM option for every script that runs a pipeline in its own JVM. An OutOfMemoryError thrown in one
# of the Direct Runner's own threads (cloning grouping state, outside any DoFn) is logged and never
# reported to the pipeline, which then waits forever: seen on 2026-11-29, a 10k run at -Xmx2g with
# the parallel collector sat 16 minutes after its error until killed, holding the nightly lock.
# Exiting the JVM (status 3) turns that into a failed run.
JVM_EXIT_ON_OOM="-XX:+ExitOnOutOfMemoryError"

# Prints the shaded jar's path, building it with Maven when it is missing or older than any source.
ensure_shaded_jar() {
  local root="$1" jar stale
  jar="$(ls "$root"/pipeline/target/claimwatch-pipeline-bundled-*.jar 2>/dev/null | head -n 1 || true)"
  if [[ -n "$jar" ]]; then
    stale="$(find "$root/pom.xml" "$root/schemas" "$root/transforms" "$root/pipeline" \
      -path '*/target' -prune -o -type f -newer "$jar" -print -quit)"
  fi
  if [[ -z "$jar" || -n "${stale:-}" ]]; then
    echo "Building the shaded jar (mvn package)..." >&2
    mvn -B -q -f "$root/pom.xml" -DskipTests package >&2
    jar="$(ls "$root"/pipeline/target/claimwatch-pipeline-bundled-*.jar | head -n 1)"
  fi
  echo "$jar"
}

# True when option NAME (e.g. --input) is among the remaining arguments, as --name=value or --name value.
has_option() {
  local name="$1" arg
  shift
  for arg in "$@"; do
    [[ "$arg" == "$name" || "$arg" == "$name="* ]] && return 0
  done
  return 1
}

# Appends to the array named $1 the Direct Runner options of production runs that the arguments
# after it do not set: the runner's immutability and encodability checks guard tests, not runs; and
# one worker thread per core (Beam's default keeps at least three, which on two cores cost 5-12% of
# a 10k run's time: 140.4 / 148.8 / 145.4 s against 130.4 / 142.0 / 128.1 s with two, each pair run
# one after the other, the last with two threads first, 2026-11-29). Other runners ignore them.
add_direct_runner_defaults() {
  local -n into="$1"
  shift
  has_option "--enforceImmutability" "$@" || into+=("--enforceImmutability=false")
  has_option "--enforceEncodability" "$@" || into+=("--enforceEncodability=false")
  has_option "--targetParallelism" "$@" || into+=("--targetParallelism=$(nproc)")
}
