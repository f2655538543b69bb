package io.claimwatch.nlp.watchlist;

import io.claimwatch.nlp.Token;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Known narratives analysts track, each a label with a {@link TermPattern}. Read from YAML or JSON
 * (JSON is YAML): {@code claims: [{label: "...", pattern: "..."}]}.
 */
public final class Watchlist implements Serializable {
  public static final Watchlist EMPTY = new Watchlist(new LinkedHashMap<>());

  private final LinkedHashMap<String, TermPattern> patterns;

  private Watchlist(LinkedHashMap<String, TermPattern> patterns) {
    this.patterns = patterns;
  }

  public static Watchlist load(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  public static Watchlist parse(String yamlOrJson) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlOrJson);
    if (!(root instanceof Map<?, ?> map) || !(map.get("claims") instanceof List<?> claims)) {
      throw new IllegalArgumentException("a watchlist is {claims: [{label: ..., pattern: ...}, ...]}");
    }
    LinkedHashMap<String, TermPattern> patterns = new LinkedHashMap<>();
    for (Object claim : claims) {
      if (!(claim instanceof Map<?, ?> entry) || !(entry.get("label") instanceof String label)
          || !(entry.get("pattern") instanceof String pattern)) {
        throw new IllegalArgumentException("each watchlist claim needs a string label and pattern: " + claim);
      }
      if (patterns.put(label, TermPattern.parse(pattern)) != null) {
        throw new IllegalArgumentException("watchlist label twice: " + label);
      }
    }
    return new Watchlist(patterns);
  }

  /** Labels whose pattern the tokens match, in watchlist order. */
  public List<String> labels(List<Token> tokens) {
    List<String> labels = new ArrayList<>();
    patterns.forEach((label, pattern) -> {
      if (pattern.matches(tokens)) {
        labels.add(label);
      }
    });
    return labels;
  }

  public boolean isEmpty() {
    return patterns.isEmpty();
  }
}
