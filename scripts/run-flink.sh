#!/usr/bin/env bash
# Runs Claimwatch on Apache Flink (the Beam Flink runner, Flink 1.19).
#
#   scripts/run-flink.sh [--keep-cluster] [Beam and Claimwatch options]
#
# With no --flinkMaster it starts a Flink session cluster on this machine: a JobManager
# (StandaloneSessionClusterEntrypoint) and a TaskManager (TaskManagerRunner), two JVMs run from the
# Flink jars Maven resolves (scripts/flink-cluster/pom.xml; no Flink distribution is needed), with a
# generated conf/ (free localhost ports, parallelism 2, explicit TaskManager memory sizes). It waits
# for the REST endpoint and a registered TaskManager, submits the shaded jar with
# --runner=FlinkRunner --flinkMaster=localhost:<rest port>, waits for the job, prints the
# JobManager address and the job id, and stops both JVMs, also when the job fails or the script is
# interrupted. Their logs, the conf/ and the submitting JVM's output go to the run directory the
# script prints (target/flink-runs/<time>/ unless CLAIMWATCH_FLINK_RUN_DIR is set).
#
#   --keep-cluster             leave the cluster running afterwards (prints how to stop it)
#   --flinkMaster=HOST:PORT    submit to an existing cluster's REST endpoint; starts nothing
#   --flinkMaster=[local]      run on an embedded Flink mini cluster inside the submitting JVM
#
# As in run-local.sh, --input defaults to samples/ and --output to out/. The submitting JVM runs
# ClaimwatchPipeline.run, which waits for the job and then publishes the outputs from
# <output>/.staging, so the output must be a path this machine and the cluster both see (any local
# path, when the cluster runs here).
#
# Environment: CLAIMWATCH_JAR (use this shaded jar, do not build), CLAIMWATCH_JAVA_OPTS (the
# submitting JVM; default -Xmx1g, -Xmx4g for [local]), FLINK_TASK_HEAP (TaskManager task heap,
# default 1536m), FLINK_START_TIMEOUT (seconds for the cluster to come up, default 120).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"

keep_cluster=false
master=""
args=()
while (($#)); do
  case "$1" in
    --keep-cluster) keep_cluster=true ;;
    --flinkMaster=*) master="${1#--flinkMaster=}" ;;
    --flinkMaster) master="${2:?--flinkMaster needs a value}"; shift ;;
    *) args+=("$1") ;;
  esac
  shift
done
has_option "--input" "${args[@]}" || args+=("--input=$root/samples")
has_option "--output" "${args[@]}" || args+=("--output=$root/out")
has_option "--parallelism" "${args[@]}" || args+=("--parallelism=2")
if has_option "--runner" "${args[@]}"; then
  echo "run-flink.sh always uses --runner=FlinkRunner; drop --runner" >&2
  exit 2
fi

jar="${CLAIMWATCH_JAR:-$(ensure_shaded_jar "$root")}"
if command -v unzip >/dev/null 2>&1 \
    && ! unzip -l "$jar" 'org/apache/beam/runners/flink/FlinkRunner.class' >/dev/null 2>&1; then
  echo "$jar has no Flink runner: build it with the flink profile (on unless -DnoFlink)" >&2
  exit 2
fi

# The Flink runner logs every transform it translates; keep that out of the way.
quiet_translator="org.slf4j.simpleLogger.log.org.apache.beam.runners.flink.FlinkBatchPipelineTranslator=warn"

# An embedded mini cluster, or a cluster someone else started: just submit.
if [[ "$master" == "[local]" || "$master" == "[auto]" ]]; then
  exec java "$JVM_EXIT_ON_OOM" ${CLAIMWATCH_JAVA_OPTS:--Xmx4g} "-D$quiet_translator" -jar "$jar" --runner=FlinkRunner "--flinkMaster=$master" "${args[@]}"
fi
if [[ -n "$master" ]]; then
  echo "Submitting to the Flink cluster at $master"
  exec java "$JVM_EXIT_ON_OOM" ${CLAIMWATCH_JAVA_OPTS:--Xmx1g} "-D$quiet_translator" -jar "$jar" --runner=FlinkRunner "--flinkMaster=$master" \
    "--filesToStage=$jar" "${args[@]}"
fi

# --- A session cluster of our own -------------------------------------------------------------

stamp="$(date -u +%Y%m%d-%H%M%S)-$$"
run="${CLAIMWATCH_FLINK_RUN_DIR:-$root/target/flink-runs/$stamp}"
mkdir -p "$run/conf" "$run/tmp"
run="$(cd "$run" && pwd)"
echo "Flink run directory (conf/, cluster logs, client output): $run"

