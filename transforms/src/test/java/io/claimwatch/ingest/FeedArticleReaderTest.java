package io.claimwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.schemas.Article;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedArticleReaderTest {
  static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
           xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
      <channel>
        <title>Example Wire</title><link>https://www.example-wire.com/</link><language>en-us</language>
        <atom:link href="https://www.example-wire.com/feed" rel="self" type="application/rss+xml"/>
        <item>
          <title>Port strike &amp; talks</title>
          <link>https://www.example-wire.com/2024/03/port-strike</link>
          <guid isPermaLink="false">wire-1234</guid>
          <pubDate>Mon, 04 Mar 2024 08:15:00 -0500</pubDate>
          <dc:creator><![CDATA[Maria Lopez]]></dc:creator>
          <description><![CDATA[<p>Short summary.</p>]]></description>
          <content:encoded><![CDATA[<p>The union said that the strike would continue.</p>
            <p>Port officials said <b>talks</b> were planned for Friday.</p><script>track()</script>
            <p>The post Port strike appeared first on Example Wire.</p>]]></content:encoded>
        </item>
        <item>
          <title>Escaped HTML description</title>
          <link>https://example-wire.com/2024/03/escaped</link>
          <pubDate>Tue, 5 Mar 2024 10:00:00 GMT</pubDate>
          <author>desk@example-wire.com (News Desk)</author>
          <description>&lt;p&gt;The mayor said that the bridge would reopen.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description>
        </item>
        <item>
          <title>No date</title>
          <link>https://example-wire.com/2024/03/undated</link>
          <description>Text without a date.</description>
        </item>
      </channel></rss>
      """;

  static final String ATOM = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
        <title>Example Atom</title>
        <entry>
          <title type="html">Senate vote</title>
          <link rel="alternate" href="https://atom.example.net/senate-vote"/>
          <link rel="enclosure" href="https://atom.example.net/senate.mp3"/>
          <id>tag:atom.example.net,2024:1</id>
          <published>2024-03-06T12:00:00Z</published>
          <updated>2024-03-07T12:00:00Z</updated>
          <author><name>Lee Chan</name></author>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Senators said that the bill would pass.</p><p>The vote is on Tuesday.</p></div></content>
        </entry>
        <entry>
          <title>Summary only</title>
          <link href="https://atom.example.net/summary-only"/>
          <updated>2024-03-08T09:00:00+01:00</updated>
          <summary>The agency said it had no comment.</summary>
        </entry>
      </feed>
      """;

  private final ArticleParser parser =
      new ArticleParser(Instant.parse("1990-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"), 100_000);

  /** Records and dead letters of a feed, as a sink sees them. */
  static final class Collected implements RecordSink {
    final List<String> records = new ArrayList<>();
    final List<String> deadLetters = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    final List<Long> numbers = new ArrayList<>();

    @Override
    public void record(long number, String text) {
      numbers.add(number);
      records.add(text);
    }

    @Override
    public void deadLetter(Long number, String reason, String input) {
      deadLetters.add(number + ": " + reason);
    }

    @Override
    public void skipped(String kind) {
      skipped.add(kind);
    }
  }

  @Test
  void eachRssItemIsAnArticle() throws Exception {
    Collected out = new Collected();
    FeedArticleReader.read(RSS.getBytes(StandardCharsets.UTF_8), out);
    assertEquals(3, out.records.size());
    assertEquals(List.of(1L, 2L, 3L), out.numbers);

    Article first = parser.parse(out.records.get(0));
    assertEquals("wire-1234", first.getId());
    assertEquals("https://www.example-wire.com/2024/03/port-strike", first.getUrl());
    assertEquals("example-wire.com", first.getOutlet());
    assertEquals("Port strike & talks", first.getTitle());
    assertEquals("Maria Lopez", first.getAuthor());
    assertEquals("en-us", first.getLanguage());
    assertEquals("2024-03-04T13:15:00Z", first.getPublishedAt());
    assertEquals("feed", first.getPublishedAtSource());
    assertEquals("The union said that the strike would continue.\nPort officials said talks were planned for Friday.",
        first.getBody());

    Article second = parser.parse(out.records.get(1));
    assertEquals("https://example-wire.com/2024/03/escaped", second.getId(), "no guid: the link is the id");
    assertEquals("News Desk", second.getAuthor());
    assertEquals("2024-03-05T10:00:00Z", second.getPublishedAt());
    assertEquals("The mayor said that the bridge would reopen.\nSecond paragraph.", second.getBody());

    InvalidRecordException undated = assertThrows(InvalidRecordException.class, () -> parser.parse(out.records.get(2)));
    assertEquals("missing publishedAt", undated.getMessage());
  }

  @Test
  void eachAtomEntryIsAnArticle() throws Exception {
    Collected out = new Collected();
    FeedArticleReader.read(ATOM.getBytes(StandardCharsets.UTF_8), out);
    assertEquals(2, out.records.size());

    Article first = parser.parse(out.records.get(0));
    assertEquals("tag:atom.example.net,2024:1", first.getId());
    assertEquals("https://atom.example.net/senate-vote", first.getUrl());
    assertEquals("2024-03-06T12:00:00Z", first.getPublishedAt(), "published before updated");
    assertEquals("Lee Chan", first.getAuthor());
    assertEquals("en", first.getLanguage());
    assertEquals("Senators said that the bill would pass.\nThe vote is on Tuesday.", first.getBody());

    Article second = parser.parse(out.records.get(1));
    assertEquals("https://atom.example.net/summary-only", second.getId());
    assertEquals("2024-03-08T08:00:00Z", second.getPublishedAt());
    assertEquals("The agency said it had no comment.", second.getBody());
    assertNull(second.getAuthor());
  }

  @Test
  void anXmlFileThatIsNoFeedIsRejected() {
    InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> FeedArticleReader.read(
        "<?xml version=\"1.0\"?><urlset><url><loc>https://x.com/</loc></url></urlset>".getBytes(StandardCharsets.UTF_8),
        new Collected()));
    assertTrue(e.getMessage().contains("root element <urlset>"), e.getMessage());
  }
}
