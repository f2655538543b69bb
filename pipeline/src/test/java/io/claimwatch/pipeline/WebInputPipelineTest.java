package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** The whole pipeline on news as it is crawled: a Common Crawl News-shaped .warc.gz of HTML pages. */
class WebInputPipelineTest {
  private static final Instant FETCHED = Instant.parse("2024-03-04T12:00:00Z");

  @TempDir Path dir;

  private static String page(String headDate, String paragraphs) {
    return "<!DOCTYPE html><html lang=\"en\"><head><title>Talks | News</title>" + headDate
        + "<script>var said = 'The script said that nothing happened.';</script></head><body>"
        + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World news and more said that</a></nav>"
        + "<div class=\"ad-slot\"><p>Advertisers said that you should buy our product today.</p></div>"
        + "<article><h1>Talks to resume</h1>" + paragraphs + "</article>"
        + "<section class=\"comments\"><p>A reader said that the talks are a waste of everyone's time.</p></section>"
        + "<footer><p>Copyright Example News. All rights reserved across the world.</p></footer></body></html>";
  }

  private static void exchange(WarcWriter warc, String url, String contentType, byte[] payload) throws Exception {
    URI uri = URI.create(url);
    warc.write(new WarcRequest.Builder(uri).date(FETCHED)
        .body(new HttpRequest.Builder("GET", uri.getRawPath()).addHeader("Host", uri.getHost()).build()).build());
    warc.write(new WarcResponse.Builder(uri).date(FETCHED)
        .body(new HttpResponse.Builder(200, "OK").body(MediaType.parse(contentType), payload).build()).build());
  }

  @Test
  void aWarcOfNewsPagesYieldsMentionsAndDailyCountsFromThePagesInside() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (WarcWriter warc = new WarcWriter(Channels.newChannel(bytes), WarcCompression.GZIP)) {
      exchange(warc, "https://www.daily-example.com/world/talks", "text/html; charset=utf-8", page(
          "<meta property=\"article:published_time\" content=\"2024-03-01T09:30:00Z\">",
          "<p>The foreign minister said that the talks would resume next week.</p>"
              + "<p>Officials in both capitals declined to comment on the schedule.</p>").getBytes(StandardCharsets.UTF_8));
      exchange(warc, "https://news.example.com/2024/talks", "text/html", page(
          "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2024-03-01T15:00:00Z\"}</script>",
          "<p>The foreign minister said that the talks would resume next week.</p>"
              + "<p>According to the ministry, the delegations met for six hours on Thursday.</p>").getBytes(StandardCharsets.UTF_8));
      exchange(warc, "https://www.daily-example.com/logo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
      exchange(warc, "https://m.dailyexample.co.uk/undated", "text/html", page("",
          "<p>The mayor said that the bridge would reopen on Friday.</p>").getBytes(StandardCharsets.UTF_8));
    }
    // A corrupt record (a gzip member holding a broken WARC header) between the pages and the end.
    ByteArrayOutputStream corrupt = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(corrupt)) {
      gz.write("WARC/1.0\r\nWARC-Type: response\r\nnot a header\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    Path input = dir.resolve("CC-NEWS-20240304120000-00001.warc.gz");
    byte[] crawl = bytes.toByteArray();
    Files.write(input, crawl);
    Files.write(input, corrupt.toByteArray(), java.nio.file.StandardOpenOption.APPEND);
    Path outletMap = dir.resolve("outlets.csv");
    Files.writeString(outletMap, "host,outlet\ndaily-example.com,Daily Example\ndailyexample.co.uk,Daily Example\n");
    Path out = dir.resolve("out");

    assertEquals(PipelineResult.State.DONE, PipelineRuns.run(input.toString(), out, "--outletMap=" + outletMap));

    JsonNode summary = PipelineRuns.summary(out);
    assertEquals(4, summary.get("read").asLong(), summary.toString());
    assertEquals(3, summary.get("accepted").asLong(), summary.toString());
    assertEquals(1, summary.get("deadLettered").asLong(), summary.toString());
    assertEquals(1, summary.get("deadLettersByStage").get("read").asLong());
    assertTrue(summary.get("balanced").asBoolean());

    Map<String, JsonNode> articles = new HashMap<>();
    PipelineRuns.records(out, "articles").forEach(a -> articles.put(a.get("id").asText(), a));
    assertEquals(3, articles.size());
    JsonNode undated = articles.get("https://m.dailyexample.co.uk/undated");
    assertEquals("daily example", undated.get("outlet").asText());
    assertEquals("fetch-time", undated.get("publishedAtSource").asText());
    assertEquals(FETCHED.toString(), undated.get("publishedAt").asText());
    assertEquals("json-ld", articles.get("https://news.example.com/2024/talks").get("publishedAtSource").asText());
    assertEquals("The foreign minister said that the talks would resume next week.\n"
        + "Officials in both capitals declined to comment on the schedule.",
        articles.get("https://www.daily-example.com/world/talks").get("body").asText());

    List<JsonNode> mentions = PipelineRuns.records(out, "mentions");
    assertFalse(mentions.isEmpty());
    for (JsonNode m : mentions) {
      String body = articles.get(m.get("articleId").asText()).get("body").asText();
      PipelineRuns.assertRoleTextsAreTheirSpans(body, m);
      for (String boilerplate : List.of("script", "Advertisers", "reader", "Copyright", "World news")) {
        assertFalse(m.get("sentence").toString().contains(boilerplate), m.toString());
      }
    }
    JsonNode talks = mentions.stream()
        .filter(m -> m.get("content").get("text").asText().contains("the talks would resume next week"))
        .filter(m -> m.get("outlet").asText().equals("news.example.com"))
        .findFirst().orElseThrow(() -> new AssertionError("no talks mention: " + mentions));
    assertEquals("2024-03-01", talks.get("day").asText());
    assertTrue(talks.get("attributed").asBoolean());

    JsonNode daily = PipelineRuns.records(out, "daily").stream()
        .filter(d -> d.get("claimId").asText().equals(talks.get("claimId").asText()))
        .findFirst().orElseThrow();
    assertEquals("2024-03-01", daily.get("day").asText());
    assertEquals(2, daily.get("outlets").asLong(), daily.toString());
    assertEquals(2, daily.get("articles").asLong(), daily.toString());
    assertTrue(PipelineRuns.records(out, "daily").stream().anyMatch(d -> d.get("day").asText().equals("2024-03-04")),
        "the undated page counts on its fetch day");

    JsonNode deadLetter = PipelineRuns.records(out, "deadletter").get(0);
    assertEquals("read", deadLetter.get("stage").asText());
    assertTrue(deadLetter.get("reason").asText().startsWith("WARC file unreadable from byte " + crawl.length),
        deadLetter.toString());
  }
}
