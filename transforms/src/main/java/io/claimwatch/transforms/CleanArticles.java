package io.claimwatch.transforms;

import io.claimwatch.nlp.ScraperCleaner;
import io.claimwatch.schemas.DeadLetter;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Marks scraper faults (doubled words and phrases) for removal; offsets keep pointing into the body. */
public final class CleanArticles extends PTransform<PCollection<SourcedArticle>, PCollectionTuple> {
  public static final TupleTag<CleanedArticle> CLEANED = new TupleTag<>("cleanedArticles") {};

  @Override
  public PCollectionTuple expand(PCollection<SourcedArticle> articles) {
    PCollectionTuple result = articles.apply("CleanBodies",
        ParDo.of(new CleanArticleFn()).withOutputTags(CLEANED, TupleTagList.of(DeadLetters.TAG)));
    result.get(CLEANED).setCoder(SerializableCoder.of(CleanedArticle.class));
    result.get(DeadLetters.TAG).setCoder(AvroCoder.of(DeadLetter.class));
    return result;
  }

  static final class CleanArticleFn extends ArticleStageFn<SourcedArticle, CleanedArticle> {
    private transient ScraperCleaner cleaner;

    CleanArticleFn() {
      super("clean", CLEANED);
    }

    @Setup
    public void setup() {
      cleaner = new ScraperCleaner();
    }

    @Override
    void apply(SourcedArticle in, List<CleanedArticle> out) {
      out.add(new CleanedArticle(in.file(), in.line(), in.article(), cleaner.clean(in.article().getBody())));
    }
  }
}
