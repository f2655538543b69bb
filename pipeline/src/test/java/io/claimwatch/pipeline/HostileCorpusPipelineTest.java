package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus ({@code src/test/resources/hostile}, plus multi-megabyte records generated
 * here) through the whole pipeline on the Direct Runner, once, with the runner's immutability and
 * encodability checks on: every record ends accepted, duplicate or dead letter, per file; every
 * span of every mention lies on its text in the body; nothing is written outside {@code --output}.
 */
class HostileCorpusPipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_CHARS = 20_000;
  private static final int MAX_RECORD_BYTES = 4_000_000;
  private static final int MAX_SENTENCE_CHARS = 400;
  private static final Set<String> OUTPUTS = Set.of("mentions", "articles", "daily", "watchlist", "sources", "avro",
      "deadletter", "duplicates", "shared-urls", "summary.json", "report.html");

  @TempDir static Path root;
  static Path input;
  static Path out;
  static PipelineResult.State state;
  static Map<String, String> inputBodies = new HashMap<>();
  static Set<Path> before;
  static long overLimitBodyChars;
  static long overLimitRecordBytes;

  @BeforeAll
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  static void runTheCorpusOnce() throws IOException {
    input = Files.createDirectories(root.resolve("input"));
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/hostile"))) {
      for (Path file : files.toList()) {
        Files.copy(file, input.resolve(file.getFileName().toString()));
      }
    }
    writeLargeRecords(input.resolve("large.jsonl"));
    for (String name : List.of("bom-crlf.jsonl", "languages.jsonl", "emoji-and-html.jsonl", "large.jsonl",
        "dates-duplicates-paths.jsonl", "bad-lines.jsonl")) {
      for (String line : Files.readAllLines(input.resolve(name))) {
        JsonNode record = line.isBlank() ? null : readOrNull(line.replace("\uFEFF", ""));
        if (record != null && record.path("id").isTextual() && record.path("body").isTextual()) {
          inputBodies.putIfAbsent(record.get("id").asText(), record.get("body").asText());
        }
      }
    }
    out = root.resolve("out");
    before = tree(root);
    state = PipelineRuns.run(input.toString(), out, "--maxBodyChars=" + MAX_BODY_CHARS,
        "--maxRecordBytes=" + MAX_RECORD_BYTES, "--maxSentenceChars=" + MAX_SENTENCE_CHARS, "--shuffleBuckets=4");
  }

  /**
   * A body of exactly --maxBodyChars (a run of words with no punctuation, then an attributed
   * sentence), a 3 MB body and a 5 MB record: generated, not committed.
   */
  private static void writeLargeRecords(Path file) throws IOException {
    String tail = " and the work goes on. The engineer \uD83D\uDE80 said that the tunnel will open in June.";
    StringBuilder run = new StringBuilder("Night shift crews");
    String[] words = {"tunnel", "river", "\uD835\uDD05ridge", "\uD83D\uDE00", "concrete", "cranes"};
    for (int i = 0; run.length() < MAX_BODY_CHARS - tail.length(); i++) {
      run.append(' ').append(words[i % words.length]);
    }
    run.setLength(MAX_BODY_CHARS - tail.length());
    if (Character.isHighSurrogate(run.charAt(run.length() - 1))) {
      run.setCharAt(run.length() - 1, 'x');
    }
    String atLimit = run + tail;
    assertEquals(MAX_BODY_CHARS, atLimit.length());
    String overLimit = "The clerk said that the archive is large. ".repeat(72_000);
    overLimitBodyChars = overLimit.length();
    String overLong = record("large-5mb-record", "x".repeat(5_000_000));
    overLimitRecordBytes = overLong.getBytes(StandardCharsets.UTF_8).length;
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(record("large-at-limit", atLimit) + "\n");
      w.write(record("large-3mb-body", overLimit) + "\n");
      w.write(overLong + "\n");
    }
  }

  private static String record(String id, String body) throws IOException {
    return JSON.writeValueAsString(Map.of("id", id, "outlet", "Big Wire", "publishedAt", "2024-05-13T06:00:00Z",
        "body", body));
  }

  @Test
  void theRunSucceeds() {
    assertEquals(PipelineResult.State.DONE, state);
  }

  @Test
  void everyRecordIsAccountedForInTotalAndPerFile() throws IOException {
    JsonNode summary = PipelineRuns.summary(out);
    assertEquals(54, summary.get("read").asLong(), summary.toString());
    assertEquals(23, summary.get("accepted").asLong(), summary.toString());
    assertEquals(4, summary.get("acceptedNotEnglish").asLong(), summary.toString());
    assertEquals(1, summary.get("duplicates").asLong(), summary.toString());
    assertEquals(30, summary.get("deadLettered").asLong(), summary.toString());
    assertTrue(summary.get("balanced").asBoolean());

    // read, accepted, duplicates, deadLettered per file
    Map<String, List<Long>> expected = new TreeMap<>(Map.of(
        "bad-lines.jsonl", List.of(20L, 2L, 0L, 18L),
        "bom-crlf.jsonl", List.of(2L, 2L, 0L, 0L),
        "truncated.jsonl.gz", List.of(5L, 4L, 0L, 1L),
        "invalid-utf8.jsonl", List.of(7L, 2L, 0L, 5L),
        "languages.jsonl", List.of(5L, 5L, 0L, 0L),
        "emoji-and-html.jsonl", List.of(2L, 2L, 0L, 0L),
        "dates-duplicates-paths.jsonl", List.of(10L, 5L, 1L, 4L),
        "large.jsonl", List.of(3L, 1L, 0L, 2L)));
    Map<String, List<Long>> actual = new TreeMap<>();
    summary.get("files").fields().forEachRemaining(f -> {
      JsonNode c = f.getValue();
      List<Long> counts = List.of(c.get("read").asLong(), c.get("accepted").asLong(), c.get("duplicates").asLong(),
          c.get("deadLettered").asLong());
      assertEquals(counts.get(0), counts.get(1) + counts.get(2) + counts.get(3), f.getKey() + " balances");
      actual.put(Path.of(f.getKey()).getFileName().toString(), counts);
    });
    assertEquals(expected, actual, "the empty file has no records to count");
  }

  @Test
  void everyDeadLetterHasItsStageAndReason() throws IOException {
    Map<String, String> reasons = new TreeMap<>();
    for (JsonNode d : PipelineRuns.records(out, "deadletter")) {
      assertFalse(d.get("stage").asText().isBlank(), d.toString());
      assertFalse(d.get("reason").asText().isBlank(), d.toString());
      assertTrue(d.get("input").asText().length() <= 4096, "dead letters keep a bounded prefix of the record");
      String where = Path.of(d.get("file").asText()).getFileName() + ":" + (d.get("line").isNull() ? "-" : d.get("line").asText());
      reasons.put(where, d.get("stage").asText() + ": " + d.get("reason").asText());
    }
    Map<String, String> expected = new TreeMap<>();
    expected.put("bad-lines.jsonl:2", "parse: malformed JSON");
    expected.put("bad-lines.jsonl:3", "parse: malformed JSON");
    expected.put("bad-lines.jsonl:4", "parse: record is a JSON array, not an object");
    expected.put("bad-lines.jsonl:5", "parse: record is a JSON number, not an object");
    expected.put("bad-lines.jsonl:6", "parse: record is a JSON string, not an object");
    expected.put("bad-lines.jsonl:7", "parse: record is a JSON null, not an object");
    expected.put("bad-lines.jsonl:8", "parse: malformed JSON");
    expected.put("bad-lines.jsonl:9", "parse: id must be a string, not number");
    expected.put("bad-lines.jsonl:10", "parse: body must be a string, not object");
    expected.put("bad-lines.jsonl:11", "parse: outlet must be a string or null, not array");
    expected.put("bad-lines.jsonl:12", "parse: publishedAt must be a string, not number");
    expected.put("bad-lines.jsonl:13", "parse: missing id");
    expected.put("bad-lines.jsonl:14", "parse: missing body");
    expected.put("bad-lines.jsonl:15", "parse: id is blank");
    expected.put("bad-lines.jsonl:16", "parse: body is blank");
    expected.put("bad-lines.jsonl:17", "parse: malformed JSON");
    expected.put("bad-lines.jsonl:18", "parse: malformed JSON");
    expected.put("bad-lines.jsonl:19", "parse: publishedAtSource must be one of");
    expected.put("truncated.jsonl.gz:-", "read: file unreadable after record 4");
    for (int line = 2; line <= 6; line++) {
      expected.put("invalid-utf8.jsonl:" + line, "read: invalid UTF-8");
    }
    expected.put("dates-duplicates-paths.jsonl:1", "parse: implausible publishedAt 1066-10-14T09:00:00Z");
    expected.put("dates-duplicates-paths.jsonl:2", "parse: implausible publishedAt 2999-12-31T00:00:00Z");
    expected.put("dates-duplicates-paths.jsonl:3", "parse: implausible publishedAt 0000-01-01T00:00:00Z");
    expected.put("dates-duplicates-paths.jsonl:4", "parse: publishedAt is not an RFC 3339 or ISO date");
    expected.put("large.jsonl:2", "parse: body has " + overLimitBodyChars + " chars, over maxBodyChars=" + MAX_BODY_CHARS);
    expected.put("large.jsonl:3", "read: record has " + overLimitRecordBytes + " bytes, over maxRecordBytes=" + MAX_RECORD_BYTES);
    assertEquals(expected.keySet(), reasons.keySet());
    expected.forEach((where, reason) -> assertTrue(reasons.get(where).startsWith(reason), where + ": " + reasons.get(where)));
    assertTrue(reasons.get("bad-lines.jsonl:8").contains("nesting depth"), reasons.get("bad-lines.jsonl:8"));
    assertTrue(reasons.get("bad-lines.jsonl:17").contains("Duplicate field 'id'"), reasons.get("bad-lines.jsonl:17"));
  }

  @Test
  void aTruncatedGzipKeepsTheRecordsBeforeTheCut() throws IOException {
    Set<String> kept = new TreeSet<>();
    for (JsonNode a : PipelineRuns.records(out, "articles")) {
      if (a.get("id").asText().startsWith("gz-")) {
        kept.add(a.get("id").asText());
      }
    }
    assertEquals(Set.of("gz-1", "gz-2", "gz-3", "gz-4"), kept);
  }

  @Test
  void theSameIdCountsOnceAndASharedUrlIsReported() throws IOException {
    List<JsonNode> duplicates = PipelineRuns.records(out, "duplicates");
    assertEquals(1, duplicates.size());
    assertEquals("dup-1", duplicates.get(0).get("recordId").asText());
    assertEquals(6, duplicates.get(0).get("line").asLong(), "the later copy is the duplicate");
    List<JsonNode> articles = PipelineRuns.records(out, "articles");
    assertEquals(1, articles.stream().filter(a -> a.get("id").asText().equals("dup-1")).count());
    assertEquals(23, articles.size(), "articles/ holds every accepted article once");

    List<JsonNode> shared = PipelineRuns.records(out, "shared-urls");
    assertEquals(1, shared.size());
    assertEquals("https://metro.example/a", shared.get(0).get("url").asText());
    assertEquals("[\"dup-1\",\"shared-url-b\"]", shared.get(0).get("articleIds").toString());
  }

  @Test
  void nonEnglishArticlesAreAcceptedTaggedAndNotExtracted() throws IOException {
    Map<String, String> languages = new TreeMap<>();
    for (JsonNode a : PipelineRuns.records(out, "articles")) {
      if (a.get("id").asText().startsWith("lang-")) {
        languages.put(a.get("id").asText(), a.get("language").asText());
      }
    }
    assertEquals(Map.of("lang-de", "deu", "lang-fr", "fra", "lang-ru", "rus", "lang-zh", "cmn", "lang-en", "eng"),
        languages);
    Set<String> withMentions = new TreeSet<>();
    PipelineRuns.records(out, "mentions").forEach(m -> withMentions.add(m.get("articleId").asText()));
    assertTrue(withMentions.contains("lang-en"));
    for (String id : List.of("lang-de", "lang-fr", "lang-ru", "lang-zh")) {
      assertFalse(withMentions.contains(id), id + " has no mentions");
    }
  }

  @Test
  void everySpanLiesInsideTheBodyOnItsTextAlsoAfterCharactersOutsideTheBmp() throws IOException {
    Map<String, String> bodies = new HashMap<>();
    PipelineRuns.records(out, "articles").forEach(a -> bodies.put(a.get("id").asText(), a.get("body").asText()));
    List<JsonNode> mentions = PipelineRuns.records(out, "mentions");
    assertFalse(mentions.isEmpty());
    for (JsonNode m : mentions) {
      String body = bodies.get(m.get("articleId").asText());
      assertNotNull(body, m.toString());
      assertSpanInside(body, m.get("sentence"), m);
      PipelineRuns.roleSpans(m).forEach(span -> assertSpanInside(body, span, m));
      PipelineRuns.assertRoleTextsAreTheirSpans(body, m);
    }
    // Offsets into the input record's body: plain-text bodies reach articles/ unchanged (HTML ones as their text).
    inputBodies.forEach((id, body) -> {
      if (bodies.containsKey(id) && !id.equals("html-1")) {
        assertEquals(body, bodies.get(id), id);
      }
    });

    String emoji = bodies.get("emoji-1");
    List<JsonNode> emojiMentions = mentions.stream().filter(m -> m.get("articleId").asText().equals("emoji-1")).toList();
    JsonNode metro = emojiMentions.stream()
        .filter(m -> m.get("content").get("text").asText().contains("metro line will reopen on Friday"))
        .findFirst().orElseThrow(() -> new AssertionError(emojiMentions.toString()));
    int start = metro.get("content").get("spans").get(0).get("start").asInt();
    assertTrue(emoji.codePointCount(0, start) < start, "the content starts after characters outside the BMP");
    assertEquals("said", metro.get("cue").get("text").asText());

    JsonNode tunnel = mentions.stream()
        .filter(m -> m.get("articleId").asText().equals("large-at-limit"))
        .filter(m -> m.get("content").get("text").asText().contains("the tunnel will open in June"))
        .findFirst().orElseThrow();
    assertEquals(bodies.get("large-at-limit").lastIndexOf("that the tunnel will open in June"),
        tunnel.get("content").get("spans").get(0).get("start").asInt(), tunnel.toString());
    for (JsonNode m : mentions) {
      if (m.get("articleId").asText().equals("large-at-limit")) {
        int length = m.get("sentence").get("end").asInt() - m.get("sentence").get("start").asInt();
        assertTrue(length <= MAX_SENTENCE_CHARS, "a run with no punctuation is cut at --maxSentenceChars: " + length);
      }
    }
  }

  @Test
  void markupAndScriptsInBodiesNeverBecomeMentionText() throws IOException {
    JsonNode article = PipelineRuns.records(out, "articles").stream()
        .filter(a -> a.get("id").asText().equals("html-1")).findFirst().orElseThrow();
    assertEquals("The fire chief said that the warehouse blaze was under control by midnight.\n"
        + "Investigators said the cause was an electrical fault.", article.get("body").asText(),
        "a body with markup is taken as HTML: its text, without script, style or comment");
    List<JsonNode> html = PipelineRuns.records(out, "mentions").stream()
        .filter(m -> m.get("articleId").asText().equals("html-1")).toList();
    assertTrue(html.stream().anyMatch(m -> m.get("content").get("text").asText().contains("warehouse blaze")),
        html.toString());
    for (JsonNode m : html) {
      String text = m.get("source").toString() + m.get("cue") + m.get("content");
      for (String leaked : List.of("scripted claim", "document.write", "color: red", "comments stay hidden", "<", ">")) {
        assertFalse(text.contains(leaked), leaked + " leaked into " + m);
      }
    }
  }

  @Test
  void recordFieldsNeverBecomePathsAndNothingIsWrittenOutsideTheOutput() throws IOException {
    Set<Path> after = tree(root);
    for (Path path : after) {
      assertTrue(before.contains(path) || path.startsWith(out), "written outside --output: " + path);
    }
    assertTrue(before.stream().allMatch(after::contains), "the input is untouched");
    try (Stream<Path> top = Files.list(out)) {
      top.forEach(p -> assertTrue(OUTPUTS.contains(p.getFileName().toString()), "unexpected output " + p));
    }
    for (Path path : after) {
      String name = path.getFileName().toString();
      assertFalse(name.contains("passwd") || name.equals("etc") || name.contains("claimwatch-escape"), path.toString());
    }
    assertFalse(Files.exists(Path.of("/tmp/claimwatch-escape")));
    Set<String> ids = new TreeSet<>();
    PipelineRuns.records(out, "articles").forEach(a -> ids.add(a.get("id").asText()));
    assertTrue(ids.containsAll(Set.of("../../etc/passwd", "/tmp/claimwatch-escape/x", "nul\u0000id")),
        "hostile ids are accepted as plain strings");
  }

  private static void assertSpanInside(String body, JsonNode span, JsonNode mention) {
    int start = span.get("start").asInt();
    int end = span.get("end").asInt();
    assertTrue(0 <= start && start < end && end <= body.length(), mention.toString());
    assertFalse(Character.isLowSurrogate(body.charAt(start)), "a span never starts inside a surrogate pair");
    assertFalse(end < body.length() && Character.isLowSurrogate(body.charAt(end)), "nor ends inside one");
  }

  private static Set<Path> tree(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return new TreeSet<>(walk.toList());
    }
  }

  private static JsonNode readOrNull(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      return null;
    }
  }
}
