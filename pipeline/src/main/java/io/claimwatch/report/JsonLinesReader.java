package io.claimwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Reads a JSON Lines file, parsing batches of lines on every core and handing the records to the
 * caller one at a time, in file order, on the calling thread. The report reads a 10k-article run's
 * daily records twice and its mentions once (about 800 MB of JSON) after the pipeline has finished,
 * on one thread until now: parsing was most of the report's time.
 */
public final class JsonLinesReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH_LINES = 2048;

  private JsonLinesReader() {}

  /**
   * Every non-blank line's record, in order.
   *
   * @param name the file, for the message of a line that is not JSON (the first such line is reported)
   */
  public static void forEach(BufferedReader reader, String name, Consumer<JsonNode> action) throws IOException {
    List<String> batch = new ArrayList<>(BATCH_LINES);
    long linesBefore = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      batch.add(line);
      if (batch.size() == BATCH_LINES) {
        handOver(parse(batch, name, linesBefore), action);
        linesBefore += batch.size();
        batch.clear();
      }
    }
    handOver(parse(batch, name, linesBefore), action);
  }

  private static JsonNode[] parse(List<String> lines, String name, long linesBefore) throws IOException {
    Object[] parsed = IntStream.range(0, lines.size()).parallel().mapToObj(i -> {
      String line = lines.get(i);
      if (line.isBlank()) {
        return null;
      }
      try {
        return JSON.readTree(line);
      } catch (IOException e) {
        return new IOException("not JSON at " + name + ":" + (linesBefore + i + 1) + ": " + e.getMessage(), e);
      }
    }).toArray();
    JsonNode[] records = new JsonNode[parsed.length];
    for (int i = 0; i < parsed.length; i++) {
      if (parsed[i] instanceof IOException e) {
        throw e;
      }
      records[i] = (JsonNode) parsed[i];
    }
    return records;
  }

  private static void handOver(JsonNode[] records, Consumer<JsonNode> action) {
    for (JsonNode record : records) {
      if (record != null) {
        action.accept(record);
      }
    }
  }
}
