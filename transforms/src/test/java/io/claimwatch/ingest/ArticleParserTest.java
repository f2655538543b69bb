package io.claimwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.schemas.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleParserTest {
  private final ArticleParser parser =
      new ArticleParser(Instant.parse("1990-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"), 1000);

  @Test
  void readsAllFieldsAndNormalizesTheTimeToUtc() throws Exception {
    Article a = parser.parse("{\"id\":\"a1\",\"outlet\":\"UNN\",\"url\":\"https://unn.ua/x\","
        + "\"publishedAt\":\"2023-12-24T01:30:00+02:00\",\"title\":\"T\",\"author\":null,\"language\":\"en\",\"body\":\"B.\"}");
    assertEquals("a1", a.getId());
    assertEquals("unn", a.getOutlet());
    assertEquals("2023-12-23T23:30:00Z", a.getPublishedAt());
    assertEquals("T", a.getTitle());
    assertNull(a.getAuthor());
    assertEquals("B.", a.getBody());
  }

  @Test
  void acceptsLocalDateTimesAndPlainDatesAsUtc() throws Exception {
    assertEquals("2024-03-02T10:15:00Z", parser.parse(record("2024-03-02T10:15:00")).getPublishedAt());
    assertEquals("2024-03-02T00:00:00Z", parser.parse(record("2024-03-02")).getPublishedAt());
    assertEquals("2024-03-02T10:15:00Z", parser.parse(record("2024-03-02T10:15:00Z")).getPublishedAt());
  }

  @Test
  void derivesTheOutletFromTheUrlHostWithoutWww() throws Exception {
    Article a = parser.parse("{\"id\":\"a\",\"url\":\"https://www.NYTimes.com/2023/x.html\","
        + "\"publishedAt\":\"2023-12-24\",\"body\":\"B.\"}");
    assertEquals("nytimes.com", a.getOutlet());
  }

  @Test
  void aBodyWithHtmlMarkupBecomesItsTextWithoutScriptsOrStyles() throws Exception {
    Article a = parser.parse(body("<div><p>The chief said the fire was <b>under control</b>.</p>"
        + "<script>var claim = 'The spokesman said so';</script><style>p { color: red }</style>"
        + "<!-- hidden --><p>Investigators said the cause was a fault &amp; a spark.</p></div>"));
    assertEquals("The chief said the fire was under control.\nInvestigators said the cause was a fault & a spark.",
        a.getBody());
    assertEquals("If 5 < 6 and 7 > 3, <3 stays.", parser.parse(body("If 5 < 6 and 7 > 3, <3 stays.")).getBody());
    assertReason("body has no text outside HTML markup", body("<script>document.write('hi')</script>"));
  }

  private static String body(String body) {
    return "{\"id\":\"x\",\"outlet\":\"o\",\"publishedAt\":\"2024-01-01\",\"body\":"
        + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(body) + "}";
  }

  @Test
  void rejectsUnusableRecordsWithAReason() {
    assertReason("malformed JSON", "{\"id\": \"x\", ");
    assertReason("not an object", "[1, 2]");
    assertReason("not an object", "\"just a string\"");
    assertReason("missing id", "{\"outlet\":\"o\",\"publishedAt\":\"2024-01-01\",\"body\":\"b\"}");
    assertReason("id must be a string", "{\"id\":7,\"outlet\":\"o\",\"publishedAt\":\"2024-01-01\",\"body\":\"b\"}");
    assertReason("missing body", "{\"id\":\"x\",\"outlet\":\"o\",\"publishedAt\":\"2024-01-01\"}");
    assertReason("body is blank", "{\"id\":\"x\",\"outlet\":\"o\",\"publishedAt\":\"2024-01-01\",\"body\":\" \\n \"}");
    assertReason("publishedAt is not", "{\"id\":\"x\",\"outlet\":\"o\",\"publishedAt\":\"last week\",\"body\":\"b\"}");
    assertReason("implausible publishedAt", "{\"id\":\"x\",\"outlet\":\"o\",\"publishedAt\":\"1850-01-01\",\"body\":\"b\"}");
    assertReason("missing outlet and no url", "{\"id\":\"x\",\"publishedAt\":\"2024-01-01\",\"body\":\"b\"}");
    assertReason("title must be a string", "{\"id\":\"x\",\"outlet\":\"o\",\"publishedAt\":\"2024-01-01\",\"body\":\"b\",\"title\":{}}");
    assertReason("over maxBodyChars", "{\"id\":\"x\",\"outlet\":\"o\",\"publishedAt\":\"2024-01-01\",\"body\":\"" + "b".repeat(1001) + "\"}");
    assertReason("malformed JSON", "{\"id\":\"x\",\"id\":\"y\",\"outlet\":\"o\",\"publishedAt\":\"2024-01-01\",\"body\":\"b\"}");
    assertReason("malformed JSON", "{\"id\":\"x\",\"outlet\":\"o\",\"publishedAt\":\"2024-01-01\",\"body\":\"b\"} trailing");
    assertReason("malformed JSON", "[".repeat(100) + "]".repeat(100));
  }

  private void assertReason(String expected, String json) {
    InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> parser.parse(json));
    assertTrue(e.getMessage().contains(expected), () -> "reason '" + e.getMessage() + "' lacks '" + expected + "'");
  }

  private static String record(String publishedAt) {
    return "{\"id\":\"a\",\"outlet\":\"o\",\"publishedAt\":\"" + publishedAt + "\",\"body\":\"B.\"}";
  }
}
