package io.claimwatch.transforms;

import io.claimwatch.nlp.ClaimMentionBuilder;
import io.claimwatch.nlp.LanguageIdentifier;
import io.claimwatch.nlp.watchlist.Watchlist;
import io.claimwatch.schemas.DeadLetter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Resolves sources (kind and canonical name) and gives each claim its key and id; adds the
 * outlet's own declarative statements as own-voice mentions. An article that gets here is accepted.
 */
public final class IdentifyClaims extends PTransform<PCollection<AttributedArticle>, PCollectionTuple> {
  public static final TupleTag<ArticleClaims> CLAIMS = new TupleTag<>("articleClaims") {};

  private final Watchlist watchlist;

  /** @param watchlist labels to give mentions whose content matches their pattern */
  public IdentifyClaims(Watchlist watchlist) {
    this.watchlist = watchlist;
  }

  @Override
  public PCollectionTuple expand(PCollection<AttributedArticle> articles) {
    PCollectionTuple result = articles.apply("ResolveSourcesAndClaims",
        ParDo.of(new IdentifyClaimsFn(watchlist)).withOutputTags(CLAIMS, TupleTagList.of(DeadLetters.TAG)));
    result.get(CLAIMS).setCoder(SerializableCoder.of(ArticleClaims.class));
    result.get(DeadLetters.TAG).setCoder(AvroCoder.of(DeadLetter.class));
    return result;
  }

  static final class IdentifyClaimsFn extends ArticleStageFn<AttributedArticle, ArticleClaims> {
    private final Counter emptyClaims = Metrics.counter(IdentifyClaims.class, "attributionsWithoutContentWords");
    private final Watchlist watchlist;
    private transient ClaimMentionBuilder builder;

    IdentifyClaimsFn(Watchlist watchlist) {
      super("identity", CLAIMS);
      this.watchlist = watchlist;
    }

    @Setup
    public void setup() {
      builder = new ClaimMentionBuilder(watchlist);
    }

    @Override
    void apply(AttributedArticle in, List<ArticleClaims> out) {
      String day = Instant.parse(in.article().getPublishedAt()).atZone(ZoneOffset.UTC).toLocalDate().toString();
      ClaimMentionBuilder.Result result = builder.build(in.article(), day, in.text(), in.attributions());
      emptyClaims.inc(result.emptyClaims());
      out.add(new ArticleClaims(in.file(), in.article().getId(), LanguageIdentifier.ENGLISH, result.mentions()));
    }
  }
}
