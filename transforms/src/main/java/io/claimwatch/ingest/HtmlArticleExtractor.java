package io.claimwatch.ingest;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Extracts a news article from an HTML page with jsoup: title, author, language, canonical url,
 * publication time (meta {@code article:published_time} and its kin, then JSON-LD
 * {@code NewsArticle}/{@code Article} {@code datePublished}, then a {@code <time datetime>}) and the
 * body: the main text paragraphs, one per line, with navigation, ads, scripts, styles, asides,
 * headers and footers outside the article, share/related/newsletter widgets and comments dropped.
 *
 * <p>The main text is the page's {@code [itemprop=articleBody]}, else its {@code <article>} or
 * {@code <main>} holding most of the paragraph text, else the element whose paragraphs carry the
 * most text (each paragraph counting fully for its parent and half for its grandparent).
 */
public final class HtmlArticleExtractor {
  /**
   * What was found on a page; {@code unparsedDate} is the first date candidate when none could be read,
   * {@code siteName} the page's {@code og:site_name} (or JSON-LD publisher).
   */
  public record Page(String url, String siteName, String title, String author, String language, Instant publishedAt,
      String publishedAtSource, String unparsedDate, String body) {}

  private static final ObjectMapper LENIENT_JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
          JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .build();

  /** Meta tags (property, name or itemprop) that carry the publication time, most specific first. */
  private static final List<String> META_DATES = List.of("article:published_time", "og:article:published_time",
      "datePublished", "article.published", "publish-date", "publishdate", "pubdate", "parsely-pub-date",
      "sailthru.date", "dcterms.issued", "dc.date.issued", "dcterms.created", "dc.date", "date");

  private static final String REMOVED_TAGS = "script, style, noscript, template, nav, aside, footer, iframe, "
      + "svg, canvas, button, input, select, textarea, figure, figcaption, picture, video, audio, object, embed, "
      + "dialog, menu, [hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=contentinfo], "
      + "[role=search], [role=dialog], [role=alert]";
  private static final Pattern HIDDEN_STYLE = Pattern.compile("(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden");

