package io.claimwatch.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.Warcinfo;
import org.netpreserve.jwarc.WarcWriter;

/** Real-shaped news pages, feeds and WARC files for the reader tests, built here rather than stored. */
public final class NewsPages {
  private NewsPages() {}

  /** Navigation, ads, share buttons, a figure, an aside, "Read more" links, comments, scripts and a footer around three paragraphs. */
  public static final String BOILERPLATE = """
      <!DOCTYPE html>
      <html lang="en"><head>
      <meta charset="utf-8">
      <title>Ceasefire talks stall | Daily Example</title>
      <meta property="og:title" content="Ceasefire talks stall">
      <meta property="article:published_time" content="2024-03-01T09:30:00+02:00">
      <meta name="author" content="Jane Doe">
      <link rel="canonical" href="https://www.daily-example.com/world/ceasefire-talks">
      <style>p { color: red }</style>
      <script>var tracking = "The spokesman said that this script is not article text.";</script>
      </head><body class="single-post comments-open has-sidebar">
      <header class="site-header"><a href="/">Daily Example</a>
        <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav></header>
      <div class="ad ad-leaderboard"><p>Buy the best mattress today with advertising copy that never appears.</p></div>
      <main>
       <article>
        <h1>Ceasefire talks stall</h1>
        <div class="byline">By Jane Doe</div>
        <div class="share-tools"><p><a href="#">Share on Facebook</a> <a href="#">Share on X</a></p></div>
        <p>The foreign minister said that the talks would resume next week.</p>
        <p>Officials in both capitals declined to comment on the&nbsp;schedule.</p>
        <p>Advertisement</p>
        <figure><img src="x.jpg"><figcaption>A photo caption that is not body text.</figcaption></figure>
        <div class="adUnit"><p>Sponsored: the holiday deals everyone is talking about this spring.</p></div>
        <p>According to the ministry, the delegations met for six hours on Thursday.</p>
        <aside class="related"><h3>Related</h3><p>Another story you might like about something else entirely.</p></aside>
        <p>Read more: <a href="/x">Earlier talks collapsed in January after a long dispute</a></p>
       </article>
       <section id="comments" class="comments-area"><h2>Comments</h2>
        <div class="comment"><p>Reader Bob: I think the minister said nothing new at all, honestly, again and again.</p></div>
        <div class="comment"><p>Reader Ann: This is the third time they have promised a resumption of the talks.</p></div>
        <div class="comment"><p>Reader Kim: The ministry has said that before, and the delegations never met at all.</p></div>
       </section>
      </main>
      <footer><p>© 2024 Daily Example. All rights reserved. Contact us for licensing and syndication.</p></footer>
      <script>document.write("<p>Injected by a script</p>")</script>
      </body></html>
      """;
  public static final String BOILERPLATE_BODY = """
      The foreign minister said that the talks would resume next week.
      Officials in both capitals declined to comment on the schedule.
      According to the ministry, the delegations met for six hours on Thursday.""";
  public static final List<String> BOILERPLATE_TEXTS = List.of("Daily Example", "World", "mattress", "Share on",
      "Advertisement", "caption", "Sponsored", "Another story", "Read more", "Earlier talks", "Reader", "Comments",
      "rights reserved", "script", "Jane Doe", "Ceasefire talks stall");

  /** No article element; the date, headline and authors only in JSON-LD; a sidebar and a newsletter box. */
  public static final String JSON_LD = """
      <html><head><title>Minister resigns - Example News</title>
      <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Example News", "datePublished": "2001-01-01"},
        {"@type": "NewsArticle", "headline": "Minister resigns over budget row",
         "datePublished": "2024-03-02T18:45:00Z",
         "author": [{"@type": "Person", "name": "John Roe"}, {"@type": "Person", "name": "Ann Poe"}]}]}</script>
      </head><body>
      <div id="page"><div class="content">
        <div class="story">
          <p>The finance minister resigned on Saturday, the prime minister's office said.</p>
          <p>She said that the budget dispute had made her position untenable.</p>
        </div>
        <div class="sidebar"><p>Most read: a list of other stories that are popular today on the site.</p></div>
      </div></div>
      <div class="newsletter-signup"><p>Sign up for our newsletter to get the news every morning in your inbox.</p></div>
      </body></html>
      """;
  public static final String JSON_LD_BODY = """
      The finance minister resigned on Saturday, the prime minister's office said.
      She said that the budget dispute had made her position untenable.""";

  /** The publication time only in a {@code <time datetime>} element. */
  public static final String TIME_ONLY = """
      <html><head><title>Storm hits coast</title></head><body>
      <article><h1>Storm hits coast</h1>
        <div class="dateline"><time datetime="2024-03-03T06:00:00-05:00">March 3, 6am</time></div>
        <p>Forecasters said that the storm would weaken by Monday.</p>
        <p>Thousands of homes lost power overnight, the utility said.</p>
      </article></body></html>
      """;

  /** No date anywhere. */
  public static final String NO_DATE = """
      <html><head><title>Library to reopen</title></head><body>
      <div class="main"><p>The council said that the library would reopen after the repairs.</p></div>
      </body></html>
      """;

  // ---- WARC ----

  /** Writes WARC records one at a time, remembering where each starts. */
  public static final class WarcBuilder {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final WarcWriter writer;
    private final List<long[]> spans = new java.util.ArrayList<>();

    public WarcBuilder(boolean gzip) throws IOException {
      writer = new WarcWriter(java.nio.channels.Channels.newChannel(bytes), gzip ? WarcCompression.GZIP : WarcCompression.NONE);
    }

    public WarcBuilder warcinfo() throws IOException {
      return write(new Warcinfo.Builder().date(Instant.parse("2024-03-04T00:00:00Z"))
          .fields(java.util.Map.of("software", List.of("claimwatch-test"))).build());
    }

    /** A GET request and its response. */
    public WarcBuilder exchange(String url, int status, String contentType, byte[] payload, Instant fetched)
        throws IOException {
      URI uri = URI.create(url);
      HttpRequest request = new HttpRequest.Builder("GET", uri.getRawPath()).addHeader("Host", uri.getHost())
          .addHeader("User-Agent", "claimwatch-test").build();
      write(new WarcRequest.Builder(uri).date(fetched).body(request).build());
      HttpResponse.Builder response = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found");
      if (contentType != null) {
        response.body(MediaType.parse(contentType), payload);
      } else {
        response.body(null, payload);
      }
      return write(new WarcResponse.Builder(uri).date(fetched).body(response.build()).build());
    }

    public WarcBuilder page(String url, String html, Instant fetched) throws IOException {
      return exchange(url, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), fetched);
    }

    /** Bytes written as they are: a corrupt record. */
    public WarcBuilder raw(byte[] raw) throws IOException {
      long start = bytes.size();
      bytes.write(raw);
      spans.add(new long[] {start, start + raw.length});
      return this;
    }

    private WarcBuilder write(org.netpreserve.jwarc.WarcRecord record) throws IOException {
      long start = bytes.size();
      writer.write(record);
      spans.add(new long[] {start, bytes.size()});
      return this;
    }

    /** Start and end offsets of each record written, in order. */
    public List<long[]> spans() {
      return spans;
    }

    public byte[] bytes() {
      return bytes.toByteArray();
    }
  }

  public static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  /** A WARC record whose header has a line that is no header: jwarc cannot parse it. */
  public static byte[] badWarcHeader() {
    return ("WARC/1.0\r\nWARC-Type: response\r\nthis line is not a header\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
