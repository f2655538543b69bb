package io.claimwatch.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.ingest.NewsPages;
import io.claimwatch.schemas.Article;
import io.claimwatch.schemas.DeadLetter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ReadArticleRecordsTest {
  @TempDir Path dir;

  @Test
  void readsJsonLinesGzipAndAvroAndDeadLettersWhatCannotBeDecoded(TestPipeline pipeline) throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    plain.write("\uFEFF{\"a\":1}\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    plain.write(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    plain.write("{\"b\":\"😀\"}\n".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("a.jsonl"), plain.toByteArray());
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.jsonl.gz")))) {
      gz.write("{\"c\":1}\n{\"d\":2}\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("README.md"), "not data\n");
    Article article = Article.newBuilder().setId("avro-1").setOutlet("o").setPublishedAt("2024-01-01T00:00:00Z")
        .setBody("Body.").build();
    try (DataFileWriter<Article> avro = new DataFileWriter<>(new SpecificDatumWriter<>(Article.class))) {
      avro.create(Article.getClassSchema(), new File(dir.toFile(), "c.avro"));
      avro.append(article);
    }
    String a = dir.resolve("a.jsonl").toString();

    PCollectionTuple read = pipeline.apply(ReadArticleRecords.from(dir.toString(), 1024, 4));

    PAssert.that(read.get(ReadArticleRecords.RECORDS)).satisfies(records -> {
      List<String> seen = new ArrayList<>();
      records.forEach(r -> seen.add(new File(r.file()).getName() + ":" + r.line() + ":" + r.text()));
      seen.sort(null);
      assertEquals(List.of(
          "a.jsonl:1:{\"a\":1}",
          "a.jsonl:4:{\"b\":\"😀\"}",
          "b.jsonl.gz:1:{\"c\":1}",
          "b.jsonl.gz:2:{\"d\":2}",
          "c.avro:1:" + article), seen);
      return null;
    });
    PAssert.that(read.get(DeadLetters.TAG)).satisfies(deadLetters -> {
      List<DeadLetter> all = new ArrayList<>();
      deadLetters.forEach(all::add);
      assertEquals(1, all.size());
      assertEquals("invalid UTF-8", all.get(0).getReason());
      assertEquals(a, all.get(0).getFile());
      assertEquals(3L, all.get(0).getLine());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aListOfFilesIsReadFileByFileWithLineNumbersAndGzip(TestPipeline pipeline) throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    plain.write("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8));
    plain.write(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    plain.write("{\"a\":3}\n".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("a.jsonl"), plain.toByteArray());
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.jsonl.gz")))) {
      gz.write("{\"b\":1}\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("c.jsonl"), "{\"c\":1}\n");
    String a = dir.resolve("a.jsonl").toString();

    // c.jsonl is in the same directory but not listed.
    PCollectionTuple read = pipeline.apply(ReadArticleRecords.fromFiles(
        List.of(a, dir.resolve("b.jsonl.gz").toString()), 1024, 4));

    PAssert.that(read.get(ReadArticleRecords.RECORDS)).satisfies(records -> {
      List<String> seen = new ArrayList<>();
      records.forEach(r -> seen.add(new File(r.file()).getName() + ":" + r.line() + ":" + r.text()));
      seen.sort(null);
      assertEquals(List.of("a.jsonl:1:{\"a\":1}", "a.jsonl:3:{\"a\":3}", "b.jsonl.gz:1:{\"b\":1}",
          "b.jsonl.gz:2:{\"b\":2}"), seen);
      return null;
    });
    PAssert.that(read.get(DeadLetters.TAG)).satisfies(deadLetters -> {
      List<String> seen = new ArrayList<>();
      deadLetters.forEach(d -> seen.add(d.getFile() + ":" + d.getLine() + ":" + d.getReason()));
      assertEquals(List.of(a + ":2:invalid UTF-8"), seen);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void keepsRecordsBeforeTheCutOfATruncatedGzipAndReportsTheFile(TestPipeline pipeline) throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(compressed)) {
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < 2000; i++) {
        lines.append("{\"n\":").append(i).append(",\"pad\":\"").append(Integer.toHexString(i * 7919)).append("\"}\n");
      }
      gz.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = compressed.toByteArray();
    Path truncated = dir.resolve("cut.jsonl.gz");
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));

    String truncatedName = truncated.toString();
    PCollectionTuple read = pipeline.apply(ReadArticleRecords.from(truncatedName, 1024, 4));

    PAssert.that(read.get(ReadArticleRecords.RECORDS)).satisfies(records -> {
      long count = 0;
      for (RawRecord r : records) {
        assertEquals("{\"n\":" + (r.line() - 1), r.text().substring(0, r.text().indexOf(',')));
        count++;
      }
      assertTrue(count > 100 && count < 2000, "records before the cut: " + count);
      return null;
    });
    PAssert.that(read.get(DeadLetters.TAG)).satisfies(deadLetters -> {
      DeadLetter only = deadLetters.iterator().next();
      assertEquals("read", only.getStage());
      assertTrue(only.getReason().startsWith("file unreadable after record "), only.getReason());
      assertEquals(truncatedName, only.getFile());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void keepsEveryRecordInflatedBeforeTheCutOfASmallTruncatedGzip(TestPipeline pipeline) throws Exception {
    // Each record is sync-flushed, so the compressed bytes up to its end inflate to it whole.
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    int cut;
    try (GZIPOutputStream gz = new GZIPOutputStream(compressed, true)) {
      for (int i = 1; i <= 3; i++) {
        gz.write(("{\"n\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
        gz.flush();
      }
      cut = compressed.size() + 4;
      gz.write("{\"n\":4, \"the rest\": \"is cut off\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    Path truncated = dir.resolve("small-cut.jsonl.gz");
    Files.write(truncated, java.util.Arrays.copyOf(compressed.toByteArray(), cut));

    PCollectionTuple read = pipeline.apply(ReadArticleRecords.from(truncated.toString(), 1024, 4));

    PAssert.that(read.get(ReadArticleRecords.RECORDS).apply("RecordTexts", MapElements.into(TypeDescriptors.strings())
        .via(RawRecord::text))).containsInAnyOrder("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    PAssert.that(read.get(DeadLetters.TAG).apply("Reasons", MapElements.into(TypeDescriptors.strings())
        .via(d -> d.getReason().substring(0, d.getReason().indexOf(':')))))
        .containsInAnyOrder("file unreadable after record 3");
    pipeline.run().waitUntilFinish();
  }

  @Test
  void overLongRecordsBecomeDeadLettersWithAPrefix(TestPipeline pipeline) throws Exception {
    Path file = dir.resolve("long.jsonl");
    Files.writeString(file, "{\"ok\":1}\n{\"body\":\"" + "x".repeat(5000) + "\"}\n");

    PCollectionTuple read = pipeline.apply(ReadArticleRecords.from(file.toString(), 100, 4));

    PAssert.that(read.get(ReadArticleRecords.RECORDS)).satisfies(records -> {
      assertEquals("{\"ok\":1}", records.iterator().next().text());
      return null;
    });
    PAssert.that(read.get(DeadLetters.TAG)).satisfies(deadLetters -> {
      DeadLetter only = deadLetters.iterator().next();
      assertTrue(only.getReason().contains("over maxRecordBytes=100"), only.getReason());
      assertEquals(100, only.getInput().length());
      assertEquals(2L, only.getLine());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void readsWarcHtmlAndFeedFilesByExtensionOneRecordPerPageOrItem(TestPipeline pipeline) throws Exception {
    Instant fetched = Instant.parse("2024-03-04T12:00:00Z");
    Files.write(dir.resolve("crawl.warc.gz"), new NewsPages.WarcBuilder(true)
        .warcinfo()
        .page("https://www.daily-example.com/world/ceasefire-talks", NewsPages.BOILERPLATE, fetched)
        .exchange("https://www.daily-example.com/logo.png", 200, "image/png", new byte[] {1, 2, 3}, fetched)
        .raw(NewsPages.gzip(NewsPages.badWarcHeader()))
        .page("https://news.example.com/minister-resigns", NewsPages.JSON_LD, fetched)
        .bytes());
    Files.writeString(dir.resolve("storm.html"), NewsPages.TIME_ONLY);
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("library.htm.gz")))) {
      gz.write(NewsPages.NO_DATE.getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("wire.rss"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
        + "<item><title>A</title><link>https://wire.example.com/a</link><pubDate>Mon, 04 Mar 2024 08:15:00 GMT</pubDate>"
        + "<description>The union said that the strike would continue.</description></item>"
        + "<item><title>B</title><link>https://wire.example.com/b</link><description>B.</description></item>"
        + "</channel></rss>");
    Files.writeString(dir.resolve("sitemap.xml"), "<?xml version=\"1.0\"?><urlset><url><loc>https://x.com/</loc></url></urlset>");
    Files.writeString(dir.resolve("notes.txt"), "not data\n");

    String library = dir.resolve("library.htm.gz").toString();
    String storm = dir.resolve("storm.html").toString();
    PCollectionTuple read = pipeline.apply(ReadArticleRecords.from(dir.toString(), 1 << 20, 4));

    PAssert.that(read.get(ReadArticleRecords.RECORDS)).satisfies(records -> {
      List<String> seen = new ArrayList<>();
      for (RawRecord r : records) {
        String id = r.text().replaceAll(".*?\"id\":\"([^\"]*)\".*", "$1");
        seen.add(new File(r.file()).getName() + ":" + r.line() + ":" + id);
      }
      seen.sort(null);
      assertEquals(List.of(
          "crawl.warc.gz:3:https://www.daily-example.com/world/ceasefire-talks",
          "crawl.warc.gz:8:https://news.example.com/minister-resigns",
          "library.htm.gz:1:" + library,
          "storm.html:1:" + storm,
          "wire.rss:1:https://wire.example.com/a",
          "wire.rss:2:https://wire.example.com/b"), seen);
      return null;
    });
    PAssert.that(read.get(DeadLetters.TAG)).satisfies(deadLetters -> {
      TreeSet<String> seen = new TreeSet<>();
      deadLetters.forEach(d -> seen.add(new File(d.getFile()).getName() + ":" + d.getLine() + ":"
          + d.getReason().replaceAll(" at byte .*| \\(root.*|: root element.*", "")));
      assertEquals(new TreeSet<>(List.of("crawl.warc.gz:6:corrupt WARC record",
          "sitemap.xml:null:not an RSS or Atom feed")), seen);
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void knowsArticleFilesByExtension() {
    for (String name : List.of("a.jsonl", "a.json.gz", "a.avro", "CC-NEWS-20240304.warc.gz", "a.warc", "a.HTML", "a.htm",
        "a.rss", "a.atom", "feed.xml.gz")) {
      assertTrue(ReadArticleRecords.isArticleFile(name), name);
    }
    for (String name : List.of("README.md", ".hidden.jsonl", "a.txt", "a.warc.zst", "a.png")) {
      assertTrue(!ReadArticleRecords.isArticleFile(name), name);
    }
  }
}