# The cluster's classpath: Flink's jars as Maven resolves them, cached until the pom changes.
cluster_pom="$root/scripts/flink-cluster/pom.xml"
cp_file="$root/scripts/flink-cluster/target/classpath.txt"
if [[ ! -s "$cp_file" || "$cluster_pom" -nt "$cp_file" || "$root/pom.xml" -nt "$cp_file" ]]; then
  echo "Resolving the Flink cluster's classpath (mvn dependency:build-classpath)..."
  mkdir -p "$(dirname "$cp_file")"
  mvn -B -q -f "$cluster_pom" dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
fi
cluster_cp="$(cat "$cp_file")"

# A port nothing listens on now (random, so parallel runs rarely collide; the cluster fails
# loudly if one is taken in between).
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}
rpc_port="$(free_port)"
rest_port="$(free_port)"
while [[ "$rest_port" == "$rpc_port" ]]; do rest_port="$(free_port)"; done

# TaskManager memory, every part explicit: TaskManagerRunner started directly (not through Flink's
# taskmanager.sh) computes nothing itself, and the JVM limits below must match these sizes.
task_heap="${FLINK_TASK_HEAP:-1536m}"
framework_heap=128m
framework_off_heap=128m
task_off_heap=64m
network=256m
managed=256m
metaspace=256m
overhead=192m
mb() { local v="${1,,}"; case "$v" in *g) echo $((${v%g} * 1024)) ;; *m) echo "${v%m}" ;; *) echo "bad size $1" >&2; exit 2 ;; esac; }
tm_heap_mb=$(($(mb "$framework_heap") + $(mb "$task_heap")))
tm_direct_mb=$(($(mb "$framework_off_heap") + $(mb "$task_off_heap") + $(mb "$network")))
jm_heap=768m

cat > "$run/conf/config.yaml" <<EOF
# Generated by scripts/run-flink.sh for one run; localhost only.
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $rpc_port
jobmanager.bind-host: localhost
jobmanager.memory.heap.size: $jm_heap
rest.address: localhost
rest.bind-address: localhost
rest.port: $rest_port
taskmanager.host: localhost
taskmanager.bind-host: localhost
taskmanager.numberOfTaskSlots: 2
parallelism.default: 2
taskmanager.cpu.cores: 2
taskmanager.memory.framework.heap.size: $framework_heap
taskmanager.memory.task.heap.size: $task_heap
taskmanager.memory.framework.off-heap.size: $framework_off_heap
taskmanager.memory.task.off-heap.size: $task_off_heap
taskmanager.memory.network.min: $network
taskmanager.memory.network.max: $network
taskmanager.memory.managed.size: $managed
taskmanager.memory.jvm-metaspace.size: $metaspace
taskmanager.memory.jvm-overhead.min: $overhead
taskmanager.memory.jvm-overhead.max: $overhead
io.tmp.dirs: $run/tmp
web.tmpdir: $run/tmp
blob.storage.directory: $run/tmp
# Batch jobs exchange data through blocking, sort-based partitions; Flink's default of 512 buffers
# for each would need far more network memory than this small TaskManager has for a graph this wide.
taskmanager.network.sort-shuffle.min-buffers: 64
# RPCs between the JobManager and the TaskManager (task deployment among them) time out after 10 s by
# default; on a loaded machine (CI sharing two cores with builds) a deployment took longer and failed
# the job.
pekko.ask.timeout: 120 s
heartbeat.timeout: 180000
# Beam's SDK threads may outlive a job's user-code class loader; do not fail the job over it.
classloader.check-leaked-classloader: false
EOF
cat > "$run/conf/log4j.properties" <<'EOF'
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
appender.main.name = MainAppender
appender.main.type = File
appender.main.fileName = ${sys:log.file}
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
logger.pekko.name = org.apache.pekko
logger.pekko.level = WARN
logger.netty.name = org.apache.flink.shaded.netty4
logger.netty.level = WARN
EOF

