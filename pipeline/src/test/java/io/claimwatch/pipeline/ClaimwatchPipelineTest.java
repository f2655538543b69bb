package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimwatch.schemas.ClaimMention;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the Direct Runner, from input files to every output. */
class ClaimwatchPipelineTest {
  private static final Pattern DOUBLED_WORD = Pattern.compile("(?i)\\b(\\w+)\\s+\\1\\b");
  private static final Set<String> SEED_SOURCES = Set.of(
      "The New York Times", "U.S. officials", "former Russian officials", "intermediaries", "sources", "officials");

  @TempDir Path out;

  @Test
  void seedArticleYieldsTheCeasefireClaimWithExactOffsets() throws Exception {
    Path seed = PipelineRuns.sharedData().resolve("seed/articles.jsonl");
    assertEquals(PipelineResult.State.DONE, PipelineRuns.run(seed.toString(), out));
    String body = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Files.readAllLines(seed).get(0)).get("body").asText();

    List<JsonNode> mentions = PipelineRuns.records(out, "mentions");
    JsonNode ceasefire = mentions.stream()
        .filter(m -> m.get("content").get("text").asText().contains("along the current front line"))
        .findFirst().orElseThrow();
    assertEquals("unn", ceasefire.get("outlet").asText());
    assertEquals("2023-12-24", ceasefire.get("day").asText());
    assertTrue(SEED_SOURCES.contains(ceasefire.get("source").get("name").asText()), ceasefire.toString());

    for (JsonNode m : mentions) {
      assertEquals(List.of("articleId", "outlet", "publishedAt", "day", "sentence", "source", "cue", "content",
          "attributed", "claimId", "claimKey", "sentenceKey", "nounPhrase", "labels", "relayedFrom", "syndicationGroup"), fieldNames(m));
      PipelineRuns.assertRoleTextsAreTheirSpans(body, m);
      assertFalse(DOUBLED_WORD.matcher(m.get("content").get("text").asText()).find(), m.toString());
    }

    JsonNode summary = PipelineRuns.summary(out);
    assertEquals(1, summary.get("read").asLong());
    assertEquals(1, summary.get("accepted").asLong());
    assertEquals(mentions.size(), summary.get("mentions").asLong());
    assertEquals(1, summary.get("days").asLong());
    assertTrue(summary.get("balanced").asBoolean());

    List<JsonNode> daily = PipelineRuns.records(out, "daily");
    assertEquals(summary.get("claims").asLong(), daily.size());
    long dailyMentions = daily.stream().mapToLong(d -> d.get("mentions").asLong()).sum();
    long claimMentions = mentions.stream().filter(m -> !m.get("claimId").asText().isEmpty()).count();
    assertEquals(claimMentions, dailyMentions, "every mention of a claim is counted once in the daily records");

