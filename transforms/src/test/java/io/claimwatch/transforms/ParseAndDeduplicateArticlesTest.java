package io.claimwatch.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.ingest.ArticleParser;
import io.claimwatch.schemas.DeadLetter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class ParseAndDeduplicateArticlesTest {
  private static final ArticleParser PARSER =
      new ArticleParser(Instant.parse("1990-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"), 10_000);

  private static RawRecord line(String file, long line, String id, String body) {
    return new RawRecord(file, line,
        "{\"id\":\"" + id + "\",\"outlet\":\"o\",\"publishedAt\":\"2024-01-01T12:00:00Z\",\"body\":\"" + body + "\"}");
  }

  @Test
  void parsesGoodRecordsAndDeadLettersBadOnesWithFileLineAndReason(TestPipeline pipeline) {
    PCollection<RawRecord> records = pipeline.apply(Create.of(
            line("f.jsonl", 1, "a", "Good."),
            new RawRecord("f.jsonl", 2, "{\"id\":"),
            new RawRecord("f.jsonl", 3, "{\"id\":\"c\",\"outlet\":\"o\",\"publishedAt\":\"2024-01-01\",\"body\":\"\"}"))
        .withCoder(SerializableCoder.of(RawRecord.class)));

    PCollectionTuple parsed = records.apply(new ParseArticles(PARSER));

    PAssert.that(parsed.get(ParseArticles.ARTICLES)
            .apply(MapElements.into(TypeDescriptors.strings()).via(a -> a.article().getId() + "@" + a.line())))
        .containsInAnyOrder("a@1");
    PAssert.that(parsed.get(DeadLetters.TAG)).satisfies(deadLetters -> {
      List<String> seen = new ArrayList<>();
      for (DeadLetter d : deadLetters) {
        assertEquals("parse", d.getStage());
        assertEquals("f.jsonl", d.getFile());
        seen.add(d.getLine() + ":" + d.getReason().split(":")[0]);
      }
      seen.sort(null);
      assertEquals(List.of("2:malformed JSON", "3:body is blank"), seen);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void keepsTheFirstReadCopyOfAnIdAndReportsTheOthers(TestPipeline pipeline) {
    PCollection<SourcedArticle> articles = pipeline
        .apply(Create.of(
                line("b.jsonl", 1, "same", "Second file."),
                line("a.jsonl", 9, "same", "First file, later line."),
                line("a.jsonl", 2, "same", "First file, first line."),
                line("a.jsonl", 3, "other", "Unique."))
            .withCoder(SerializableCoder.of(RawRecord.class)))
        .apply(new ParseArticles(PARSER))
        .get(ParseArticles.ARTICLES);

    PCollectionTuple deduplicated = articles.apply(new DeduplicateArticles(4));

    PAssert.that(deduplicated.get(DeduplicateArticles.UNIQUE)
            .apply(MapElements.into(TypeDescriptors.strings()).via(a -> a.article().getId() + ":" + a.article().getBody())))
        .containsInAnyOrder("same:First file, first line.", "other:Unique.");
    PAssert.that(deduplicated.get(DeduplicateArticles.DUPLICATES)).satisfies(duplicates -> {
      List<String> seen = new ArrayList<>();
      for (DeadLetter d : duplicates) {
        assertEquals("same", d.getRecordId());
        assertTrue(d.getReason().endsWith("kept the copy at a.jsonl:2"), d.getReason());
        seen.add(d.getFile() + ":" + d.getLine());
      }
      seen.sort(null);
      assertEquals(List.of("a.jsonl:9", "b.jsonl:1"), seen);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
