package io.claimwatch.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.claimwatch.schemas.ClaimMention;
import io.claimwatch.schemas.Source;
import io.claimwatch.schemas.SourceKind;
import io.claimwatch.schemas.Span;
import io.claimwatch.schemas.SpanGroup;
import java.util.List;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** The daily aggregations' accumulators survive their coders whole, and encode deterministically. */
class AccumulatorCodersTest {
  private static ClaimMention mention(String article, String outlet, String claimId, String group, String relayedFrom,
      boolean attributed) {
    Source source = attributed
        ? new Source("officials", List.of(new Span(0, 9)), SourceKind.OFFICIALS, "U.S. officials")
        : new Source(null, List.of(), SourceKind.MEDIA, outlet);
    return ClaimMention.newBuilder()
        .setArticleId(article).setOutlet(outlet).setPublishedAt("2023-12-24T10:00:00Z").setDay("2023-12-24")
        .setSentence(new Span(0, 40)).setSource(source)
        .setCue(attributed ? new SpanGroup("said", List.of(new Span(10, 14))) : null)
        .setContent(new SpanGroup("the bridge reopens in " + article, List.of(new Span(15, 40))))
        .setAttributed(attributed).setClaimId(claimId).setClaimKey("bridge reopen " + article)
        .setSyndicationGroup(group).setRelayedFrom(relayedFrom).build();
  }

  private static final List<ClaimMention> MENTIONS = List.of(
      mention("a1", "unn", "c1", null, "The New York Times", true),
      mention("a2", "nyt", "c1", "g1", null, true),
      mention("a3", "ap", "c1", "g1", null, false),
      mention("a4", "unn", "c2", null, null, false));

  @Test
  void dailyClaimAccumulatorsRoundTrip() throws Exception {
    AggregateDailyClaims.BucketOfClaimsFn fn =
        new AggregateDailyClaims.BucketOfClaimsFn(new AggregateDailyClaims.DailyClaimFn(3, false));
    TreeMap<String, AggregateDailyClaims.Accumulator> claims = fn.createAccumulator();
    MENTIONS.forEach(m -> fn.addInput(claims, m));
    Coder<TreeMap<String, AggregateDailyClaims.Accumulator>> coder =
        fn.getAccumulatorCoder(CoderRegistry.createDefault(), AvroCoder.of(ClaimMention.class));

    TreeMap<String, AggregateDailyClaims.Accumulator> decoded = CoderUtils.clone(coder, claims);

    assertEquals(fn.extractOutput(claims), fn.extractOutput(decoded));
    assertEquals(2, fn.extractOutput(decoded).size());
    assertArrayEquals(CoderUtils.encodeToByteArray(coder, claims), CoderUtils.encodeToByteArray(coder, decoded));
    coder.verifyDeterministic();
  }

  @Test
  void dailySourceTalliesRoundTrip() throws Exception {
    AggregateDailySources.SourcesFn fn = new AggregateDailySources.SourcesFn();
    TreeMap<String, AggregateDailySources.Tally> sources = fn.createAccumulator();
    MENTIONS.forEach(m -> fn.addInput(sources, m));
    Coder<TreeMap<String, AggregateDailySources.Tally>> coder =
        fn.getAccumulatorCoder(CoderRegistry.createDefault(), AvroCoder.of(ClaimMention.class));

    TreeMap<String, AggregateDailySources.Tally> decoded = CoderUtils.clone(coder, sources);

    assertEquals(fn.extractOutput(sources), fn.extractOutput(decoded));
    assertEquals(3, fn.extractOutput(decoded).size());
    assertArrayEquals(CoderUtils.encodeToByteArray(coder, sources), CoderUtils.encodeToByteArray(coder, decoded));
    coder.verifyDeterministic();
  }
}
