package io.claimwatch.transforms;

import io.claimwatch.ingest.ArticleParser;
import io.claimwatch.ingest.InvalidRecordException;
import io.claimwatch.schemas.DeadLetter;
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

/** Parses and validates raw records into articles; anything unusable becomes a dead letter. */
public final class ParseArticles extends PTransform<PCollection<RawRecord>, PCollectionTuple> {
  public static final TupleTag<SourcedArticle> ARTICLES = new TupleTag<>("parsedArticles") {};
  static final String STAGE = "parse";

  private final ArticleParser parser;

  public ParseArticles(ArticleParser parser) {
    this.parser = parser;
  }

  @Override
  public PCollectionTuple expand(PCollection<RawRecord> records) {
    PCollectionTuple parsed = records.apply("ParseRecords",
        ParDo.of(new ParseArticleFn(parser)).withOutputTags(ARTICLES, TupleTagList.of(DeadLetters.TAG)));
    parsed.get(ARTICLES).setCoder(SerializableCoder.of(SourcedArticle.class));
    parsed.get(DeadLetters.TAG).setCoder(AvroCoder.of(DeadLetter.class));
    return parsed;
  }

  static final class ParseArticleFn extends DoFn<RawRecord, SourcedArticle> {
    private final Counter parsed = Metrics.counter(ParseArticles.class, "parsed");
    private final Counter rejected = Metrics.counter(ParseArticles.class, "deadLetters");
    private final ArticleParser parser;

    ParseArticleFn(ArticleParser parser) {
      this.parser = parser;
    }

    @ProcessElement
    public void process(@Element RawRecord record, MultiOutputReceiver out) {
      try {
        out.get(ARTICLES).output(new SourcedArticle(record.file(), record.line(), parser.parse(record.text())));
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
