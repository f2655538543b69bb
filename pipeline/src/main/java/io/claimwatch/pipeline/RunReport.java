package io.claimwatch.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimwatch.report.JsonLinesReader;
import io.claimwatch.report.TopRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/** What a run prints when it ends: its summary and each day's top claims. */
final class RunReport {
  private static final Set<String> RANKING = Set.of("day", "outlets", "mentions", "claimId");
  private static final Comparator<JsonNode> TOP = Comparator
      .comparingLong((JsonNode d) -> -d.get("outlets").asLong())
      .thenComparingLong(d -> -d.get("mentions").asLong())
      .thenComparing(d -> d.get("claimId").asText());

  private RunReport() {}

  /** Prints the run in {@code output}: a local path or any filesystem Beam knows (gs://...). */
  static void print(String output, int topClaims, PrintStream out) throws IOException {
    String dir = output.replaceAll("(?<!/)/+$", "");
    String summary = dir + "/summary.json";
    out.println("Claimwatch run summary (" + FileSystems.matchSingleFileSpec(summary).resourceId() + "):");
    out.println(new String(readAll(FileSystems.matchSingleFileSpec(summary).resourceId()), StandardCharsets.UTF_8).strip());
    // Streamed, keeping each day's top claims only: a large run's daily records do not fit in memory
    // (100k articles over 125 days: an OutOfMemoryError here after the job itself had finished).
    Map<String, TopRecords> topByDay = new TreeMap<>();
    Map<String, Long> claimsByDay = new TreeMap<>();
    for (ResourceId file : files(dir + "/daily/*.jsonl")) {
      try (BufferedReader reader = open(file)) {
        JsonLinesReader.forEachLine(reader, file.toString(), line -> {
          JsonNode daily = line.fields(RANKING);
          String day = daily.get("day").asText();
          claimsByDay.merge(day, 1L, Long::sum);
          topByDay.computeIfAbsent(day, d -> new TopRecords(TOP, topClaims)).offer(daily, line);
        });
      }
    }
    for (Map.Entry<String, TopRecords> day : topByDay.entrySet()) {
      List<JsonNode> claims = day.getValue().inOrder();
      out.printf("%nTop claims on %s (%d claims):%n", day.getKey(), claimsByDay.get(day.getKey()));
      for (JsonNode claim : claims) {
        JsonNode example = claim.get("examples").path(0);
        out.printf("  %2d outlets %3d mentions  %s  \"%s\"%n", claim.get("outlets").asLong(),
            claim.get("mentions").asLong(), claim.get("claimId").asText(), abbreviate(example.path("text").asText()));
      }
    }
  }

  /** The records of every {@code .jsonl} file in a local directory, file by file in name order. */
  static List<JsonNode> readJsonLines(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return new ArrayList<>();
    }
    return readJsonLines(directory.toAbsolutePath() + "/*.jsonl");
  }

  /** The records of the files {@code glob} matches (none is fine), file by file in name order. */
  static List<JsonNode> readJsonLines(String glob) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    forEachJsonLine(glob, records::add);
    return records;
  }

  private static void forEachJsonLine(String glob, Consumer<JsonNode> action) throws IOException {
    for (ResourceId file : files(glob)) {
      try (BufferedReader reader = open(file)) {
        JsonLinesReader.forEach(reader, file.toString(), action);
      }
    }
  }

  /** The files {@code glob} matches (none is fine), in name order. */
  private static List<ResourceId> files(String glob) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    for (MatchResult.Metadata file : FileSystems.match(glob, EmptyMatchTreatment.ALLOW).metadata()) {
      files.add(file.resourceId());
    }
    files.sort(Comparator.comparing(ResourceId::toString));
    return files;
  }

  private static BufferedReader open(ResourceId file) throws IOException {
    return new BufferedReader(new InputStreamReader(Channels.newInputStream(FileSystems.open(file)), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(ResourceId file) throws IOException {
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      return in.readAllBytes();
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 110 ? text : text.substring(0, 107) + "...";
  }
}
