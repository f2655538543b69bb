package io.claimwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.schemas.Article;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcArticleReaderTest {
  static final Instant FETCHED = Instant.parse("2024-03-04T12:00:00Z");

  @TempDir Path dir;

  private final ArticleParser parser =
      new ArticleParser(Instant.parse("1990-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"), 100_000);

  /** A crawl as Common Crawl News writes it: warcinfo, then a request and a response per URL. */
  static NewsPages.WarcBuilder crawl(boolean gzip) throws Exception {
    return new NewsPages.WarcBuilder(gzip)
        .warcinfo()
        .page("https://www.daily-example.com/world/ceasefire-talks", NewsPages.BOILERPLATE, FETCHED)
        .exchange("https://www.daily-example.com/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, FETCHED)
        .page("https://news.example.com/minister-resigns", NewsPages.JSON_LD, FETCHED)
        .exchange("https://api.example.com/latest.json", 200, "application/json",
            "{\"said\": \"not a page\"}".getBytes(StandardCharsets.UTF_8), FETCHED)
        .page("https://m.coast-herald.com/storm", NewsPages.TIME_ONLY, FETCHED)
        .exchange("https://news.example.com/gone", 404, "text/html", "<p>Not found</p>".getBytes(StandardCharsets.UTF_8), FETCHED)
        .page("https://news.example.org/library", NewsPages.NO_DATE, FETCHED);
  }

  private Read read(byte[] warc) throws Exception {
    Path file = dir.resolve("crawl-" + System.nanoTime() + ".warc");
    Files.write(file, warc);
    Read out = new Read();
    try (var channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
      new WarcArticleReader(1 << 20).read(channel, file.toString(), out);
    }
    return out;
  }

  /** What a reader emitted. */
  static final class Read implements RecordSink {
    final Map<Long, String> records = new TreeMap<>();
    final List<String> deadLetters = new ArrayList<>();
    final Map<String, Integer> skipped = new TreeMap<>();

    @Override
    public void record(long number, String text) {
      records.put(number, text);
    }

    @Override
    public void deadLetter(Long number, String reason, String input) {
      deadLetters.add(number + ": " + reason);
    }

    @Override
    public void skipped(String kind) {
      skipped.merge(kind, 1, Integer::sum);
    }
  }

  private List<Article> articles(Read read) throws Exception {
    List<Article> articles = new ArrayList<>();
    for (String record : read.records.values()) {
      articles.add(parser.parse(record));
    }
    return articles;
  }

  @Test
  void readsTheHtmlResponsesOfACompressedCrawlAndSkipsTheRest() throws Exception {
    Read read = read(crawl(true).bytes());

    assertEquals(List.of(), read.deadLetters);
    assertEquals(Map.of("non-response record", 8, "non-HTML response", 2, "non-2xx HTML response", 1), read.skipped);
    List<Article> articles = articles(read);
    assertEquals(4, articles.size());

    Article boilerplate = articles.get(0);
    assertEquals("https://www.daily-example.com/world/ceasefire-talks", boilerplate.getId());
    assertEquals("https://www.daily-example.com/world/ceasefire-talks", boilerplate.getUrl());
    assertEquals("daily-example.com", boilerplate.getOutlet());
    assertEquals(NewsPages.BOILERPLATE_BODY, boilerplate.getBody());
    assertEquals("2024-03-01T07:30:00Z", boilerplate.getPublishedAt());
    assertEquals("meta", boilerplate.getPublishedAtSource());

    assertEquals(NewsPages.JSON_LD_BODY, articles.get(1).getBody());
    assertEquals("json-ld", articles.get(1).getPublishedAtSource());
    assertEquals("coast-herald.com", articles.get(2).getOutlet());
    assertEquals("time-element", articles.get(2).getPublishedAtSource());
    assertEquals("2024-03-04T12:00:00Z", articles.get(3).getPublishedAt(), "no date on the page: the WARC-Date");
    assertEquals("fetch-time", articles.get(3).getPublishedAtSource());
    // Record numbers count every WARC record: warcinfo is 1, the first request 2, its response 3.
    assertEquals(List.of(3L, 7L, 11L, 15L), List.copyOf(read.records.keySet()));
  }

  @Test
  void readsAnUncompressedCrawlTheSameWay() throws Exception {
    Read read = read(crawl(false).bytes());
    assertEquals(List.of(), read.deadLetters);
    assertEquals(4, articles(read).size());
  }

  @Test
  void aTruncatedGzipMemberIsOneDeadLetterAndReadingGoesOn() throws Exception {
    NewsPages.WarcBuilder crawl = crawl(true);
    crawl.page("https://news.example.com/after", NewsPages.TIME_ONLY.replace("Storm", "Flood"), FETCHED);
    // Cut the JSON-LD page's response (record 7) in half.
    long[] cut = crawl.spans().get(6);
    long half = cut[0] + (cut[1] - cut[0]) / 2;
    byte[] warc = without(crawl.bytes(), half, cut[1]);

    Read read = read(warc);

    assertEquals(1, read.deadLetters.size(), read.deadLetters.toString());
    assertTrue(read.deadLetters.get(0).startsWith("7: corrupt WARC record at byte " + cut[0] + ": "), read.deadLetters.get(0));
    assertTrue(read.deadLetters.get(0).endsWith("reading resumed at byte " + half), read.deadLetters.get(0));
    List<String> urls = articles(read).stream().map(Article::getUrl).toList();
    assertEquals(List.of("https://www.daily-example.com/world/ceasefire-talks", "https://m.coast-herald.com/storm",
        "https://news.example.org/library", "https://news.example.com/after"), urls);
  }

  @Test
  void aBadWarcHeaderIsOneDeadLetterAndReadingGoesOnCompressedOrNot() throws Exception {
    for (boolean gzip : new boolean[] {true, false}) {
      NewsPages.WarcBuilder crawl = new NewsPages.WarcBuilder(gzip)
          .page("https://a.example.com/1", NewsPages.TIME_ONLY, FETCHED)
          .raw(gzip ? NewsPages.gzip(NewsPages.badWarcHeader()) : NewsPages.badWarcHeader())
          .page("https://a.example.com/2", NewsPages.JSON_LD, FETCHED);

      Read read = read(crawl.bytes());

      assertEquals(1, read.deadLetters.size(), read.deadLetters.toString());
      assertTrue(read.deadLetters.get(0).startsWith("3: corrupt WARC record"), read.deadLetters.get(0));
      assertEquals(List.of("https://a.example.com/1", "https://a.example.com/2"),
          articles(read).stream().map(Article::getUrl).toList(), "gzip=" + gzip);
    }
  }

  @Test
  void aFileCutInItsLastRecordKeepsTheRecordsBeforeAndReportsTheRest() throws Exception {
    byte[] whole = crawl(true).bytes();
    Read read = read(Arrays.copyOf(whole, whole.length - 200));

    assertEquals(3, read.records.size());
    assertEquals(1, read.deadLetters.size());
    assertTrue(read.deadLetters.get(0).startsWith("15: WARC file unreadable from byte "), read.deadLetters.get(0));
    assertTrue(read.deadLetters.get(0).endsWith("the rest of the file is skipped"), read.deadLetters.get(0));
  }

  @Test
  void anInputThatCannotBeRepositionedReportsTheRestOfTheFileAfterAFault() throws Exception {
    NewsPages.WarcBuilder crawl = crawl(true);
    long[] cut = crawl.spans().get(6);
    byte[] warc = without(crawl.bytes(), cut[0] + 10, cut[1]);
    Read read = new Read();

    new WarcArticleReader(1 << 20).read(Channels.newChannel(new ByteArrayInputStream(warc)), "stream", read);

    assertEquals(1, read.records.size());
    assertEquals(1, read.deadLetters.size());
    assertTrue(read.deadLetters.get(0).contains("the rest of the file is skipped (input not seekable)"),
        read.deadLetters.get(0));
  }

  @Test
  void anOverLongPayloadIsADeadLetter() throws Exception {
    Path file = dir.resolve("big.warc.gz");
    Files.write(file, new NewsPages.WarcBuilder(true)
        .page("https://a.example.com/big", NewsPages.BOILERPLATE, FETCHED)
        .page("https://a.example.com/small", "<p>The mayor said that it is small.</p>", FETCHED).bytes());
    Read read = new Read();
    try (var channel = Files.newByteChannel(file)) {
      new WarcArticleReader(1000).read(channel, file.toString(), read);
    }
    assertEquals(List.of("2: HTML payload over maxRecordBytes=1000"), read.deadLetters);
    assertEquals(1, read.records.size());
    assertFalse(read.records.get(4L).isEmpty());
  }

  private static byte[] without(byte[] bytes, long from, long to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, (int) from);
    out.write(bytes, (int) to, bytes.length - (int) to);
    return out.toByteArray();
  }
}
