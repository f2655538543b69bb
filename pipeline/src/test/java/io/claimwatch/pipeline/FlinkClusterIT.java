package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input on the Direct Runner (in this JVM) and on a real Flink session cluster (a
 * JobManager and a TaskManager JVM started by {@code scripts/run-flink.sh}, the job submitted as
 * the shaded jar): identical mentions, daily records, dead letters, duplicates and summary. Output
 * files are compared as sorted sets of JSON lines, since the runners shard files differently.
 *
 * <p>Run by failsafe in {@code mvn verify}, after the shaded jar is built; skipped when the jar has
 * no Flink runner (-DnoFlink). Bounded: the script gets {@link #SCRIPT_TIMEOUT_MINUTES} minutes, then is stopped (its trap
 * stops the cluster), and whatever cluster JVMs are still alive afterwards are killed by the pids
 * the script recorded.
 */
class FlinkClusterIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SCRIPT_TIMEOUT_MINUTES = 8;
  private static final List<String> RECORD_OUTPUTS = List.of("mentions", "daily", "deadletter", "duplicates");
  private static final Pattern JOB_LINE = Pattern.compile("JobManager http://localhost:\\d+ +job ([0-9a-f]{32}) .* FINISHED");

  @TempDir Path work;

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void directRunnerAndFlinkClusterProduceTheSameRecords() throws Exception {
    Path root = Path.of(System.getProperty("claimwatch.root", "..")).toAbsolutePath().normalize();
    Path jar = Path.of(System.getProperty("claimwatch.jar", "target/claimwatch-pipeline-bundled-0.1.0-SNAPSHOT.jar"))
        .toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "shaded jar missing: " + jar);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assumeTrue(zip.getEntry("org/apache/beam/runners/flink/FlinkRunner.class") != null,
          "the shaded jar has no Flink runner (built with -DnoFlink)");
    }
    Path input = input(root);

    Path directOut = work.resolve("direct");
    assertEquals(PipelineResult.State.DONE, PipelineRuns.run(input.toString(), directOut));

    Path flinkOut = work.resolve("flink");
    Path runDir = work.resolve("flink-run");
    String log = runFlinkScript(root, jar, runDir, "--input=" + input, "--output=" + flinkOut);

    Matcher job = JOB_LINE.matcher(log);
    assertTrue(job.find(), "the script names the finished Flink job:\n" + tail(log));
    assertFalse(Files.exists(flinkOut.resolve(".staging")), "the Flink run's outputs were published");
    for (String output : RECORD_OUTPUTS) {
      List<String> direct = sortedLines(directOut.resolve(output));
      List<String> flink = sortedLines(flinkOut.resolve(output));
      assertEquals(direct.size(), flink.size(), output + " records");
      assertEquals(direct, flink, output + " records differ between the Direct Runner and Flink");
    }
    JsonNode summary = JSON.readTree(Files.readString(directOut.resolve("summary.json")));
    assertEquals(summary, JSON.readTree(Files.readString(flinkOut.resolve("summary.json"))));
    // The input covers every kind of record, so the comparison above compares something.
    assertTrue(summary.get("balanced").asBoolean());
    assertTrue(summary.get("mentions").asLong() > 100, summary.toString());
    assertTrue(summary.get("days").asLong() > 1, summary.toString());
    assertTrue(summary.get("duplicates").asLong() > 0, summary.toString());
    assertTrue(summary.get("deadLettered").asLong() > 0, summary.toString());
  }

  /** The seed article, a slice of PolNeAR dev (several days and outlets) and the bad-records fixture. */
  private Path input(Path root) throws IOException {
    Path input = Files.createDirectories(work.resolve("input"));
    Files.copy(root.resolve("samples/seed-unn.jsonl"), input.resolve("seed-unn.jsonl"));
    List<String> polnear = Files.readAllLines(root.resolve("samples/polnear-dev-36.jsonl"));
    Files.write(input.resolve("polnear-dev-12.jsonl"), polnear.subList(0, 12));
    Files.copy(root.resolve("pipeline/src/test/resources/fixtures/mixed-good-and-bad.jsonl"),
        input.resolve("mixed-good-and-bad.jsonl"));
    return input;
  }

  private static String runFlinkScript(Path root, Path jar, Path runDir, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/run-flink.sh").toString()));
    command.addAll(List.of(options));
    Path log = runDir.resolveSibling("run-flink.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("CLAIMWATCH_JAR", jar.toString());
    builder.environment().put("CLAIMWATCH_FLINK_RUN_DIR", runDir.toString());
    Process script = builder.start();
    try {
      if (!script.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        script.destroy(); // SIGTERM: the script's trap stops the cluster
        script.waitFor(30, TimeUnit.SECONDS);
        fail("run-flink.sh did not finish within " + SCRIPT_TIMEOUT_MINUTES + " minutes:\n" + tail(Files.readString(log)));
      }
      String output = Files.readString(log);
      assertEquals(0, script.exitValue(), "run-flink.sh failed:\n" + tail(output));
      return output;
    } finally {
      script.descendants().forEach(ProcessHandle::destroyForcibly);
      script.destroyForcibly();
      for (String name : List.of("jobmanager", "taskmanager")) {
        killRecorded(runDir.resolve(name + ".pid"), runDir);
      }
    }
  }

  /** Kills a cluster JVM the script started, if it is still alive (and still that JVM). */
  private static void killRecorded(Path pidFile, Path runDir) throws Exception {
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> jvm = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()));
    if (jvm.isPresent() && jvm.get().info().commandLine().orElse("").contains(runDir.toString())) {
      jvm.get().destroy();
      try {
        jvm.get().onExit().get(15, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        jvm.get().destroyForcibly();
      }
    }
  }

  private static List<String> sortedLines(Path directory) throws IOException {
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return lines;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
          reader.lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
      }
    }
    lines.sort(null);
    return lines;
  }

  private static String tail(String text) {
    return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
  }
}
