package io.claimwatch.transforms;

import io.claimwatch.ingest.ArticleParser;
import io.claimwatch.ingest.InvalidRecordException;
import io.claimwatch.schemas.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Test articles from src/test/resources/fixtures. */
final class Fixtures {
  private Fixtures() {}

  /** The seed article (copied from ../shared/data/seed/articles.jsonl), as read from line 1 of its file. */
  static SourcedArticle seed() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/seed-unn.jsonl")) {
      String line = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      Article article = new ArticleParser(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 1_000_000).parse(line);
      return new SourcedArticle("seed-unn.jsonl", 1, article);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidRecordException e) {
      throw new IllegalStateException(e);
    }
  }
}