    assertEquals(idsOf(mentions), avroMentionIds(out.resolve("avro/mentions")), "Avro and JSON mentions agree");
    String report = Files.readString(out.resolve("report.html"));
    assertTrue(report.contains("along the current front line"), "the run wrote its report with the seed's claims");
    assertFalse(Files.exists(out.resolve(".staging")), "staging is cleaned up");
  }

  @Test
  void badRecordsBesideGoodOnesAreAccountedFor() throws Exception {
    assertEquals(PipelineResult.State.DONE,
        PipelineRuns.run(PipelineRuns.fixture("mixed-good-and-bad.jsonl").toString(), out));

    JsonNode summary = PipelineRuns.summary(out);
    assertEquals(14, summary.get("read").asLong(), summary.toString());
    assertEquals(4, summary.get("accepted").asLong());
    assertEquals(1, summary.get("acceptedNotEnglish").asLong(), "the German article is tagged, not mis-extracted");
    assertEquals(1, summary.get("duplicates").asLong());
    assertEquals(9, summary.get("deadLettered").asLong());
    assertTrue(summary.get("balanced").asBoolean());
    assertEquals(9, summary.get("deadLettersByStage").get("parse").asLong());

    Set<String> reasons = new TreeSet<>();
    for (JsonNode d : PipelineRuns.records(out, "deadletter")) {
      assertTrue(d.get("file").asText().endsWith("mixed-good-and-bad.jsonl"));
      assertTrue(d.get("line").asLong() > 0);
      reasons.add(d.get("reason").asText().replaceAll("(: |\\(| \\d{4}-).*", "").trim());
    }
    assertEquals(new TreeSet<>(List.of("body is blank", "id must be a string, not number", "implausible publishedAt",
        "malformed JSON", "missing body", "missing id", "missing outlet and no url to derive it from",
        "publishedAt is not an RFC 3339 or ISO date", "record is a JSON array, not an object")), reasons);

    List<JsonNode> sharedUrls = PipelineRuns.records(out, "shared-urls");
    assertEquals(1, sharedUrls.size(), "the same URL under two ids is reported");
    assertEquals("https://www.example.com/a", sharedUrls.get(0).get("url").asText());
    assertEquals(List.of("good-1", "good-3"), List.of(sharedUrls.get(0).get("articleIds").get(0).asText(),
        sharedUrls.get(0).get("articleIds").get(1).asText()));

    List<JsonNode> duplicates = PipelineRuns.records(out, "duplicates");
    assertEquals(1, duplicates.size());
    assertEquals("good-1", duplicates.get(0).get("recordId").asText());
    assertEquals(8, duplicates.get(0).get("line").asLong());

    Set<String> outlets = new HashSet<>();
    PipelineRuns.records(out, "mentions").forEach(m -> outlets.add(m.get("outlet").asText()));
    assertEquals(Set.of("example times", "daily.example.org"), outlets);
    // good-1 was published 2024-03-01T23:30-05:00, which is 2024-03-02 in UTC.
    PipelineRuns.records(out, "mentions").forEach(m -> assertEquals("2024-03-02", m.get("day").asText()));
  }

  @Test
  void aFailedRunLeavesThePreviousOutputsIntact() throws Exception {
    Path seed = PipelineRuns.sharedData().resolve("seed/articles.jsonl");
    assertEquals(PipelineResult.State.DONE, PipelineRuns.run(seed.toString(), out));
    String before = Files.readString(out.resolve("summary.json"));

    assertThrows(RuntimeException.class, () -> PipelineRuns.run(out.resolve("no-such-file.jsonl").toString(), out));

    assertEquals(before, Files.readString(out.resolve("summary.json")));
    assertFalse(PipelineRuns.records(out, "mentions").isEmpty());
    assertFalse(Files.exists(out.resolve(".staging")));
  }

  @Test
  void allPolnearDevArticlesRunAndMostYieldAttributedMentions() throws Exception {
    Path dev = PipelineRuns.sharedData().resolve("polnear/dev/articles.jsonl");
    assertEquals(PipelineResult.State.DONE, PipelineRuns.run(dev.toString(), out));

    JsonNode summary = PipelineRuns.summary(out);
    assertEquals(84, summary.get("read").asLong());
    assertEquals(84, summary.get("accepted").asLong());
    Set<String> withAttributions = new HashSet<>();
    for (JsonNode m : PipelineRuns.records(out, "mentions")) {
      if (m.get("attributed").asBoolean()) {
        withAttributions.add(m.get("articleId").asText());
      }
    }
    assertTrue(withAttributions.size() >= 0.8 * 84, "articles with attributed mentions: " + withAttributions.size());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> idsOf(List<JsonNode> mentions) {
    List<String> ids = new ArrayList<>();
    mentions.forEach(m -> ids.add(m.get("claimId").asText() + "@" + m.get("content").get("spans").get(0).get("start")));
    ids.sort(null);
    return ids;
  }

  private static List<String> avroMentionIds(Path directory) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".avro")).toList()) {
        try (DataFileReader<ClaimMention> reader =
            new DataFileReader<>(new File(file.toString()), new SpecificDatumReader<>(ClaimMention.class))) {
          reader.forEach(m -> ids.add(m.getClaimId() + "@" + m.getContent().getSpans().get(0).getStart()));
        }
      }
    }
    ids.sort(null);
    return ids;
  }
}
