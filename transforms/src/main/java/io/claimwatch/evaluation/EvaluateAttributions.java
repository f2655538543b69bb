package io.claimwatch.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimwatch.evaluation.PolnearData.SpanAttribution;
import io.claimwatch.nlp.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scores pipeline output against PolNeAR gold.
 *
 * <pre>
 * EvaluateAttributions --gold=FILE --mentions=DIR_OR_FILE
 * </pre>
 *
 * Mentions are JSON Lines: {@code articleId}, {@code source} (null or {text, spans, kind, name}),
 * {@code cue} (null or {text, spans}), {@code content} ({text, spans}) and {@code attributed}; lines
 * with {@code attributed: false} (own-voice statements) are ignored. A directory is read
 * recursively (every regular, non-hidden file).
 */
public final class EvaluateAttributions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvaluateAttributions() {}

  static Map<String, String> options(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("expected --key=value, got " + a);
      }
      opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    return opts;
  }

  /** Attributed mentions by article id, with the texts they carry for the error report. */
  public static Map<String, List<SpanAttribution>> readMentions(Path path, Map<String, Map<Span, String>> texts) {
    Map<String, List<SpanAttribution>> out = new HashMap<>();
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().startsWith(".")
                && !p.getFileName().toString().startsWith("_"))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      files.add(path);
    }
    for (Path f : files) {
      PolnearData.forEachLine(f, node -> {
        if (!node.path("attributed").asBoolean(false)) {
          return;
        }
        String id = node.get("articleId").asText();
        SpanAttribution a = new SpanAttribution(PolnearData.frags(node.get("source")),
            PolnearData.frags(node.get("cue")), PolnearData.frags(node.get("content")));
        out.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
        if (texts != null) {
          rememberText(texts, id, node.get("cue"));
        }
      });
    }
    return out;
  }

  private static void rememberText(Map<String, Map<Span, String>> texts, String id, JsonNode role) {
    if (role == null || role.isNull()) {
      return;
    }
    List<Span> spans = PolnearData.frags(role);
    if (spans.size() == 1 && role.hasNonNull("text")) {
      texts.computeIfAbsent(id, k -> new HashMap<>()).put(spans.get(0), role.get("text").asText());
    }
  }

  /** Gold fragment texts by article and span (for the error report). */
  static Map<String, Map<Span, String>> goldTexts(Path gold) {
    Map<String, Map<Span, String>> texts = new HashMap<>();
    PolnearData.forEachLine(gold, node -> {
      Map<Span, String> m = texts.computeIfAbsent(node.get("articleId").asText(), k -> new HashMap<>());
      for (JsonNode a : node.path("attributions")) {
        for (String role : new String[] {"source", "cue", "content"}) {
          for (JsonNode f : a.path(role)) {
            m.put(new Span(f.get("start").asInt(), f.get("end").asInt()), f.path("text").asText());
          }
        }
      }
    });
    return texts;
  }

  public static void main(String[] args) {
    Map<String, String> opts = options(args);
    if (!opts.containsKey("gold") || !opts.containsKey("mentions")) {
      throw new IllegalArgumentException("usage: --gold=FILE --mentions=DIR_OR_FILE");
    }
    Path goldPath = Path.of(opts.get("gold"));
    Map<String, List<SpanAttribution>> gold = PolnearData.readGold(goldPath);
    Map<String, Map<Span, String>> texts = goldTexts(goldPath);
    Map<String, List<SpanAttribution>> predicted = readMentions(Path.of(opts.get("mentions")), texts);
    AttributionScorer scorer = new AttributionScorer((id, span) -> texts.getOrDefault(id, Map.of()).get(span));
    for (Map.Entry<String, List<SpanAttribution>> e : gold.entrySet()) {
      scorer.add(e.getKey(), e.getValue(), predicted.getOrDefault(e.getKey(), List.of()));
    }
    int unknown = 0;
    for (String id : predicted.keySet()) {
      if (!gold.containsKey(id)) {
        unknown++;
      }
    }
    System.out.println(scorer.report());
    if (unknown > 0) {
      System.out.println("note: " + unknown + " predicted articles are not in the gold file (ignored)");
    }
  }
}
