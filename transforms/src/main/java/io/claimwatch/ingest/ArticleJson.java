package io.claimwatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The JSON article record the page, feed and WARC readers produce: the same text a JSON Lines input
 * line holds, so {@link ArticleParser} validates every input the same way. Null fields are left out
 * (a missing required field is then the parser's dead letter, e.g. "missing publishedAt"); no
 * {@code outlet}, so the parser derives it from {@code url} through {@link Outlets}.
 */
public final class ArticleJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode node = JSON.createObjectNode();

  private ArticleJson() {}

  public static ArticleJson builder() {
    return new ArticleJson();
  }

  public ArticleJson put(String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
    return this;
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
