package io.claimwatch.transforms;

import io.claimwatch.nlp.LanguageIdentifier;
import io.claimwatch.schemas.Article;
import io.claimwatch.schemas.DeadLetter;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Routes English articles on to the English NLP; articles in another language are accepted with
 * their detected language and no mentions, rather than mis-read by English models. Every article
 * leaves tagged: its {@code language} is the detected ISO 639-3 code (the one that decided its
 * route), replacing whatever the record declared, and all of them are also in {@link #TAGGED}.
 */
public final class DetectLanguage extends PTransform<PCollection<SourcedArticle>, PCollectionTuple> {
  public static final TupleTag<SourcedArticle> ENGLISH = new TupleTag<>("englishArticles") {};
  public static final TupleTag<ArticleClaims> OTHER_LANGUAGE = new TupleTag<>("otherLanguageArticles") {};
  /** Every article whose language was detected, English or not. */
  public static final TupleTag<SourcedArticle> TAGGED = new TupleTag<>("languageTaggedArticles") {};
  static final String STAGE = "language";

  @Override
  public PCollectionTuple expand(PCollection<SourcedArticle> articles) {
    PCollectionTuple result = articles.apply("IdentifyLanguage", ParDo.of(new DetectLanguageFn())
        .withOutputTags(ENGLISH, TupleTagList.of(List.of(OTHER_LANGUAGE, TAGGED, DeadLetters.TAG))));
    result.get(ENGLISH).setCoder(SerializableCoder.of(SourcedArticle.class));
    result.get(TAGGED).setCoder(SerializableCoder.of(SourcedArticle.class));
    result.get(OTHER_LANGUAGE).setCoder(SerializableCoder.of(ArticleClaims.class));
    result.get(DeadLetters.TAG).setCoder(AvroCoder.of(DeadLetter.class));
    return result;
  }

  static final class DetectLanguageFn extends DoFn<SourcedArticle, SourcedArticle> {
    private final Counter otherLanguage = Metrics.counter(DetectLanguage.class, "acceptedNotEnglish");
    private final Counter failures = Metrics.counter(DetectLanguage.class, "deadLetters");
    private transient LanguageIdentifier identifier;

    @Setup
    public void setup() {
      identifier = new LanguageIdentifier();
    }

    @ProcessElement
    public void process(@Element SourcedArticle in, MultiOutputReceiver out) {
      String language;
      try {
        language = identifier.identify(in.article().getBody());
      } catch (RuntimeException e) {
        failures.inc();
        out.get(DeadLetters.TAG).output(DeadLetters.of(STAGE, DeadLetters.reason(e), in.file(), in.line(),
            in.article().getId(), in.article().toString()));
        return;
      }
      SourcedArticle tagged = new SourcedArticle(in.file(), in.line(),
          Article.newBuilder(in.article()).setLanguage(language).build());
      out.get(TAGGED).output(tagged);
      if (language.equals(LanguageIdentifier.ENGLISH)) {
        out.get(ENGLISH).output(tagged);
      } else {
        otherLanguage.inc();
        out.get(OTHER_LANGUAGE).output(new ArticleClaims(in.file(), in.article().getId(), language, List.of()));
      }
    }
  }
}
