package io.claimwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.claimwatch.schemas.Article;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

class ArticleSchemaTest {
  /** The Article schema before publishedAtSource. */
  private static final Schema BEFORE = new Schema.Parser().parse("""
      {"type": "record", "name": "Article", "namespace": "io.claimwatch.schemas", "fields": [
        {"name": "id", "type": "string"}, {"name": "outlet", "type": "string"},
        {"name": "url", "type": ["null", "string"], "default": null}, {"name": "publishedAt", "type": "string"},
        {"name": "title", "type": ["null", "string"], "default": null},
        {"name": "author", "type": ["null", "string"], "default": null},
        {"name": "language", "type": ["null", "string"], "default": null}, {"name": "body", "type": "string"}]}
      """);

  @Test
  void publishedAtSourceKeepsTheSchemaCompatibleBothWays() {
    assertEquals(SchemaCompatibilityType.COMPATIBLE,
        SchemaCompatibility.checkReaderWriterCompatibility(Article.getClassSchema(), BEFORE).getType(),
        "new readers read old files");
    assertEquals(SchemaCompatibilityType.COMPATIBLE,
        SchemaCompatibility.checkReaderWriterCompatibility(BEFORE, Article.getClassSchema()).getType(),
        "old readers read new files");
  }

  @Test
  void anAvroArticleWithoutASourceReadsAsInput() throws Exception {
    Article old = Article.newBuilder().setId("a").setOutlet("o").setPublishedAt("2024-01-01T00:00:00Z").setBody("B.").build();
    Article parsed = new ArticleParser(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 100).parse(old.toString());
    assertEquals("input", parsed.getPublishedAtSource());
  }
}
