package io.claimwatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.evaluation.PolnearData.Role;
import io.claimwatch.evaluation.PolnearData.SpanAttribution;
import io.claimwatch.nlp.Span;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributionScorerTest {
  private static final double EPS = 1e-9;

  private static SpanAttribution attr(List<Span> source, List<Span> cue, List<Span> content) {
    return new SpanAttribution(source, cue, content);
  }

  private static Span s(int start, int end) {
    return new Span(start, end);
  }

  @Test
  void identicalPredictionsScorePerfect() {
    SpanAttribution a = attr(List.of(s(0, 3)), List.of(s(4, 8)), List.of(s(9, 20)));
    AttributionScorer scorer = new AttributionScorer(null);
    scorer.add("a1", List.of(a), List.of(a));
    for (Role role : Role.values()) {
      assertEquals(100, scorer.exact(role)[2], EPS);
      assertEquals(100, scorer.overlap(role)[2], EPS);
    }
  }

  @Test
  void partialOverlapScoresIouButNoExactMatch() {
    AttributionScorer scorer = new AttributionScorer(null);
    scorer.add("a1",
        List.of(attr(List.of(), List.of(s(0, 4)), List.of(s(10, 20)))),
        List.of(attr(List.of(), List.of(s(0, 4)), List.of(s(10, 15)))));
    assertEquals(0, scorer.exact(Role.CONTENT)[2], EPS);
    assertEquals(50, scorer.overlap(Role.CONTENT)[0], EPS); // predicted [10,15) has IoU 5/10
    assertEquals(50, scorer.overlap(Role.CONTENT)[1], EPS);
    assertEquals(100, scorer.exact(Role.CUE)[2], EPS);
    // no source on either side: nothing to count, F1 0 by convention
    assertEquals(0, scorer.exact(Role.SOURCE)[2], EPS);
  }

  @Test
  void splitFragmentsAreSeparateItems() {
    AttributionScorer scorer = new AttributionScorer(null);
    scorer.add("a1",
        List.of(attr(List.of(s(10, 13)), List.of(s(14, 18)), List.of(s(0, 8), s(20, 30)))),
        List.of(attr(List.of(s(10, 13)), List.of(s(14, 18)), List.of(s(0, 8)))));
    double[] content = scorer.exact(Role.CONTENT);
    assertEquals(100, content[0], EPS);
    assertEquals(50, content[1], EPS);
    // the missed second fragment has IoU 0: recall-like overlap is (1 + 0) / 2
    assertEquals(50, scorer.overlap(Role.CONTENT)[1], EPS);
    assertEquals(100, scorer.overlap(Role.CONTENT)[0], EPS);
  }

  @Test
  void sharedSourceCountsOncePerAttributionAndDuplicateMentionsCollapse() {
    SpanAttribution g1 = attr(List.of(s(0, 5)), List.of(s(6, 10)), List.of(s(11, 20)));
    SpanAttribution g2 = attr(List.of(s(0, 5)), List.of(s(22, 28)), List.of(s(29, 40)));
    AttributionScorer scorer = new AttributionScorer(null);
    // g1 predicted twice (collapsed to one), g2 missed
    scorer.add("a1", List.of(g1, g2), List.of(g1, g1));
    assertEquals(100, scorer.exact(Role.SOURCE)[0], EPS);
    assertEquals(50, scorer.exact(Role.SOURCE)[1], EPS);
    assertEquals(50, scorer.exact(Role.CUE)[1], EPS);
    // predicting both attributions matches both source items
    AttributionScorer both = new AttributionScorer(null);
    both.add("a1", List.of(g1, g2), List.of(g1, g2));
    assertEquals(100, both.exact(Role.SOURCE)[2], EPS);
  }

  @Test
  void spansInOtherArticlesDoNotMatch() {
    SpanAttribution a = attr(List.of(), List.of(s(0, 4)), List.of(s(5, 9)));
    AttributionScorer scorer = new AttributionScorer(null);
    scorer.add("a1", List.of(a), List.of());
    scorer.add("a2", List.of(), List.of(a));
    assertEquals(0, scorer.exact(Role.CUE)[2], EPS);
    assertTrue(scorer.report().contains("cue"));
  }

  @Test
  void mentionsReaderIgnoresOwnVoiceLines(@TempDir Path dir) throws Exception {
    String lines = String.join("\n",
        "{\"articleId\":\"a1\",\"attributed\":true,\"source\":{\"text\":\"She\",\"spans\":[{\"start\":0,\"end\":3}],"
            + "\"kind\":\"PERSON\",\"name\":\"she\"},\"cue\":{\"text\":\"said\",\"spans\":[{\"start\":4,\"end\":8}]},"
            + "\"content\":{\"text\":\"it rains\",\"spans\":[{\"start\":9,\"end\":17}]}}",
        "{\"articleId\":\"a1\",\"attributed\":false,\"source\":null,\"cue\":null,"
            + "\"content\":{\"text\":\"Own voice.\",\"spans\":[{\"start\":19,\"end\":29}]}}",
        "{\"articleId\":\"a2\",\"attributed\":true,\"source\":null,\"cue\":{\"text\":\"reportedly\","
            + "\"spans\":[{\"start\":0,\"end\":10}]},\"content\":{\"text\":\"x\",\"spans\":[{\"start\":11,\"end\":12},"
            + "{\"start\":20,\"end\":25}]}}");
    Path shard = dir.resolve("mentions-00000-of-00001.jsonl");
    Files.writeString(shard, lines, StandardCharsets.UTF_8);
    Map<String, List<SpanAttribution>> read = EvaluateAttributions.readMentions(dir, null);
    assertEquals(1, read.get("a1").size());
    assertEquals(List.of(s(0, 3)), read.get("a1").get(0).source());
    assertEquals(List.of(), read.get("a2").get(0).source());
    assertEquals(List.of(s(11, 12), s(20, 25)), read.get("a2").get(0).content());

    AttributionScorer scorer = new AttributionScorer(null);
    scorer.add("a1", List.of(attr(List.of(s(0, 3)), List.of(s(4, 8)), List.of(s(9, 17)))), read.get("a1"));
    assertEquals(100, scorer.exact(Role.CONTENT)[0], EPS);
  }
}
