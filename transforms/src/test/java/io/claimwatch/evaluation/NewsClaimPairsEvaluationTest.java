package io.claimwatch.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run is scored on labelled news pairs by whether each pair's two mentions share a claimId. */
class NewsClaimPairsEvaluationTest {
  @Test
  void joinedAndPartedPairsAreTalliedByLabelAndMissingSidesAreNotScored(@TempDir Path dir) throws IOException {
    List<NewsClaimPairsEvaluation.LabelledPair> pairs = NewsClaimPairsEvaluation.parsePairs(List.of(
        "# label\tdrawn from\tarticleA\tcontentA\tarticleB\tcontentB",
        "one\tshared-id\ta1\tTrump won Georgia\ta2\tTrump has won Georgia and Virginia",
        "two\tshared-id\ta1\tSanders prevailed in Wisconsin\ta3\tClinton wins North Carolina",
        "two\tnear-miss\ta2\tthe poll's margin of error is 3 points\ta3\tthe margin of error is two points",
        "one\tshared-id\ta1\tto build a wall\ta4\ta content this run cut differently"));
    Path mentions = Files.createDirectories(dir.resolve("mentions"));
    Files.write(mentions.resolve("mentions-00000-of-00001.jsonl"), List.of(
        mention("a1", "Trump won Georgia", "c1"), mention("a2", "Trump has won Georgia and Virginia", "c1"),
        mention("a1", "Sanders prevailed in Wisconsin", "c2"), mention("a3", "Clinton wins North Carolina", "c2"),
        mention("a2", "the poll's margin of error is 3 points", "c3"), mention("a3", "the margin of error is two points", "c4"),
        mention("a1", "to build a wall", "c5"), mention("a4", "a content this run cut differently, longer", "c5")));

    Map<String, NewsClaimPairsEvaluation.Figures> figures =
        NewsClaimPairsEvaluation.score(pairs, NewsClaimPairsEvaluation.claimsByContent(mentions));

    assertEquals(List.of("shared-id", "near-miss"), List.copyOf(figures.keySet()));
    NewsClaimPairsEvaluation.Figures shared = figures.get("shared-id");
    assertEquals(new NewsClaimPairsEvaluation.Figures(3, 2, 1, 1, 1, 1), shared);
    assertEquals(50.0, shared.precision(), 1e-9, "of the two found pairs sharing an id, one states one claim");
    assertEquals(new NewsClaimPairsEvaluation.Figures(1, 1, 0, 0, 1, 0), figures.get("near-miss"));
    String described = figures.get("near-miss").describe("near-miss");
    assertTrue(described.contains("two claims: 1 found, 0 share an id (1 apart)"), described);
  }

  @Test
  void theShippedPairsAreLabelledAndWellFormed() throws IOException {
    List<NewsClaimPairsEvaluation.LabelledPair> pairs = NewsClaimPairsEvaluation.shippedPairs();
    assertEquals(120, pairs.stream().filter(p -> p.group().equals("shared-id")).count());
    assertEquals(46, pairs.stream().filter(p -> p.group().equals("shared-id") && p.oneClaim()).count());
    assertEquals(40, pairs.stream().filter(p -> p.group().equals("near-miss")).count());
    assertEquals(3, pairs.stream().filter(p -> p.group().equals("near-miss") && p.oneClaim()).count());
    assertThrows(IllegalArgumentException.class, () -> NewsClaimPairsEvaluation.parsePairs(List.of("maybe\tshared-id\ta\tb\tc\td")));
  }

  private static String mention(String articleId, String content, String claimId) {
    return "{\"articleId\":\"" + articleId + "\",\"content\":{\"text\":\"" + content.replace("\"", "\\\"")
        + "\"},\"claimId\":\"" + claimId + "\"}";
  }
}
