package io.claimwatch.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimwatch.nlp.Span;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readers for the PolNeAR files under {@code shared/data/polnear/*}: {@code articles.jsonl} (the
 * project's article input format) and {@code gold.jsonl} (one line per article, attributions as
 * source/cue/content fragment lists with UTF-16 offsets into {@code body}, end exclusive).
 */
public final class PolnearData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PolnearData() {}

  /** An article: its id and body (other fields are not needed here). */
  public record Article(String id, String body) {}

  /** One attribution as span lists; any list may be empty (gold has a few without cue/content). */
  public record SpanAttribution(List<Span> source, List<Span> cue, List<Span> content) {
    public SpanAttribution {
      source = List.copyOf(source);
      cue = List.copyOf(cue);
      content = List.copyOf(content);
    }

    public List<Span> role(Role role) {
      return switch (role) {
        case SOURCE -> source;
        case CUE -> cue;
        case CONTENT -> content;
      };
    }
  }

  /** The three roles of an attribution. */
  public enum Role {
    SOURCE, CUE, CONTENT;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Articles of a file in file order. */
  public static List<Article> readArticles(Path file) {
    List<Article> articles = new ArrayList<>();
    forEachLine(file, node -> articles.add(new Article(node.get("id").asText(), node.get("body").asText())));
    return articles;
  }

  /** Gold attributions by article id, in file order. */
  public static Map<String, List<SpanAttribution>> readGold(Path file) {
    Map<String, List<SpanAttribution>> gold = new LinkedHashMap<>();
    forEachLine(file, node -> {
      List<SpanAttribution> list = new ArrayList<>();
      for (JsonNode a : node.path("attributions")) {
        list.add(new SpanAttribution(frags(a.get("source")), frags(a.get("cue")), frags(a.get("content"))));
      }
      gold.put(node.get("articleId").asText(), list);
    });
    return gold;
  }

  /** Spans of a {@code [{start,end,...}]} array, or of an object holding {@code spans}; empty for null. */
  static List<Span> frags(JsonNode node) {
    List<Span> spans = new ArrayList<>();
    if (node == null || node.isNull()) {
      return spans;
    }
    JsonNode array = node.isArray() ? node : node.path("spans");
    for (JsonNode f : array) {
      spans.add(new Span(f.get("start").asInt(), f.get("end").asInt()));
    }
    return spans;
  }

  interface LineConsumer {
    void accept(JsonNode node) throws IOException;
  }

  static void forEachLine(Path file, LineConsumer consumer) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          consumer.accept(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
