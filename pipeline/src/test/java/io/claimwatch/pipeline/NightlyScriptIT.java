package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/nightly.sh as a scheduler runs it: the shaded jar, the manifest's versions, the exit status. */
class NightlyScriptIT {
  private final Path root = Path.of(System.getProperty("claimwatch.root", "..")).toAbsolutePath().normalize();
  private final Path jar = Path.of(System.getProperty("claimwatch.jar", "target/claimwatch-pipeline-bundled-0.1.0-SNAPSHOT.jar"))
      .toAbsolutePath();

  @TempDir
  Path dir;

  @Test
  void theScriptRunsANightAndRecordsItsVersions() throws Exception {
    Path incoming = dir.resolve("incoming");
    Path out = dir.resolve("out");
    NightlyBatchTest.arrive(incoming, "2026-03-01", "a.jsonl", NightlyBatchTest.article("bridge-1", "ledger",
        "2026-03-01T08:00:00Z", "Officials said the river bridge would reopen in May after repairs."));
    // Compressed arrivals are read as well; this one is a day late.
    Files.createDirectories(incoming.resolve("2026-03-02"));
    try (Writer gz = new OutputStreamWriter(new GZIPOutputStream(
        Files.newOutputStream(incoming.resolve("2026-03-02/b.jsonl.gz"))), StandardCharsets.UTF_8)) {
      gz.write(NightlyBatchTest.article("bridge-2", "courier", "2026-03-01T17:30:00Z",
          "The mayor said the river bridge would reopen in May.") + "\n");
    }

    assertEquals(0, script("--incoming=" + incoming, "--output=" + out, "--date=2026-03-02",
        "--extractor=rules", "--shuffleBuckets=2", "--aggregationBuckets=1"));
    assertTrue(Files.readString(out.resolve("daily/day=2026-03-01/daily.jsonl")).contains("\"day\":\"2026-03-01\""));
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("runs/nightly-2026-03-02/manifest.json").toFile());
    assertEquals(jar.toString(), manifest.path("versions").path("jar").path("path").asText());
    assertEquals(Files.size(jar), manifest.path("versions").path("jar").path("bytes").asLong());
    String head = git(root);
    if (head != null) {
      assertTrue(manifest.path("versions").path("git").asText().startsWith(head), manifest.path("versions").toString());
    }
    assertEquals(2, manifest.path("records").path("accepted").asInt());
    assertTrue(Files.readString(out.resolve("articles/day=2026-03-01/articles.jsonl")).contains("bridge-2"));

    assertEquals(2, script("--incoming=" + incoming, "--output=" + out, "--lookback=-1"), "bad options");
  }

  /**
   * Out of memory ends the run with status 3. Without -XX:+ExitOnOutOfMemoryError an error in one of
   * the Direct Runner's own threads can leave the run waiting forever, holding the nightly lock; here
   * the heap is too small to start, so the error comes at once (without the flag: status 1).
   */
  @Test
  void runningOutOfMemoryEndsTheRunWithStatusThree() throws Exception {
    Path incoming = dir.resolve("incoming");
    NightlyBatchTest.arrive(incoming, "2026-03-01", "a.jsonl", NightlyBatchTest.article("bridge-1", "ledger",
        "2026-03-01T08:00:00Z", "Officials said the river bridge would reopen in May after repairs."));

    assertEquals(3, scriptWithJavaOptions("-Xmx16m", "--incoming=" + incoming,
        "--output=" + dir.resolve("out"), "--date=2026-03-01", "--extractor=rules"));
    assertTrue(Files.readString(dir.resolve("nightly.log")).contains("Terminating due to java.lang.OutOfMemoryError"));
    assertTrue(Files.notExists(dir.resolve("out/runs/nightly-2026-03-01/manifest.json")), "no night published");
  }

  private int script(String... args) throws IOException, InterruptedException {
    return scriptWithJavaOptions("-Xmx1g", args);
  }

  private int scriptWithJavaOptions(String javaOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(root.resolve("scripts/nightly.sh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("nightly.log").toFile()));
    builder.environment().put("CLAIMWATCH_JAR", jar.toString());
    builder.environment().put("CLAIMWATCH_JAVA_OPTS", javaOptions);
    Process process = builder.start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("nightly.sh did not finish: " + Files.readString(dir.resolve("nightly.log")));
    }
    return process.exitValue();
  }

  /** The repository's HEAD commit, or null when it is not a git checkout. */
  private static String git(Path root) throws IOException, InterruptedException {
    Process git = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD").redirectErrorStream(true).start();
    String out = new String(git.getInputStream().readAllBytes()).trim();
    return git.waitFor() == 0 ? out : null;
  }
}