jm_pid=""
tm_pid=""
client_pid=""
stop_cluster() {
  local pid
  for pid in $client_pid $tm_pid $jm_pid; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $client_pid $tm_pid $jm_pid; do
    for _ in $(seq 1 20); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
  done
}
finish() {
  local status=$?
  trap - EXIT INT TERM
  if [[ "$keep_cluster" == true && $status -eq 0 ]]; then
    echo "Flink cluster left running: JobManager http://localhost:$rest_port (pids $jm_pid $tm_pid)."
    echo "Submit more with: scripts/run-flink.sh --flinkMaster=localhost:$rest_port ..."
    echo "Stop it with: $run/stop-cluster.sh"
  else
    echo "Stopping the Flink cluster (JobManager $jm_pid, TaskManager $tm_pid)"
    stop_cluster
  fi
  exit "$status"
}
trap finish EXIT
trap 'echo "Interrupted" >&2; exit 130' INT TERM

start_jvm() { # name main-class heap extra-jvm-options...
  local name="$1" main="$2" heap="$3"
  shift 3
  # A session of its own: the cluster outlives neither this script (the trap) nor, unless
  # --keep-cluster, a terminal's Ctrl-C of the client; setsid keeps it from the terminal's signals.
  setsid java -Xms"$heap" -Xmx"$heap" "$@" \
    -Dlog.file="$run/$name.log" -Dlog4j.configurationFile="file:$run/conf/log4j.properties" \
    -cp "$cluster_cp" "$main" --configDir "$run/conf" > "$run/$name.out" 2>&1 < /dev/null &
  echo $! > "$run/$name.pid"
  echo $!
}
jm_pid="$(start_jvm jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint "$jm_heap")"
tm_pid="$(start_jvm taskmanager org.apache.flink.runtime.taskexecutor.TaskManagerRunner "${tm_heap_mb}m" \
  -XX:MaxDirectMemorySize="${tm_direct_mb}m" -XX:MaxMetaspaceSize="$metaspace")"
printf '#!/usr/bin/env bash\n# Stops the Flink cluster of %s\nkill %s %s 2>/dev/null || true\n' \
  "$run" "$jm_pid" "$tm_pid" > "$run/stop-cluster.sh"
chmod +x "$run/stop-cluster.sh"
echo "Started JobManager (pid $jm_pid, RPC localhost:$rpc_port, REST http://localhost:$rest_port) and TaskManager (pid $tm_pid)"

http_get() { # PATH: the REST endpoint's answer, or nothing
  if command -v curl >/dev/null 2>&1; then
    curl -sf --max-time 5 "http://localhost:$rest_port$1" || true
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$rest_port" && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3 \
      && sed '1,/^\r$/d' <&3) 2>/dev/null || true
  fi
}

deadline=$((SECONDS + ${FLINK_START_TIMEOUT:-120}))
until [[ "$(http_get /overview)" =~ \"taskmanagers\":[1-9] ]]; do
  for name in jobmanager taskmanager; do
    pid="$(cat "$run/$name.pid")"
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The $name exited during start-up; the end of $run/$name.log:" >&2
      tail -n 30 "$run/$name.log" "$run/$name.out" >&2 2>/dev/null || true
      exit 1
    fi
  done
  if ((SECONDS > deadline)); then
    echo "The cluster did not come up within ${FLINK_START_TIMEOUT:-120}s; see $run/*.log" >&2
    exit 1
  fi
  sleep 1
done
echo "Flink cluster up after ${SECONDS}s: JobManager http://localhost:$rest_port, 1 TaskManager, 2 slots"

job_name="claimwatch-$stamp"
echo "Submitting $jar as job $job_name (client output: $run/client.log)"
submit_start=$SECONDS
set +e
java "$JVM_EXIT_ON_OOM" ${CLAIMWATCH_JAVA_OPTS:--Xmx1g} "-D$quiet_translator" -jar "$jar" --runner=FlinkRunner "--flinkMaster=localhost:$rest_port" \
  "--filesToStage=$jar" "--jobName=$job_name" "${args[@]}" > >(tee "$run/client.log") 2>&1 &
client_pid=$!
wait "$client_pid"
status=$?
client_pid=""
set -e

# The job's id and final state, as the JobManager reports them.
jobs="$(http_get /jobs/overview | sed 's/},{/}\n{/g' | grep "\"name\":\"$job_name\"" || true)"
job_id="$(grep -o '"jid":"[0-9a-f]*"' <<< "$jobs" | head -n 1 | cut -d'"' -f4)"
job_state="$(grep -o '"state":"[A-Z]*"' <<< "$jobs" | head -n 1 | cut -d'"' -f4)"
echo "$job_id" > "$run/job-id"
echo "JobManager http://localhost:$rest_port  job ${job_id:-?} ($job_name) ${job_state:-not found}" \
  "after $((SECONDS - submit_start))s; client exit status $status"
exit "$status"
