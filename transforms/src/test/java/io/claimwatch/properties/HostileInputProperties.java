package io.claimwatch.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.ingest.ArticleParser;
import io.claimwatch.ingest.ByteLineReader;
import io.claimwatch.ingest.InvalidRecordException;
import io.claimwatch.nlp.ScraperCleaner;
import io.claimwatch.schemas.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing the entry points hostile input reaches first, with arbitrary input rather than news-like
 * text: the line reader on arbitrary bytes, the parser on arbitrary bytes and on near-valid records
 * (wrong types, nulls, deep nesting, markup, truncation), the cleaner on arbitrary strings (lone
 * surrogates included). Each property has a fixed number of tries over bounded input, and
 * shrinking is bounded (junit-platform.properties), so a run takes bounded time.
 */
class HostileInputProperties {
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
  private static final int MAX_BODY_CHARS = 400;
  private static final ArticleParser PARSER = new ArticleParser(EARLIEST, LATEST, MAX_BODY_CHARS);
  private static final ScraperCleaner CLEANER = new ScraperCleaner();
  /** A valid value of each field a record may have (and one it should not). */
  private static final Map<String, String> VALID = new LinkedHashMap<>();

  static {
    VALID.put("id", "\"a1\"");
    VALID.put("outlet", "\"Example Times\"");
    VALID.put("url", "\"https://www.example.com/a\"");
    VALID.put("publishedAt", "\"2024-05-06T10:00:00+02:00\"");
    VALID.put("publishedAtSource", "\"input\"");
    VALID.put("body", "\"The mayor said that the bridge will reopen on Monday.\"");
    VALID.put("title", "\"Bridge\"");
    VALID.put("author", "\"A. Reporter\"");
    VALID.put("language", "\"en\"");
    VALID.put("unknown", "1");
  }

  @Property(tries = 300)
  void theLineReaderSplitsArbitraryBytesIntoTheirLines(
      @ForAll @Size(max = 600) byte[] bytes, @ForAll @IntRange(min = 1, max = 64) int maxLineBytes) throws IOException {
    ByteLineReader reader = new ByteLineReader(new ByteArrayInputStream(bytes), maxLineBytes);
    List<String> read = new ArrayList<>();
    for (ByteLineReader.Line line = reader.next(); line != null; line = reader.next()) {
      assertEquals(read.size() + 1, line.number());
      read.add(Arrays.toString(line.bytes()) + "/" + line.fullLength());
    }
    // The lines as split here: on \n, no line after a final \n, a line's final \r dropped unless
    // the line is over maxLineBytes, which keeps its first maxLineBytes bytes and its full length.
    List<String> expected = new ArrayList<>();
    int start = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      int length = end - start;
      int kept = Math.min(length, maxLineBytes);
      if (kept == length && length > 0 && bytes[end - 1] == '\r') {
        kept--;
        length--;
      }
      expected.add(Arrays.toString(Arrays.copyOfRange(bytes, start, start + kept)) + "/" + length);
      start = end + 1;
    }
    assertEquals(expected, read);
  }

  @Property(tries = 400)
  void theParserAcceptsArbitraryBytesOrRejectsThemWithAReason(@ForAll @Size(max = 300) byte[] bytes) {
    assertParsedOrRejected(new String(bytes, StandardCharsets.UTF_8));
  }

  @Property(tries = 600)
  void theParserAcceptsNearValidRecordsOrRejectsThemWithAReason(@ForAll("nearValidRecords") String record) {
    Statistics.collect(assertParsedOrRejected(record) ? "accepted" : "rejected");
    // Both outcomes are exercised, or the property proves little.
    Statistics.coverage(c -> {
      c.check("accepted").percentage(p -> p >= 5);
      c.check("rejected").percentage(p -> p >= 5);
    });
  }

  @Property(tries = 400)
  void cleaningArbitraryTextOnlyCutsIt(@ForAll @Size(max = 300) String body) {
    TextInvariantsProperties.assertOnlyCuts(body, CLEANER.clean(body));
  }

  /**
   * Records that are nearly articles: each field mostly valid, else absent or hostile (a wrong type,
   * null, blank, deep nesting, markup, surrogates, an implausible date, an over-long body); one in
   * five cut short, as a truncated line is.
   */
  @Provide
  Arbitrary<String> nearValidRecords() {
    Arbitrary<String> hostile = Arbitraries.oneOf(
        Arbitraries.of("null", "true", "42", "-1.5e300", "[]", "{}", "\"\"", "\"  \"", "\"1066-10-14\"",
            "\"2999-01-01T00:00:00Z\"", "\"guess\"", "\"<p>The mayor said <b>so</b>.</p><script>var x = 1;</script>\"",
            "\"<script>only()</script>\"", "\"\\ud83d\\ude80 emoji and a lone \\ud83d surrogate\"",
            "\"../../etc/passwd\"", "\"a\\u0000b\""),
        Arbitraries.integers().between(1, 40).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
        Arbitraries.strings().ofMaxLength(20).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
        Arbitraries.strings().withCharRange('a', 'z').ofLength(MAX_BODY_CHARS + 1).map(s -> "\"" + s + "\""));
    List<Arbitrary<String>> fields = new ArrayList<>();
    VALID.forEach((name, valid) -> fields.add(Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(valid)), Tuple.of(2, hostile), Tuple.of(1, Arbitraries.just((String) null)))
        .map(v -> v == null ? null : "\"" + name + "\": " + v)));
    Arbitrary<String> object = Combinators.combine(fields)
        .as(present -> "{" + String.join(", ", present.stream().filter(f -> f != null).toList()) + "}");
    return Combinators.combine(object, Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 10_000))
        .as((json, percent, cut) -> percent < 80 ? json : json.substring(0, cut % (json.length() + 1)));
  }

  /** Whether the record was accepted; either way, what the parser did is checked. */
  private static boolean assertParsedOrRejected(String record) {
    Article article;
    try {
      article = PARSER.parse(record);
    } catch (InvalidRecordException e) {
      assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a rejection has a reason");
      return false;
    }
    assertFalse(article.getId().isBlank());
    assertFalse(article.getOutlet().isBlank());
    assertFalse(article.getBody().isBlank());
    assertTrue(article.getBody().length() <= MAX_BODY_CHARS);
    assertFalse(article.getBody().toLowerCase(java.util.Locale.ROOT).contains("<script"), article.getBody());
    Instant publishedAt = Instant.parse(article.getPublishedAt());
    assertTrue(!publishedAt.isBefore(EARLIEST) && publishedAt.isBefore(LATEST));
    return true;
  }

}
