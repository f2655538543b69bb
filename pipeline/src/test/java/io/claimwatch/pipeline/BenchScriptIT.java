package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/bench.sh --quick} runs in CI so the benchmark never rots: every measurement it
 * takes (yardstick, kernel, each runner end to end, each JMH kernel benchmark) prints a positive
 * rate, and each runner's run accounts for all 40 articles. Speeds are not asserted: they belong to
 * the benchmark, not to a test on a shared machine.
 */
class BenchScriptIT {
  private static final Pattern RATE = Pattern.compile("^(.+?)\\s+(\\d+) articles\\s+([\\d.]+) s\\s+([\\d.]+) articles/s", Pattern.MULTILINE);
  // JMH leaves the count column empty after a single iteration (the quick mode).
  private static final Pattern JMH_ROW = Pattern.compile("^KernelBenchmarks\\.(\\w+)\\s+\\S+\\s+thrpt\\s+(?:\\d+\\s+)?([\\d.,]+)", Pattern.MULTILINE);
  private static final List<String> JMH_BENCHMARKS = List.of(
      "analyze", "bareTokenizeAndTag", "claimKeys", "claimSignaturesAndMatches", "clean", "extractAttributions");

  @TempDir Path work;

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void quickBenchmarkMeasuresEveryPathAndAccountsForEveryArticle() throws Exception {
    Path root = Path.of(System.getProperty("claimwatch.root", "..")).toAbsolutePath().normalize();
    Path jar = Path.of(System.getProperty("claimwatch.jar", "target/claimwatch-pipeline-bundled-0.1.0-SNAPSHOT.jar"));
    boolean withFlink;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      withFlink = zip.getEntry("org/apache/beam/runners/flink/FlinkRunner.class") != null;
    }
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/bench.sh").toString(), "--quick"));
    if (!withFlink) {
      command.add("--runners=DirectRunner");
    }
    Path log = work.resolve("bench.log");
    Process bench = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!bench.waitFor(14, TimeUnit.MINUTES)) {
      bench.descendants().forEach(ProcessHandle::destroyForcibly);
      bench.destroyForcibly();
      fail("bench.sh --quick did not finish:\n" + Files.readString(log));
    }
    String output = Files.readString(log);
    assertEquals(0, bench.exitValue(), output);

    List<String> measured = new ArrayList<>();
    Matcher rate = RATE.matcher(output);
    while (rate.find()) {
      measured.add(rate.group(1).strip());
      assertEquals(40, Integer.parseInt(rate.group(2)), rate.group());
      assertTrue(Double.parseDouble(rate.group(4)) > 0, rate.group());
    }
    List<String> expected = new ArrayList<>(List.of("bare OpenNLP tokenize+POS, 1 thread",
        "Claimwatch kernel, " + Runtime.getRuntime().availableProcessors() + " threads",
        "pipeline on DirectRunner (end to end)"));
    if (withFlink) {
      expected.add("pipeline on FlinkRunner (end to end)");
      assertTrue(output.contains("Flink [local] time / Direct Runner time: "), output);
    }
    int runs = expected.size() - 2;
    expected.add("bare OpenNLP tokenize+POS, 1 thread, again");
    assertEquals(expected, measured, output);
    assertEquals(runs, count(output, "\"read\":40,"), output);
    assertEquals(runs, count(output, "\"balanced\":true"), output);
    // Each runner's run log ends with its counters, and claim identity compared some pairs.
    assertEquals(runs, count(output, "  counters: candidateComparisons = "), output);
    assertEquals(runs, count(output, "against the mean yardstick ("), output);

    List<String> benchmarks = new ArrayList<>();
    Matcher row = JMH_ROW.matcher(output);
    while (row.find()) {
      benchmarks.add(row.group(1));
      assertTrue(Double.parseDouble(row.group(2).replace(",", "")) > 0, row.group());
    }
    assertEquals(JMH_BENCHMARKS, benchmarks, output);
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }
}
