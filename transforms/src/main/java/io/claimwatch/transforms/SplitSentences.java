package io.claimwatch.transforms;

import io.claimwatch.nlp.TextAnalyzer;
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

/** Splits cleaned bodies into sentences and POS-tagged tokens with OpenNLP's English models. */
public final class SplitSentences extends PTransform<PCollection<CleanedArticle>, PCollectionTuple> {
  public static final TupleTag<AnalyzedArticle> ANALYZED = new TupleTag<>("analyzedArticles") {};

  private final int maxSentenceChars;

  public SplitSentences(int maxSentenceChars) {
    this.maxSentenceChars = maxSentenceChars;
  }

  @Override
  public PCollectionTuple expand(PCollection<CleanedArticle> articles) {
    PCollectionTuple result = articles.apply("TagSentences",
        ParDo.of(new SplitSentencesFn(maxSentenceChars)).withOutputTags(ANALYZED, TupleTagList.of(DeadLetters.TAG)));
    result.get(ANALYZED).setCoder(SerializableCoder.of(AnalyzedArticle.class));
    result.get(DeadLetters.TAG).setCoder(AvroCoder.of(DeadLetter.class));
    return result;
  }

  static final class SplitSentencesFn extends ArticleStageFn<CleanedArticle, AnalyzedArticle> {
    private final int maxSentenceChars;
    private transient TextAnalyzer analyzer;

    SplitSentencesFn(int maxSentenceChars) {
      super("sentences", ANALYZED);
      this.maxSentenceChars = maxSentenceChars;
    }

    @Setup
    public void setup() {
      analyzer = new TextAnalyzer(maxSentenceChars);
    }

    @Override
    void apply(CleanedArticle in, List<AnalyzedArticle> out) {
      out.add(new AnalyzedArticle(in.file(), in.line(), in.article(), analyzer.analyze(in.cleaned())));
    }
  }
}
