package io.claimwatch.transforms;

import io.claimwatch.ingest.ArrivalWindow;
import io.claimwatch.ingest.ArticleParser;
import io.claimwatch.ingest.InvalidRecordException;
import io.claimwatch.schemas.Article;
import io.claimwatch.schemas.DeadLetter;
import java.time.Instant;
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
 * Parses and validates raw records into articles; anything unusable becomes a dead letter. With an
 * {@link ArrivalWindow}, an article that arrived too late (or before its publication day) in an
 * arrival-day directory is a dead letter too (stage {@code arrival}).
 */
public final class ParseArticles extends PTransform<PCollection<RawRecord>, PCollectionTuple> {
  public static final TupleTag<SourcedArticle> ARTICLES = new TupleTag<>("parsedArticles") {};
  static final String STAGE = "parse";
  public static final String ARRIVAL_STAGE = "arrival";

  private final ArticleParser parser;
  private final ArrivalWindow arrivals;

  public ParseArticles(ArticleParser parser) {
    this(parser, null);
  }

  /** @param arrivals the lateness accepted per arrival-day directory; null: any */
  public ParseArticles(ArticleParser parser, ArrivalWindow arrivals) {
    this.parser = parser;
    this.arrivals = arrivals;
  }

  @Override
  public PCollectionTuple expand(PCollection<RawRecord> records) {
    PCollectionTuple parsed = records.apply("ParseRecords",
        ParDo.of(new ParseArticleFn(parser, arrivals)).withOutputTags(ARTICLES, TupleTagList.of(DeadLetters.TAG)));
    parsed.get(ARTICLES).setCoder(SerializableCoder.of(SourcedArticle.class));
    parsed.get(DeadLetters.TAG).setCoder(AvroCoder.of(DeadLetter.class));
    return parsed;
  }

  static final class ParseArticleFn extends DoFn<RawRecord, SourcedArticle> {
    private final Counter parsed = Metrics.counter(ParseArticles.class, "parsed");
    private final Counter rejected = Metrics.counter(ParseArticles.class, "deadLetters");
    private final Counter outsideArrivalWindow = Metrics.counter(ParseArticles.class, "outsideArrivalWindow");
    private final ArticleParser parser;
    private final ArrivalWindow arrivals;

    ParseArticleFn(ArticleParser parser, ArrivalWindow arrivals) {
      this.parser = parser;
      this.arrivals = arrivals;
    }

    @ProcessElement
    public void process(@Element RawRecord record, MultiOutputReceiver out) {
      try {
        Article article = parser.parse(record.text());
        String violation = arrivals == null ? null : arrivals.violation(record.file(), Instant.parse(article.getPublishedAt()));
        if (violation != null) {
          outsideArrivalWindow.inc();
          out.get(DeadLetters.TAG).output(
              DeadLetters.of(ARRIVAL_STAGE, violation, record.file(), record.line(), article.getId(), record.text()));
          return;
        }
        out.get(ARTICLES).output(new SourcedArticle(record.file(), record.line(), article));
        parsed.inc();
      } catch (InvalidRecordException | RuntimeException e) {
        rejected.inc();
        String reason = e instanceof InvalidRecordException ? e.getMessage() : DeadLetters.reason(e);
        out.get(DeadLetters.TAG).output(
            DeadLetters.of(STAGE, reason, record.file(), record.line(), null, record.text()));
      }
    }
  }
}
