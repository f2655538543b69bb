package io.claimwatch.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.claimwatch.schemas.ClaimDailyCount;
import io.claimwatch.schemas.ClaimMention;
import io.claimwatch.schemas.Source;
import io.claimwatch.schemas.SourceKind;
import io.claimwatch.schemas.Span;
import io.claimwatch.schemas.SpanGroup;
import java.util.List;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Event time, UTC day windows and the daily count, including mentions at the day boundary. */
@ExtendWith(TestPipelineExtension.class)
class DailyAggregationTest {
  private static ClaimMention mention(String article, String outlet, String publishedAt, String day,
      boolean attributed, String sourceName) {
    Source source = attributed
        ? new Source("officials", List.of(new Span(0, 9)), SourceKind.OFFICIALS, sourceName)
        : new Source(null, List.of(), SourceKind.MEDIA, outlet);
    return ClaimMention.newBuilder()
        .setArticleId(article).setOutlet(outlet).setPublishedAt(publishedAt).setDay(day)
        .setSentence(new Span(0, 30)).setSource(source)
        .setCue(attributed ? new SpanGroup("said", List.of(new Span(10, 14))) : null)
        .setContent(new SpanGroup("the bridge reopens " + article, List.of(new Span(15, 30))))
        .setAttributed(attributed).setClaimId("c1").setClaimKey("bridge reopen").build();
  }

  private static IntervalWindow utcDay(String day) {
    Instant start = Instant.parse(day + "T00:00:00Z");
    return new IntervalWindow(start, start.plus(Duration.standardDays(1)));
  }

  @Test
  void countsEachClaimPerUtcDay(TestPipeline pipeline) {
    PCollection<ClaimMention> mentions = pipeline.apply(Create.of(
            // 23:59:59 UTC and 00:00:00 UTC fall on either side of midnight.
            mention("a1", "unn", "2023-12-24T23:59:59Z", "2023-12-24", true, "officials"),
            mention("a2", "nyt", "2023-12-24T10:00:00Z", "2023-12-24", true, "officials"),
            mention("a2", "nyt", "2023-12-24T10:00:00Z", "2023-12-24", false, "nyt"),
            mention("a3", "unn", "2023-12-25T00:00:00Z", "2023-12-25", true, "officials"),
            // 01:30 at +02:00 is 23:30 UTC the day before.
            mention("a4", "kyiv", "2023-12-24T23:30:00Z", "2023-12-24", true, "sources"),
            // An attribution whose content has no content words has no claim id: not counted.
            ClaimMention.newBuilder(mention("a5", "nyt", "2023-12-24T11:00:00Z", "2023-12-24", true, "officials"))
                .setClaimId("").setClaimKey("").build())
        .withCoder(AvroCoder.of(ClaimMention.class)));

    PCollection<ClaimDailyCount> daily = mentions
        .apply(new AssignEventTime())
        .apply(new DailyWindows<>())
        .apply(new AggregateDailyClaims(2, 4));

    PAssert.that(daily).inWindow(utcDay("2023-12-24")).satisfies(counts -> {
      ClaimDailyCount c = counts.iterator().next();
      int records = 0;
      for (ClaimDailyCount ignored : counts) {
        records++;
      }
      assertEquals(1, records);
      assertEquals("2023-12-24", c.getDay());
      assertEquals(4, c.getMentions());
      assertEquals(3, c.getAttributedMentions());
      assertEquals(1, c.getOwnVoiceMentions());
      assertEquals(3, c.getArticles());
      assertEquals(3, c.getOutlets());
      assertEquals(List.of("kyiv", "nyt", "unn"), c.getOutletNames());
      assertEquals("2023-12-24T10:00:00Z", c.getFirstSeen());
      assertEquals("officials", c.getSources().get(0).getName());
      assertEquals(2, c.getSources().get(0).getMentions());
      assertEquals(2, c.getExamples().size());
      assertEquals("kyiv", c.getExamples().get(0).getOutlet());
      return null;
    });
    PAssert.that(daily).inWindow(utcDay("2023-12-25")).satisfies(counts -> {
      ClaimDailyCount c = counts.iterator().next();
      assertEquals("2023-12-25", c.getDay());
      assertEquals(1, c.getMentions());
      assertEquals("2023-12-25T00:00:00Z", c.getFirstSeen());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