  /** Parts of class and id names (split at non-letters and camel case) that mark boilerplate. */
  private static final Set<String> BOILERPLATE_NAMES = Set.of("ad", "ads", "adv", "advert", "adverts",
      "advertisement", "advertising", "adslot", "adunit", "dfp", "gpt", "sponsor", "sponsored", "promo", "promoted",
      "share", "sharing", "sharebar", "social", "related", "recommended", "recommendations", "newsletter",
      "subscribe", "subscription", "cookie", "cookies", "consent", "gdpr", "banner", "sidebar", "breadcrumb",
      "breadcrumbs", "menu", "nav", "navbar", "navigation", "footer", "popup", "modal", "outbrain", "taboola",
      "paywall", "signup", "popular", "trending", "tags", "toolbar", "widget", "comment", "comments", "disqus");
  private static final Set<String> COMMENT_NAMES = Set.of("comment", "comments", "disqus", "respond", "replies");
  /** Whole lines that are page furniture, not article text. */
  private static final Pattern BOILERPLATE_LINE = Pattern.compile("(?i)(advertisement|advertising|sponsored( content)?"
      + "|read more|continue reading\\W*|share this( article| story)?:?|skip to (main )?content"
      + "|the post .{1,300} appeared first on .{1,200})");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\uFEFF\\u00AD]");

  private HtmlArticleExtractor() {}

  /**
   * Parses a page's bytes: {@code charset} from the HTTP Content-Type if known and valid, else the
   * page's BOM or {@code <meta charset>}, else UTF-8.
   */
  public static Document parse(byte[] html, String charset, String baseUri) {
    String known = null;
    if (charset != null) {
      try {
        known = Charset.isSupported(charset.trim()) ? charset.trim() : null;
      } catch (IllegalArgumentException e) {
        known = null;
      }
    }
    try {
      return Jsoup.parse(new ByteArrayInputStream(html), known, baseUri == null ? "" : baseUri);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Page extract(Document doc) {
    JsonNode ld = jsonLdArticle(doc);
    String title = firstNonBlank(text(ld, "headline"), meta(doc, "og:title"), meta(doc, "twitter:title"),
        firstText(doc, "h1"), doc.title());
    String author = firstNonBlank(ldAuthor(ld), notUrl(meta(doc, "author")), notUrl(meta(doc, "article:author")),
        notUrl(meta(doc, "parsely-author")), firstText(doc, "[itemprop=author] [itemprop=name]"),
        firstText(doc, "[rel=author]"), firstText(doc, "[itemprop=author]"), byline(doc));
    Element html = doc.selectFirst("html[lang]");
    String language = html == null ? null : blankToNull(html.attr("lang"));
    String url = firstNonBlank(absoluteHttp(doc.selectFirst("link[rel=canonical]"), "href"),
        httpOrNull(meta(doc, "og:url")));

    String siteName = firstNonBlank(meta(doc, "og:site_name"), ld == null ? null : text(ld.get("publisher"), "name"),
        meta(doc, "application-name"));
    List<String[]> dates = new ArrayList<>();
    for (String name : META_DATES) {
      addCandidate(dates, "meta", meta(doc, name));
    }
    addCandidate(dates, "json-ld", text(ld, "datePublished"));

    clean(doc);
    Element container = mainContainer(doc);
    for (Element time : timeElements(doc, container)) {
      addCandidate(dates, "time-element", time.hasAttr("datetime") ? time.attr("datetime") : time.text());
    }
    Instant publishedAt = null;
    String source = null;
    for (String[] candidate : dates) {
      publishedAt = PublicationTimes.parseLenient(candidate[1]);
      if (publishedAt != null) {
        source = candidate[0];
        break;
      }
    }
    String unparsed = publishedAt == null && !dates.isEmpty() ? dates.get(0)[1] : null;

    List<String> paragraphs = paragraphs(container);
    if (paragraphs.isEmpty()) {
      paragraphs = blockLines(container);
    }
    if (paragraphs.isEmpty() && text(ld, "articleBody") != null) {
      paragraphs = textLines(text(ld, "articleBody"));
    }
    return new Page(url, normalize(siteName), normalize(title), normalize(author), language, publishedAt, source, unparsed,
        String.join("\n", paragraphs));
  }

  /**
   * The article record of a page: {@code id} and {@code url} as given, publication time from the
   * page or else {@code fetchTime} (source {@code fetch-time}); with neither, the page's unreadable
   * date or nothing, which the parser then dead-letters. Without a url the outlet is the page's
   * site name, if it has one.
   */
  public static String toRecord(Page page, String id, String url, Instant fetchTime) {
    String publishedAt;
    String source;
    if (page.publishedAt() != null) {
      publishedAt = page.publishedAt().toString();
      source = page.publishedAtSource();
    } else if (fetchTime != null) {
      publishedAt = fetchTime.toString();
      source = "fetch-time";
    } else {
      publishedAt = page.unparsedDate();
      source = null;
    }
    return ArticleJson.builder()
        .put("id", id)
        .put("url", url)
        .put("outlet", url == null ? page.siteName() : null)
        .put("title", page.title())
        .put("author", page.author())
        .put("language", page.language())
        .put("publishedAt", publishedAt)
        .put("publishedAtSource", source)
        .put("body", page.body())
        .toJson();
  }

  /** Text of an HTML fragment (a feed item's description), one block per line. */
  public static String fragmentText(String html) {
    Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
    doc.select(REMOVED_TAGS).remove();
    doc.select("img").remove();
    return String.join("\n", blockLines(doc.body()));
  }

  // ---- cleaning and the main text ----

  private static void clean(Document doc) {
    doc.select(REMOVED_TAGS).remove();
    for (Element header : doc.select("header")) {
      if (header.closest("article, main, [itemprop=articleBody]") == null) {
        header.remove();
      }
    }
    for (Element styled : doc.select("[style]")) {
      if (HIDDEN_STYLE.matcher(styled.attr("style")).find()) {
        styled.remove();
      }
    }
    Element body = doc.body();
    if (body == null) {
      return;
    }
    int total = paragraphChars(body);
    for (Element e : new ArrayList<>(body.getAllElements())) {
      if (e == body || e.root() != doc) {
        continue;
      }
      Set<String> names = nameParts(e);
      // A form is a search box or a sign-up, unless it wraps the page (ASP.NET does): protection decides.
      boolean boilerplate = e.nameIs("form") || names.stream().anyMatch(BOILERPLATE_NAMES::contains);
      if (boilerplate && !isProtected(e, names, total)) {
        e.remove();
      }
    }
  }

  /** The article itself and what holds most of the text are never removed for a class name, unless it names comments. */
  private static boolean isProtected(Element e, Set<String> names, int total) {
    if (e.nameIs("html") || e.nameIs("body") || e.nameIs("main") || e.nameIs("article")
        || e.attr("itemprop").equalsIgnoreCase("articleBody") || e.attr("role").equalsIgnoreCase("main")
        || !e.select("article, main, [itemprop=articleBody]").isEmpty()) {
      return true;
    }
    boolean comments = names.stream().anyMatch(COMMENT_NAMES::contains);
    return !comments && total > 0 && paragraphChars(e) * 2 > total;
  }

  private static Set<String> nameParts(Element e) {
    String names = e.className() + " " + e.id();
    if (names.isBlank()) {
      return Set.of();
    }
    Set<String> parts = new java.util.HashSet<>();
    for (String part : names.replaceAll("([a-z])([A-Z])", "$1 $2").split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        parts.add(part.toLowerCase(Locale.ROOT));
      }
    }
    return parts;
  }

  private static Element mainContainer(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return doc;
    }
    int total = paragraphChars(body);
    Element best = largest(doc.select("[itemprop=articleBody]"), 0);
    if (best == null) {
      best = largest(doc.select("article"), total * 3 / 10);
    }
    if (best == null) {
      best = largest(doc.select("main, [role=main]"), total * 3 / 10);
    }
    if (best == null) {
      best = densest(body);
    }
    return best == null ? body : best;
  }

  /** The element with the most paragraph text, if it has more than {@code atLeast} characters. */
  private static Element largest(Elements candidates, int atLeast) {
    Element best = null;
    int bestChars = atLeast;
    for (Element e : candidates) {
      int chars = paragraphChars(e);
      if (chars > bestChars) {
        best = e;
        bestChars = chars;
      }
    }
    return best;
  }

  private static Element densest(Element body) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element p : body.select("p")) {
      String text = paragraphText(p);
      if (text == null || text.length() < 25) {
        continue;
      }
      Element parent = p.parent();
      if (parent != null) {
        scores.merge(parent, (double) text.length(), Double::sum);
        if (parent.parent() != null) {
          scores.merge(parent.parent(), text.length() / 2.0, Double::sum);
        }
      }
    }
    return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }

  private static int paragraphChars(Element e) {
    int chars = 0;
    for (Element p : e.select("p")) {
      String text = paragraphText(p);
      chars += text == null ? 0 : text.length();
    }
    return chars;
  }

  /** The main text's paragraphs ({@code <p>}, and quotes without paragraphs inside), in page order. */
  private static List<String> paragraphs(Element container) {
    List<String> lines = new ArrayList<>();
    for (Element p : container.select("p, blockquote")) {
      if (p.nameIs("blockquote") && !p.select("p").isEmpty()) {
        continue;
      }
      String text = paragraphText(p);
      if (text != null) {
        lines.add(text);
      }
    }
    return lines;
  }

  /** A paragraph's text, or null for an empty, link-list or furniture paragraph. */
  private static String paragraphText(Element p) {
    String text = normalize(p.text());
    if (text == null || BOILERPLATE_LINE.matcher(text).matches()) {
      return null;
    }
    int linked = 0;
    for (Element a : p.select("a")) {
      linked += a.text().length();
    }
    return linked * 2 > text.length() ? null : text;
  }

  /** Text split at block elements and line breaks: one line per block, furniture lines dropped. */
  static List<String> blockLines(Element root) {
    StringBuilder text = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          text.append(t.getWholeText());
        } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
          text.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && e.isBlock()) {
          text.append('\n');
        }
      }
    }, root);
    return textLines(text.toString());
  }

  private static List<String> textLines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String normalized = normalize(line);
      if (normalized != null && !BOILERPLATE_LINE.matcher(normalized).matches()) {
        lines.add(normalized);
      }
    }
    return lines;
  }

  private static List<Element> timeElements(Document doc, Element container) {
    List<Element> times = new ArrayList<>();
    times.addAll(doc.select("time[itemprop=datePublished], time[pubdate]"));
    times.addAll(container.select("time[datetime]"));
    times.addAll(doc.select("time[datetime]"));
    return times;
  }

  // ---- metadata ----

  /** The content of the first {@code <meta>} whose property, name or itemprop is {@code key}. */
  private static String meta(Document doc, String key) {
    for (Element meta : doc.getElementsByTag("meta")) {
      if (meta.attr("property").equalsIgnoreCase(key) || meta.attr("name").equalsIgnoreCase(key)
          || meta.attr("itemprop").equalsIgnoreCase(key)) {
        String content = blankToNull(meta.attr("content"));
        if (content != null) {
          return content;
        }
      }
    }
    return null;
  }

  private static JsonNode jsonLdArticle(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      String data = script.data().trim()
          .replaceFirst("^(<!--|//\\s*<!\\[CDATA\\[)", "")
          .replaceFirst("(-->|//\\s*\\]\\]>)$", "");
      try {
        JsonNode found = findArticle(LENIENT_JSON.readTree(data), 0);
        if (found != null) {
          return found;
        }
      } catch (IOException | RuntimeException e) {
        // not JSON: pages carry broken JSON-LD; the other sources still count
      }
    }
    return null;
  }

  private static JsonNode findArticle(JsonNode node, int depth) {
    if (node == null || depth > 6) {
      return null;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        JsonNode found = findArticle(item, depth + 1);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    if (isArticleType(node.get("@type"))) {
      return node;
    }
    JsonNode found = findArticle(node.get("@graph"), depth + 1);
    if (found != null) {
      return found;
    }
    for (JsonNode value : node) {
      if (value.isContainerNode() && value != node.get("@graph")) {
        found = findArticle(value, depth + 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static boolean isArticleType(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleType(t)) {
          return true;
        }
      }
      return false;
    }
    String name = type.asText().replaceFirst("^.*[/:#]", "");
    return name.endsWith("Article") || name.equals("BlogPosting") || name.equals("LiveBlogPosting");
  }

  private static String text(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(field);
    if (value != null && value.isArray() && value.size() > 0) {
      value = value.get(0);
    }
    return value != null && value.isValueNode() ? blankToNull(value.asText()) : null;
  }

  private static String ldAuthor(JsonNode ld) {
    if (ld == null || ld.get("author") == null) {
      return null;
    }
    JsonNode author = ld.get("author");
    List<String> names = new ArrayList<>();
    for (JsonNode a : author.isArray() ? author : List.of(author)) {
      String name = a.isTextual() ? a.asText() : text(a, "name");
      if (name != null && !name.isBlank()) {
        names.add(name.trim());
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static String byline(Document doc) {
    for (Element e : doc.select("[class*=byline], [class*=author]")) {
      String text = normalize(e.text());
      if (text != null && text.length() <= 100) {
        return text.replaceFirst("(?i)^by\\s+", "");
      }
    }
    return null;
  }

  private static String firstText(Document doc, String selector) {
    Element e = doc.selectFirst(selector);
    return e == null ? null : blankToNull(e.text());
  }

  private static String absoluteHttp(Element e, String attribute) {
    return e == null ? null : httpOrNull(e.absUrl(attribute).isEmpty() ? e.attr(attribute) : e.absUrl(attribute));
  }

  private static String httpOrNull(String url) {
    return url != null && url.matches("(?i)https?://[^\\s]+") ? url : null;
  }

  private static String notUrl(String value) {
    return value == null || value.matches("(?i)https?://.*") ? null : value;
  }

  private static void addCandidate(List<String[]> candidates, String source, String value) {
    String v = blankToNull(value);
    if (v != null) {
      candidates.add(new String[] {source, v});
    }
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

  /** Whitespace (non-breaking spaces too) collapsed to one space, invisible characters dropped; null if empty. */
  static String normalize(String text) {
    if (text == null) {
      return null;
    }
    String t = SPACES.matcher(INVISIBLE.matcher(text).replaceAll("")).replaceAll(" ").trim();
    return t.isEmpty() ? null : t;
  }
}
