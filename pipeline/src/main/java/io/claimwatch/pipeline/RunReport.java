package io.claimwatch.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What a run prints when it ends: its summary and each day's top claims. */
final class RunReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Comparator<JsonNode> TOP = Comparator
      .comparingLong((JsonNode d) -> -d.get("outlets").asLong())
      .thenComparingLong(d -> -d.get("mentions").asLong())
      .thenComparing(d -> d.get("claimId").asText());

  private RunReport() {}

  static void print(String output, int topClaims, PrintStream out) throws IOException {
    Path dir = Path.of(output);
    out.println("Claimwatch run summary (" + dir.resolve("summary.json") + "):");
    out.println(Files.readString(dir.resolve("summary.json")).strip());
    Map<String, List<JsonNode>> byDay = new TreeMap<>();
    for (JsonNode daily : readJsonLines(dir.resolve("daily"))) {
      byDay.computeIfAbsent(daily.get("day").asText(), d -> new ArrayList<>()).add(daily);
    }
    for (Map.Entry<String, List<JsonNode>> day : byDay.entrySet()) {
      List<JsonNode> claims = day.getValue();
      claims.sort(TOP);
      out.printf("%nTop claims on %s (%d claims):%n", day.getKey(), claims.size());
      for (JsonNode claim : claims.subList(0, Math.min(topClaims, claims.size()))) {
        JsonNode example = claim.get("examples").path(0);
        out.printf("  %2d outlets %3d mentions  %s  \"%s\"%n", claim.get("outlets").asLong(),
            claim.get("mentions").asLong(), claim.get("claimId").asText(), abbreviate(example.path("text").asText()));
      }
    }
  }

  static List<JsonNode> readJsonLines(Path directory) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return records;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (!line.isBlank()) {
            records.add(JSON.readTree(line));
          }
        }
      }
    }
    return records;
  }

  private static String abbreviate(String text) {
    return text.length() <= 110 ? text : text.substring(0, 107) + "...";
  }
}
