package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly batch on the Direct Runner, on a few short articles laid out by arrival day: a late
 * article counted once in its publication day, re-runs byte-identical, a killed run changing nothing.
 */
class NightlyBatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  // Published 2026-03-01, arriving that day; again (same id) on 2026-03-03.
  private static final String ON_TIME = article("bridge-1", "ledger", "2026-03-01T08:00:00Z",
      "Officials said the river bridge would reopen in May after repairs. The council approved the budget on Monday.");
  // Published 2026-03-01, arriving two days late, on 2026-03-03.
  private static final String LATE = article("bridge-2", "courier", "2026-03-01T17:30:00Z",
      "The mayor said the river bridge would reopen in May. Traffic was diverted through the old town.");
  private static final String SECOND_DAY = article("port-1", "ledger", "2026-03-02T09:00:00Z",
      "Port workers said the strike would continue until Friday. Ships waited outside the harbour.");
  // Published 2026-03-01 but arriving on 2026-03-05: four days late, past the lookback of 3.
  private static final String TOO_LATE = article("bridge-3", "herald", "2026-03-01T12:00:00Z",
      "A spokesman said the river bridge would reopen in May. Engineers inspected the piers.");
  private static final String FIFTH_DAY = article("school-1", "courier", "2026-03-05T07:00:00Z",
      "The minister said schools would open on Monday. Parents welcomed the decision.");

  // Few groups and no Direct Runner checks: what is tested is which articles reach which day.
  private static final List<String> FAST = List.of("--runner=DirectRunner", "--extractor=rules", "--shuffleBuckets=2",
      "--aggregationBuckets=1", "--enforceImmutability=false", "--enforceEncodability=false");

  @TempDir
  Path dir;

  @Test
  void aLateArticleIsCountedOnceInItsPublicationDayAndReRunsAreByteIdentical() throws Exception {
    Path incoming = dir.resolve("incoming");
    Path out = dir.resolve("out");
    arrive(incoming, "2026-03-01", "a.jsonl", ON_TIME);
    arrive(incoming, "2026-03-02", "b.jsonl", SECOND_DAY);
    arrive(incoming, "2026-03-03", "c.jsonl", LATE, ON_TIME);
    arrive(incoming, "2026-03-05", "e.jsonl", TOO_LATE, FIFTH_DAY);

    assertEquals(0, night(incoming, out, "--date=2026-03-01"));
    assertEquals(List.of("bridge-1"), articleIds(out, "2026-03-01"));
    int onTimeMentions = mentionsOf(out, "2026-03-01", "bridge-1");
    assertTrue(onTimeMentions > 0, "the on-time article has mentions");

    assertEquals(0, night(incoming, out, "--date=2026-03-03"));
    assertEquals(List.of("bridge-1", "bridge-2"), articleIds(out, "2026-03-01"));
    assertEquals(List.of("port-1"), articleIds(out, "2026-03-02"));
    assertEquals(onTimeMentions, mentionsOf(out, "2026-03-01", "bridge-1"), "the copy arriving again is not counted");
    assertTrue(mentionsOf(out, "2026-03-01", "bridge-2") > 0, "the late article counts in its publication day");
    assertEquals(lines(out.resolve("mentions/day=2026-03-01/mentions.jsonl")).size(),
        dailyMentions(out, "2026-03-01"), "daily counts add up to the day's mentions");
    JsonNode manifest = manifest(out, "nightly-2026-03-03");
    assertEquals(1, manifest.path("records").path("duplicates").asInt());
    assertEquals("2026-02-28", manifest.path("publicationDays").path("from").asText());
    assertEquals(List.of("2026-02-28"), texts(manifest.path("arrivalDays").path("missing")));
    assertEquals(List.of("2026-03-01/a.jsonl", "2026-03-02/b.jsonl", "2026-03-03/c.jsonl"),
        texts(manifest.path("inputs").findValues("path")));
    assertEquals(64, manifest.path("inputs").get(0).path("sha256").asText().length());

    Map<String, String> first = files(out);
    assertEquals(0, night(incoming, out, "--date=2026-03-03"));
    assertEquals(first, files(out), "re-running a night rewrites identical bytes");
    assertEquals(withoutTiming(manifest), withoutTiming(manifest(out, "nightly-2026-03-03")));

    // Night 5 replaces 2026-03-02..05; 2026-03-01 is final, and the article 4 days late is reported, not counted.
    assertEquals(0, night(incoming, out, "--date=2026-03-05"));
    Map<String, String> afterNight5 = files(out);
    assertEquals(first.get("daily/day=2026-03-01/daily.jsonl"), afterNight5.get("daily/day=2026-03-01/daily.jsonl"));
    assertEquals(List.of("school-1"), articleIds(out, "2026-03-05"));
    assertEquals(List.of(), articleIds(out, "2026-03-04"));
    JsonNode night5 = manifest(out, "nightly-2026-03-05");
    assertEquals(1, night5.path("records").path("arrivedTooLate").asInt());
    assertTrue(lines(out.resolve("runs/nightly-2026-03-05/deadletter.jsonl")).stream()
        .anyMatch(l -> l.contains("\"stage\":\"arrival\"") && l.contains("bridge-3")));

    // Re-running an older night would roll night 5's arrivals back out of its days: refused.
    assertEquals(2, night(incoming, out, "--date=2026-03-03"));
    assertEquals(afterNight5, files(out));

    // The documented remedy for an article later than the lookback: backfill its day with a longer one.
    assertEquals(0, night(incoming, out, "--date=2026-03-05", "--backfill=2026-03-01..2026-03-01", "--lookback=4"));
    assertEquals(List.of("bridge-1", "bridge-2", "bridge-3"), articleIds(out, "2026-03-01"));
    assertEquals(afterNight5.get("daily/day=2026-03-02/daily.jsonl"), files(out).get("daily/day=2026-03-02/daily.jsonl"));
  }

  @Test
  void aKilledRunLeavesThePreviousOutputs() throws Exception {
    Path incoming = dir.resolve("incoming");
    Path out = dir.resolve("out");
    arrive(incoming, "2026-03-01", "a.jsonl", ON_TIME);
    arrive(incoming, "2026-03-03", "c.jsonl", LATE, ON_TIME);
    assertEquals(0, night(incoming, out, "--date=2026-03-01"));
    Map<String, String> before = files(out);

    Path log = dir.resolve("killed.log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), NightlyBatch.class.getName(),
        "--incoming=" + incoming, "--output=" + out, "--date=2026-03-03"));
    command.addAll(FAST);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      // The work directory's staging area exists once the pipeline is about to run.
      Path staging = out.resolve(".nightly-work/.staging");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.exists(staging) && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(process.isAlive() && Files.exists(staging), () -> "the run was not caught mid-run: " + read(log));
    } finally {
      process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
    }
    assertEquals(before, files(out), "a killed run changes no output");
    assertFalse(Files.exists(out.resolve("runs/nightly-2026-03-03")));

    // The next run clears what the killed one left and completes.
    assertEquals(0, night(incoming, out, "--date=2026-03-03"));
    assertEquals(List.of("bridge-1", "bridge-2"), articleIds(out, "2026-03-01"));
    assertFalse(Files.exists(out.resolve(".nightly-work")));
  }

  @Test
  void onAnObjectStoreTheSameDaysArePublishedAndReRunsAreByteIdentical() throws Exception {
    Path incoming = dir.resolve("incoming");
    arrive(incoming, "2026-03-01", "a.jsonl", ON_TIME);
    arrive(incoming, "2026-03-02", "b.jsonl", SECOND_DAY);
    arrive(incoming, "2026-03-03", "c.jsonl", LATE, ON_TIME);
    Path local = dir.resolve("local");
    assertEquals(0, night(incoming, local, "--date=2026-03-03"));

    // The same night through the object-store code path (objtest:// is gs:// without Google Cloud).
    Path store = dir.resolve("store");
    assertEquals(0, objectStoreNight(incoming, store, "--date=2026-03-03"));
    Map<String, String> published = files(store);
    assertEquals(files(local), published, "the same days, byte for byte, as on a local disk");
    assertEquals(List.of("bridge-1", "bridge-2"), articleIds(store, "2026-03-01"));
    JsonNode manifest = manifest(store, "nightly-2026-03-03");
    assertEquals(ObjectStoreFileSystem.uri(incoming), manifest.path("incoming").asText());
    assertEquals(List.of("2026-03-01/a.jsonl", "2026-03-02/b.jsonl", "2026-03-03/c.jsonl"),
        texts(manifest.path("inputs").findValues("path")));
    assertEquals(manifest(local, "nightly-2026-03-03").path("outputs"), manifest.path("outputs"));
    assertFalse(Files.exists(store.resolve(".nightly.lock")), "no lock file on an object store");
    assertEquals(List.of(), regularFiles(store.resolve(".nightly-tmp")), "no staged object left");
    assertEquals(List.of(), regularFiles(store.resolve(".nightly-work")), "no work object left");

    assertEquals(0, objectStoreNight(incoming, store, "--date=2026-03-03"));
    assertEquals(published, files(store), "re-running a night rewrites identical bytes");
    assertEquals(withoutTiming(manifest), withoutTiming(manifest(store, "nightly-2026-03-03")));
    // A later night is found from the published manifests there too.
    assertEquals(0, objectStoreNight(incoming, store, "--date=2026-03-04"));
    assertEquals(2, objectStoreNight(incoming, store, "--date=2026-03-03"));
  }

  private static int objectStoreNight(Path incoming, Path out, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("--incoming=" + ObjectStoreFileSystem.uri(incoming),
        "--output=" + ObjectStoreFileSystem.uri(out)));
    all.addAll(FAST);
    all.addAll(List.of(args));
    return NightlyBatch.run(all.toArray(String[]::new));
  }

  private static List<Path> regularFiles(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  private static int night(Path incoming, Path out, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("--incoming=" + incoming, "--output=" + out));
    all.addAll(FAST);
    all.addAll(List.of(args));
    return NightlyBatch.run(all.toArray(String[]::new));
  }

  static String article(String id, String outlet, String publishedAt, String body) {
    ObjectNode a = JSON.createObjectNode();
    a.put("id", id).put("outlet", outlet).put("publishedAt", publishedAt).put("body", body);
    return a.toString();
  }

  static void arrive(Path incoming, String day, String file, String... articles) throws IOException {
    Files.createDirectories(incoming.resolve(day));
    Files.writeString(incoming.resolve(day).resolve(file), String.join("\n", articles) + "\n");
  }

  private static List<String> articleIds(Path out, String day) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : lines(out.resolve("articles/day=" + day + "/articles.jsonl"))) {
      ids.add(JSON.readTree(line).path("id").asText());
    }
    return ids;
  }

  private static int mentionsOf(Path out, String day, String articleId) throws IOException {
    int n = 0;
    for (String line : lines(out.resolve("mentions/day=" + day + "/mentions.jsonl"))) {
      n += JSON.readTree(line).path("articleId").asText().equals(articleId) ? 1 : 0;
    }
    return n;
  }

  private static int dailyMentions(Path out, String day) throws IOException {
    int n = 0;
    for (String line : lines(out.resolve("daily/day=" + day + "/daily.jsonl"))) {
      n += JSON.readTree(line).path("mentions").asInt();
    }
    return n;
  }

  private static JsonNode manifest(Path out, String run) throws IOException {
    return JSON.readTree(out.resolve("runs").resolve(run).resolve("manifest.json").toFile());
  }

  private static JsonNode withoutTiming(JsonNode manifest) {
    ObjectNode copy = manifest.deepCopy();
    copy.remove("timing");
    return copy;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<String> texts(List<JsonNode> nodes) {
    return nodes.stream().map(JsonNode::asText).toList();
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Every published file (not the run records nor work areas) and its content. */
  private static Map<String, String> files(Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String name = out.relativize(p).toString();
        if (!name.startsWith("runs/") && !name.startsWith(".")) {
          files.put(name, Files.readString(p));
        }
      }
    }
    return files;
  }
}
