package io.claimwatch.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each {@code item}/{@code entry} becomes one article
 * record: {@code title}; {@code link} as {@code url}; {@code pubDate}/{@code dc:date}/{@code published}/
 * {@code updated} as {@code publishedAt} (source {@code feed}); {@code content:encoded}/
 * {@code description}/{@code content}/{@code summary} with HTML stripped to text (one block per line)
 * as {@code body}; {@code dc:creator}/{@code author} as {@code author}; id from {@code guid}/{@code id}
 * ({@code rdf:about}), else the link. Parsed with jsoup's lenient XML parser (no external entities).
 */
public final class FeedArticleReader {
  private static final Pattern EMAIL_WITH_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");

  private FeedArticleReader() {}

  /** True for a document whose root element is {@code rss}, {@code rdf:RDF} or {@code feed}. */
  public static boolean isFeed(Document doc) {
    Element root = root(doc);
    return root != null && kind(root) != null;
  }

  /** Reads every item of the feed in {@code bytes} into {@code sink}; a file that is no feed is an exception. */
  public static void read(byte[] bytes, RecordSink sink) throws InvalidRecordException {
    Document doc = parse(bytes);
    Element root = root(doc);
    String kind = root == null ? null : kind(root);
    if (kind == null) {
      throw new InvalidRecordException("not an RSS or Atom feed: "
          + (root == null ? "no root element" : "root element <" + root.tagName() + ">"));
    }
    boolean atom = kind.equals("atom");
    List<Element> items = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      if (e.tagName().equalsIgnoreCase(atom ? "entry" : "item")) {
        items.add(e);
      }
    }
    String language = atom ? blankToNull(root.attr("xml:lang")) : childText(first(root, "channel"), "language");
    long number = 0;
    for (Element item : items) {
      number++;
      try {
        sink.record(number, atom ? atomEntry(item, language) : rssItem(item, language));
      } catch (RuntimeException e) {
        sink.deadLetter(number, "unreadable feed item: " + e, item.outerHtml());
      }
    }
  }

  static Document parse(byte[] bytes) {
    try {
      return Jsoup.parse(new ByteArrayInputStream(bytes), null, "", Parser.xmlParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String rssItem(Element item, String language) {
    String link = childText(item, "link");
    if (link == null) {
      Element linkElement = first(item, "link");
      link = linkElement == null ? null : blankToNull(linkElement.attr("href"));
    }
    String id = firstNonBlank(childText(item, "guid"), blankToNull(item.attr("rdf:about")), link);
    String author = firstNonBlank(childText(item, "dc:creator"), childText(item, "author"));
    Matcher email = author == null ? null : EMAIL_WITH_NAME.matcher(author);
    if (email != null && email.matches()) {
      author = email.group(1).trim();
    }
    Element content = first(item, "content:encoded", "description");
    String date = firstNonBlank(childText(item, "pubDate"), childText(item, "dc:date"), childText(item, "dcterms:issued"));
    return record(id, link, childText(item, "title"), author, language, date, content);
  }

  private static String atomEntry(Element entry, String language) {
    String link = null;
    for (Element e : entry.children()) {
      if (e.tagName().equalsIgnoreCase("link")) {
        String rel = e.attr("rel");
        if (rel.isEmpty() || rel.equalsIgnoreCase("alternate")) {
          link = blankToNull(e.attr("href"));
          break;
        }
      }
    }
    String id = firstNonBlank(childText(entry, "id"), link);
    Element authorElement = first(entry, "author");
    String author = authorElement == null ? null
        : firstNonBlank(childText(authorElement, "name"), blankToNull(authorElement.text()));
    Element content = first(entry, "content", "summary");
    String date = firstNonBlank(childText(entry, "published"), childText(entry, "updated"));
    String entryLanguage = firstNonBlank(blankToNull(entry.attr("xml:lang")), language);
    return record(id, link, childText(entry, "title"), author, entryLanguage, date, content);
  }

  private static String record(String id, String link, String title, String author, String language, String date,
      Element content) {
    java.time.Instant publishedAt = PublicationTimes.parseLenient(date);
    String body = null;
    if (content != null) {
      // Escaped or CDATA HTML is text here; unescaped (or Atom xhtml) markup is child elements.
      body = HtmlArticleExtractor.fragmentText(content.children().isEmpty() ? content.wholeText() : content.html());
    }
    return ArticleJson.builder()
        .put("id", id)
        .put("url", link)
        .put("title", title == null ? null : HtmlArticleExtractor.normalize(Jsoup.parse(title).text()))
        .put("author", author)
        .put("language", language)
        // An unreadable date goes in as it is, for the parser to reject with its reason.
        .put("publishedAt", publishedAt != null ? publishedAt.toString() : date)
        .put("publishedAtSource", publishedAt != null ? "feed" : null)
        .put("body", body == null ? null : body)
        .toJson();
  }

  private static Element root(Document doc) {
    return doc.children().isEmpty() ? null : doc.child(0);
  }

  private static String kind(Element root) {
    String name = root.tagName().toLowerCase(Locale.ROOT);
    if (name.equals("rss") || name.equals("rdf:rdf")) {
      return "rss";
    }
    return name.equals("feed") ? "atom" : null;
  }

  /** The first child named (case-insensitively) one of {@code names}, trying them in order. */
  private static Element first(Element parent, String... names) {
    if (parent == null) {
      return null;
    }
    for (String name : names) {
      for (Element child : parent.children()) {
        if (child.tagName().equalsIgnoreCase(name)) {
          return child;
        }
      }
    }
    return null;
  }

  private static String childText(Element parent, String name) {
    Element child = first(parent, name);
    return child == null ? null : blankToNull(child.text());
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
