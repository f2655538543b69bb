package io.claimwatch.transforms;

import io.claimwatch.nlp.attribution.AttributionExtractor;
import io.claimwatch.schemas.DeadLetter;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Finds source, cue and content spans of reported speech and thought in each article. */
public final class ExtractAttributions extends PTransform<PCollection<AnalyzedArticle>, PCollectionTuple> {
  public static final TupleTag<AttributedArticle> ATTRIBUTED = new TupleTag<>("attributedArticles") {};

  /** Makes an extractor per DoFn instance (extractors need not be thread-safe). */
  public interface ExtractorFactory extends Serializable {
    AttributionExtractor create();
  }

  private final ExtractorFactory extractors;

  public ExtractAttributions(ExtractorFactory extractors) {
    this.extractors = extractors;
  }

  @Override
  public PCollectionTuple expand(PCollection<AnalyzedArticle> articles) {
    PCollectionTuple result = articles.apply("FindAttributions",
        ParDo.of(new ExtractAttributionsFn(extractors)).withOutputTags(ATTRIBUTED, TupleTagList.of(DeadLetters.TAG)));
    result.get(ATTRIBUTED).setCoder(SerializableCoder.of(AttributedArticle.class));
    result.get(DeadLetters.TAG).setCoder(AvroCoder.of(DeadLetter.class));
    return result;
  }

  static final class ExtractAttributionsFn extends ArticleStageFn<AnalyzedArticle, AttributedArticle> {
    private final ExtractorFactory extractors;
    private transient AttributionExtractor extractor;

    ExtractAttributionsFn(ExtractorFactory extractors) {
      super("attributions", ATTRIBUTED);
      this.extractors = extractors;
    }

    @Setup
    public void setup() {
      extractor = extractors.create();
    }

    @Override
    void apply(AnalyzedArticle in, List<AttributedArticle> out) {
      out.add(new AttributedArticle(in.file(), in.line(), in.article(), in.text(), extractor.extract(in.text())));
    }
  }
}
