package io.claimwatch.nlp.attribution.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.evaluation.AttributionScorer;
import io.claimwatch.evaluation.EvaluateExtractorDirect;
import io.claimwatch.evaluation.PolnearData;
import io.claimwatch.evaluation.PolnearData.Article;
import io.claimwatch.evaluation.PolnearData.Role;
import io.claimwatch.evaluation.PolnearData.SpanAttribution;
import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.Span;
import io.claimwatch.nlp.TextAnalyzer;
import io.claimwatch.nlp.Token;
import io.claimwatch.nlp.attribution.Attribution;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainedAttributionExtractorTest {
  private static final int SAMPLE = 24;
  private static List<Article> sample;
  private static Map<String, List<SpanAttribution>> gold;

  @BeforeAll
  static void readDev() {
    Path dev = Path.of(System.getProperty("claimwatch.sharedData", "../../shared/data"), "polnear", "dev");
    List<Article> all = PolnearData.readArticles(dev.resolve("articles.jsonl"));
    sample = all.subList(0, SAMPLE);
    gold = PolnearData.readGold(dev.resolve("gold.jsonl"));
  }

  @Test
  void shippedModelLoadsOnceAndIsShared() {
    AttributionModel model = AttributionModel.shipped();
    assertNotNull(model);
    assertTrue(model == AttributionModel.shipped());
  }

  @Test
  void scoresAboveFloorsOnDevSample() {
    AttributionScorer scorer = EvaluateExtractorDirect.run(sample, gold, 1).scorer();
    String report = scorer.report();
    // Floors a few points under what the shipped model scores on these 24 articles.
    assertTrue(scorer.exact(Role.SOURCE)[2] >= SOURCE_FLOOR, report);
    assertTrue(scorer.exact(Role.CUE)[2] >= CUE_FLOOR, report);
    assertTrue(scorer.exact(Role.CONTENT)[2] >= CONTENT_FLOOR, report);
    assertTrue(scorer.overlap(Role.CONTENT)[2] >= CONTENT_OVERLAP_FLOOR, report);
  }

  static final double SOURCE_FLOOR = 65; // measured 69.8
  static final double CUE_FLOOR = 61; // measured 65.8
  static final double CONTENT_FLOOR = 50; // measured 55.3
  static final double CONTENT_OVERLAP_FLOOR = 65; // measured 69.9

  @Test
  void spansLieInsideTheBodyOnTokenBoundaries() {
    TextAnalyzer analyzer = new TextAnalyzer(2000);
    TrainedAttributionExtractor extractor = new TrainedAttributionExtractor();
    int attributions = 0;
    for (Article a : sample) {
      AnalyzedText text = analyzer.analyze(a.body());
      Set<Integer> starts = new HashSet<>();
      Set<Integer> ends = new HashSet<>();
      for (Token t : text.tokens()) {
        starts.add(t.start());
        ends.add(t.end());
      }
      List<Attribution> found = extractor.extract(text);
      int previous = -1;
      for (Attribution at : found) {
        attributions++;
        assertFalse(at.cue().isEmpty());
        assertFalse(at.content().isEmpty());
        for (List<Span> role : List.of(at.source(), at.cue(), at.content())) {
          for (Span s : role) {
            assertTrue(s.start() >= 0 && s.end() <= a.body().length() && s.length() > 0, a.id() + " " + s);
            assertTrue(starts.contains(s.start()) && ends.contains(s.end()), a.id() + " off token boundary " + s);
          }
        }
        int first = Math.min(at.cue().get(0).start(), at.content().get(0).start());
        assertTrue(first >= previous, "attributions in body order");
        previous = first;
      }
    }
    assertTrue(attributions > 10 * SAMPLE, "too few attributions: " + attributions);
  }

  @Test
  void quoteSplitByItsCueGivesTwoContentSpans() {
    String body = "The senator spoke to reporters on Tuesday.\n\n"
        + "“We are going to win this election,” she said, “and then we will fix the economy.”";
    AnalyzedText text = new TextAnalyzer(2000).analyze(body);
    List<Attribution> found = new TrainedAttributionExtractor().extract(text);
    Attribution said = found.stream()
        .filter(a -> a.cue().size() == 1 && a.cue().get(0).of(body).equals("said"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no attribution with cue 'said': " + found));
    assertEquals(2, said.content().size(), "content spans: " + said.content());
    assertTrue(said.content().get(0).of(body).contains("win this election"));
    assertTrue(said.content().get(1).of(body).contains("fix the economy"));
    assertEquals("she", said.source().get(0).of(body));
  }

  /** The seed's sentence, with a model that finds no cue at all: "According to" is pinned, not learned. */
  @Test
  void accordingToIsACueWhateverTheModelFinds() {
    String body = "According to sources, since September, Putin has been sending signals through intermediaries"
        + " that he is open to a ceasefire that would freeze the fighting along the current front line.\n"
        + "The talks were held in Geneva.";
    AnalyzedText text = new TextAnalyzer(2000).analyze(body);
    AttributionModel shipped = AttributionModel.shipped();
    TrainedAttributionExtractor blind = new TrainedAttributionExtractor(shipped.withBiases(-1e4f, shipped.contentBias()));
    assertTrue(blind.extract(new TextAnalyzer(2000).analyze("Officials said the talks were held in Geneva.")).isEmpty(),
        "the cue bias should leave the model blind to other cues");
    List<Attribution> found = blind.extract(text);
    assertEquals(1, found.size(), "attributions: " + found);
    Attribution according = found.get(0);
    assertEquals("According to", according.cue().get(0).of(body));
    assertEquals("sources", according.source().get(0).of(body));
    assertTrue(according.content().get(0).of(body).contains("Putin has been sending signals"), "content: " + according.content());
    assertFalse(according.content().stream().anyMatch(s -> s.of(body).contains("Geneva")), "content: " + according.content());
  }

  @Test
  void emptyTextGivesNoAttributions() {
    assertTrue(new TrainedAttributionExtractor().extract(new TextAnalyzer(2000).analyze("")).isEmpty());
  }
}
