package io.claimwatch.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.schemas.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Copies of one story form one group, found without comparing every pair of copies. */
@ExtendWith(TestPipelineExtension.class)
class FindSyndicatedCopiesTest {
  private static final String WIRE = "The central bank raised its key interest rate by two percentage points on Friday, "
      + "its third increase this year, saying inflation had not slowed as fast as it had hoped. Analysts had expected "
      + "a smaller move, and the currency rose against the dollar after the announcement in the capital.";
  private static final String REWRITE = "Friday brought another rate rise: the central bank lifted borrowing costs again, "
      + "surprising analysts who had forecast a smaller step; officials pointed to stubborn prices, and traders "
      + "pushed the currency higher as markets digested a third increase in twelve months.";
  private static final int COPIES = 300;

  private static SourcedArticle article(String id, String body) {
    return new SourcedArticle("f.jsonl", 1, Article.newBuilder().setId(id).setOutlet("outlet-" + id)
        .setPublishedAt("2024-03-01T12:00:00Z").setBody(body).build());
  }

  /** Checks the groups in the side input: every copy in wire-000's group, the rewrite in none. */
  static final class CheckGroupsFn extends DoFn<String, String> {
    private final PCollectionView<Map<String, String>> groups;

    CheckGroupsFn(PCollectionView<Map<String, String>> groups) {
      this.groups = groups;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      Map<String, String> group = context.sideInput(groups);
      for (int i = 0; i < COPIES; i++) {
        assertEquals("wire-000", group.get(String.format("wire-%03d", i)), "copy " + i);
      }
      assertFalse(group.containsKey("rewrite"), "a rewrite of the event is not a copy");
      context.output("checked");
    }
  }

  @Test
  void hundredsOfReprintsAreOneGroupAtLinearCost(TestPipeline pipeline) {
    List<SourcedArticle> articles = new ArrayList<>();
    for (int i = 0; i < COPIES; i++) {
      // A reprint with its own last sentence still copies the story (most shingles shared).
      articles.add(article(String.format("wire-%03d", i), i % 2 == 0 ? WIRE : WIRE + " Reporting by desk " + i + "."));
    }
    articles.add(article("rewrite", REWRITE));
    PCollectionView<Map<String, String>> groups = pipeline.apply(Create.of(articles)).apply(new FindSyndicatedCopies(4));
    PCollection<String> probe = pipeline.apply("Probe", Create.of("probe"));
    PAssert.that(probe.apply("ReadGroups", ParDo.of(new CheckGroupsFn(groups)).withSideInputs(groups)))
        .containsInAnyOrder("checked");
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    long comparisons = 0;
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(FindSyndicatedCopies.class, "copyComparisons")).build()).getCounters()) {
      comparisons += counter.getAttempted();
    }
    // 16 bands, each a block of the 300 copies (and perhaps the rewrite): about 300 comparisons per
    // band, where all pairs would be 16 × 44,850.
    assertTrue(comparisons > 0 && comparisons <= 16 * (COPIES + 1) * 2L, "comparisons: " + comparisons);
  }

  @Test
  void signaturesSurviveTheirCoder() throws Exception {
    long[] signature = {Long.MIN_VALUE, -1, 0, 1, 0x0123456789abcdefL, Long.MAX_VALUE};
    FindSyndicatedCopies.Signed decoded =
        CoderUtils.clone(new FindSyndicatedCopies.SignedCoder(), new FindSyndicatedCopies.Signed("wire-007", signature));
    assertEquals("wire-007", decoded.articleId());
    assertArrayEquals(signature, decoded.signature());
  }
}
