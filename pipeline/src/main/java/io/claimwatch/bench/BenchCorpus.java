package io.claimwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a benchmark corpus of N articles by replicating PolNeAR train with fresh ids and dates
 * shifted by whole days per copy, so copies are distinct articles spread over more days.
 *
 * <pre>BenchCorpus --source=FILE --articles=N --out=FILE</pre>
 */
public final class BenchCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchCorpus() {}

  public static void main(String[] args) throws IOException {
    Path source = null;
    Path out = null;
    int articles = 0;
    for (String arg : args) {
      if (arg.startsWith("--source=")) {
        source = Path.of(arg.substring(9));
      } else if (arg.startsWith("--out=")) {
        out = Path.of(arg.substring(6));
      } else if (arg.startsWith("--articles=")) {
        articles = Integer.parseInt(arg.substring(11));
      } else {
        throw new IllegalArgumentException("usage: --source=FILE --articles=N --out=FILE");
      }
    }
    List<ObjectNode> originals = new ArrayList<>();
    for (String line : Files.readAllLines(source)) {
      if (!line.isBlank()) {
        originals.add((ObjectNode) JSON.readTree(line));
      }
    }
    try (BufferedWriter writer = Files.newBufferedWriter(out)) {
      for (int i = 0; i < articles; i++) {
        int copy = i / originals.size();
        ObjectNode article = originals.get(i % originals.size()).deepCopy();
        article.put("id", article.get("id").asText() + "#" + copy);
        Instant published = Instant.parse(article.get("publishedAt").asText()).plus(copy, ChronoUnit.DAYS);
        article.put("publishedAt", published.toString());
        writer.write(JSON.writeValueAsString(article));
        writer.newLine();
      }
    }
  }
}
