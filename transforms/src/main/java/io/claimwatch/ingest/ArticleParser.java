package io.claimwatch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimwatch.schemas.Article;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Validates one JSON article record and normalizes it: required {@code id}, {@code outlet} (or the
 * outlet of {@code url}'s host, see {@link Outlets}), {@code publishedAt} and a non-blank
 * {@code body}; optional {@code url}, {@code title}, {@code author}, {@code language} and
 * {@code publishedAtSource} (one of {@link #PUBLISHED_AT_SOURCES}; {@code input} when absent), each a
 * string or null. Publication times outside {@code [earliest, latest)} are rejected as implausible.
 * A body holding HTML markup (a tag of a common element, or a comment) is taken as HTML and
 * replaced by its text, one block per line, as a feed item's is: scripts, styles and other
 * furniture go, so no markup or script reaches sentences and mentions, and the body that mentions'
 * offsets point into is that text.
 */
public final class ArticleParser implements Serializable {
  private static final int MAX_NESTING_DEPTH = 32;
  /** A comment, or an opening or closing tag of a common element (so "5 < 6 and 7 > 3" is text). */
  private static final Pattern MARKUP = Pattern.compile("(?i)<!--|</?(?:p|br|div|span|a|b|i|u|em|strong|script|style"
      + "|noscript|iframe|ul|ol|li|h[1-6]|img|table|tr|td|th|blockquote|figure|figcaption|section|article|header"
      + "|footer|nav|aside|hr|font|sup|sub|pre|code|html|head|body|meta|link)(?:\\s[^<>]*)?/?>");
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Where {@code publishedAt} came from: the input record, or the readers of pages, feeds and WARC files. */
  public static final Set<String> PUBLISHED_AT_SOURCES =
      Set.of("input", "meta", "json-ld", "time-element", "fetch-time", "feed");
  public static final String FROM_INPUT = "input";

  private final Instant earliest;
  private final Instant latest;
  private final int maxBodyChars;
  private final Outlets outlets;

  public ArticleParser(Instant earliest, Instant latest, int maxBodyChars) {
    this(earliest, latest, maxBodyChars, Outlets.NONE);
  }

  public ArticleParser(Instant earliest, Instant latest, int maxBodyChars, Outlets outlets) {
    this.earliest = earliest;
    this.latest = latest;
    this.maxBodyChars = maxBodyChars;
    this.outlets = outlets;
  }

  public Article parse(String json) throws InvalidRecordException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidRecordException("malformed JSON: " + firstLine(e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode()) {
      throw new InvalidRecordException("empty record");
    }
    if (!root.isObject()) {
      throw new InvalidRecordException("record is a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT)
          + ", not an object");
    }
    String id = requiredString(root, "id");
    String url = optionalString(root, "url");
    String outlet = optionalString(root, "outlet");
    if (outlet == null || outlet.isBlank()) {
      outlet = outlets.outletForUrl(url);
    }
    Instant publishedAt = PublicationTimes.parse(requiredString(root, "publishedAt"));
    String publishedAtSource = optionalString(root, "publishedAtSource");
    if (publishedAtSource == null) {
      publishedAtSource = FROM_INPUT;
    } else if (!PUBLISHED_AT_SOURCES.contains(publishedAtSource)) {
      throw new InvalidRecordException("publishedAtSource must be one of " + new TreeSet<>(PUBLISHED_AT_SOURCES)
          + ", not " + publishedAtSource);
    }
    if (publishedAt.isBefore(earliest) || !publishedAt.isBefore(latest)) {
      throw new InvalidRecordException("implausible publishedAt " + publishedAt
          + " (accepted: " + earliest + " to " + latest + ")");
    }
    String body = requiredString(root, "body");
    if (body.length() > maxBodyChars) {
      throw new InvalidRecordException("body has " + body.length() + " chars, over maxBodyChars=" + maxBodyChars);
    }
    if (MARKUP.matcher(body).find()) {
      body = HtmlArticleExtractor.fragmentText(body);
      if (body.isEmpty()) {
        throw new InvalidRecordException("body has no text outside HTML markup");
      }
    }
    return Article.newBuilder()
        .setId(id)
        .setOutlet(outlet.trim().toLowerCase(Locale.ROOT))
        .setUrl(url)
        .setPublishedAt(publishedAt.toString())
        .setTitle(optionalString(root, "title"))
        .setAuthor(optionalString(root, "author"))
        .setLanguage(optionalString(root, "language"))
        .setBody(body)
        .setPublishedAtSource(publishedAtSource)
        .build();
  }

  private static String requiredString(JsonNode root, String field) throws InvalidRecordException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw new InvalidRecordException("missing " + field);
    }
    if (!node.isTextual()) {
      throw new InvalidRecordException(field + " must be a string, not " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    if (node.textValue().isBlank()) {
      throw new InvalidRecordException(field + " is blank");
    }
    return node.textValue();
  }

  private static String optionalString(JsonNode root, String field) throws InvalidRecordException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidRecordException(field + " must be a string or null, not " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return node.textValue();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
