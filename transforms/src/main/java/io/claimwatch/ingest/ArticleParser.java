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
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;

/**
 * Validates one JSON article record and normalizes it: required {@code id}, {@code outlet} (or the
 * host of {@code url} without {@code www.}), {@code publishedAt} and a non-blank {@code body};
 * optional {@code url}, {@code title}, {@code author}, {@code language}, each a string or null.
 * Publication times outside {@code [earliest, latest)} are rejected as implausible.
 */
public final class ArticleParser implements Serializable {
  private static final int MAX_NESTING_DEPTH = 32;
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Instant earliest;
  private final Instant latest;
  private final int maxBodyChars;

  public ArticleParser(Instant earliest, Instant latest, int maxBodyChars) {
    this.earliest = earliest;
    this.latest = latest;
    this.maxBodyChars = maxBodyChars;
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
      outlet = outletFromUrl(url);
    }
    Instant publishedAt = PublicationTimes.parse(requiredString(root, "publishedAt"));
    if (publishedAt.isBefore(earliest) || !publishedAt.isBefore(latest)) {
      throw new InvalidRecordException("implausible publishedAt " + publishedAt
          + " (accepted: " + earliest + " to " + latest + ")");
    }
    String body = requiredString(root, "body");
    if (body.length() > maxBodyChars) {
      throw new InvalidRecordException("body has " + body.length() + " chars, over maxBodyChars=" + maxBodyChars);
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
        .build();
  }

  static String outletFromUrl(String url) throws InvalidRecordException {
    if (url == null || url.isBlank()) {
      throw new InvalidRecordException("missing outlet and no url to derive it from");
    }
    try {
      String host = new URI(url.trim()).getHost();
      if (host == null || host.isBlank()) {
        throw new InvalidRecordException("missing outlet and url has no host: " + url);
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (URISyntaxException e) {
      throw new InvalidRecordException("missing outlet and url is not a URI: " + url);
    }
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
