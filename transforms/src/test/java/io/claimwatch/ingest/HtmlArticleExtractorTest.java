package io.claimwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.schemas.Article;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlArticleExtractorTest {
  private final ArticleParser parser =
      new ArticleParser(Instant.parse("1990-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"), 100_000);

  private static HtmlArticleExtractor.Page extract(String html) {
    return HtmlArticleExtractor.extract(HtmlArticleExtractor.parse(html.getBytes(StandardCharsets.UTF_8), null, ""));
  }

  @Test
  void keepsTheArticleParagraphsAndDropsNavigationAdsSharingAsidesCommentsScriptsAndFooter() {
    HtmlArticleExtractor.Page page = extract(NewsPages.BOILERPLATE);

    assertEquals(NewsPages.BOILERPLATE_BODY, page.body());
    for (String boilerplate : NewsPages.BOILERPLATE_TEXTS) {
      assertFalse(page.body().contains(boilerplate), "body has boilerplate \"" + boilerplate + "\": " + page.body());
    }
    assertEquals("Ceasefire talks stall", page.title());
    assertEquals("Jane Doe", page.author());
    assertEquals("en", page.language());
    assertEquals("https://www.daily-example.com/world/ceasefire-talks", page.url());
    assertEquals(Instant.parse("2024-03-01T07:30:00Z"), page.publishedAt());
    assertEquals("meta", page.publishedAtSource());
  }

  @Test
  void takesDateHeadlineAndAuthorsFromJsonLdAndFindsTheTextWithoutAnArticleElement() {
    HtmlArticleExtractor.Page page = extract(NewsPages.JSON_LD);

    assertEquals(NewsPages.JSON_LD_BODY, page.body());
    assertEquals("Minister resigns over budget row", page.title());
    assertEquals("John Roe, Ann Poe", page.author());
    assertEquals(Instant.parse("2024-03-02T18:45:00Z"), page.publishedAt());
    assertEquals("json-ld", page.publishedAtSource());
    assertNull(page.url());
  }

  @Test
  void fallsBackToATimeElement() {
    HtmlArticleExtractor.Page page = extract(NewsPages.TIME_ONLY);

    assertEquals(Instant.parse("2024-03-03T11:00:00Z"), page.publishedAt());
    assertEquals("time-element", page.publishedAtSource());
    assertEquals("Forecasters said that the storm would weaken by Monday.\n"
        + "Thousands of homes lost power overnight, the utility said.", page.body());
    assertEquals("Storm hits coast", page.title());
  }

  @Test
  void aPageWithoutADateTakesTheFetchTimeOrIsRejected() throws Exception {
    HtmlArticleExtractor.Page page = extract(NewsPages.NO_DATE);
    assertNull(page.publishedAt());

    Article fetched = parser.parse(HtmlArticleExtractor.toRecord(page, "https://news.example.org/library",
        "https://news.example.org/library", Instant.parse("2024-03-04T12:00:00Z")));
    assertEquals("2024-03-04T12:00:00Z", fetched.getPublishedAt());
    assertEquals("fetch-time", fetched.getPublishedAtSource());
    assertEquals("news.example.org", fetched.getOutlet());
    assertEquals("The council said that the library would reopen after the repairs.", fetched.getBody());

    InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> parser.parse(
        HtmlArticleExtractor.toRecord(page, "/data/library.html", "https://news.example.org/library", null)));
    assertEquals("missing publishedAt", e.getMessage());
    e = assertThrows(InvalidRecordException.class,
        () -> parser.parse(HtmlArticleExtractor.toRecord(page, "/data/library.html", null, null)));
    assertEquals("missing outlet and no url to derive it from", e.getMessage());
  }

  @Test
  void withoutAUrlTheSiteNameIsTheOutlet() throws Exception {
    String html = NewsPages.TIME_ONLY.replace("<head>", "<head><meta property=\"og:site_name\" content=\"Coast Herald\">");
    Article a = parser.parse(HtmlArticleExtractor.toRecord(extract(html), "/data/storm.html", null, null));
    assertEquals("coast herald", a.getOutlet());
    assertEquals("/data/storm.html", a.getId());
    assertNull(a.getUrl());
  }

  @Test
  void recordsWhichSourceGaveThePublicationTime() throws Exception {
    Article a = parser.parse(HtmlArticleExtractor.toRecord(extract(NewsPages.BOILERPLATE), "id", "https://m.daily-example.com/x",
        Instant.parse("2024-03-04T12:00:00Z")));
    assertEquals("2024-03-01T07:30:00Z", a.getPublishedAt());
    assertEquals("meta", a.getPublishedAtSource());
    assertEquals("daily-example.com", a.getOutlet());
    assertEquals(NewsPages.BOILERPLATE_BODY, a.getBody());
  }

  @Test
  void feedDescriptionsBecomeOneLinePerBlock() {
    assertEquals("First paragraph & more.\nSecond line\nThird",
        HtmlArticleExtractor.fragmentText("<p>First  paragraph &amp; more.</p><p>Second line<br>Third</p>"
            + "<script>x()</script><p>The post Foo appeared first on Example.</p>"));
    assertTrue(HtmlArticleExtractor.fragmentText("plain text only").equals("plain text only"));
  }
}
