package io.claimwatch.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads JSON Lines files: every record whole ({@link #forEach}), or each line only as far as the
 * caller asks ({@link #forEachLine}: a few top-level fields of every record, whole records of a
 * few). The report reads a 10k-article run's daily records twice and its mentions once (about 800
 * MB of JSON) after the pipeline has finished; building every record's tree was most of its time.
 */
public final class JsonLinesReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLinesReader() {}

  /**
   * Every non-blank line's record, in order.
   *
   * @param name the file, for the message of a line that is not JSON
   */
  public static void forEach(BufferedReader reader, String name, Consumer<JsonNode> action) throws IOException {
    forEachLine(reader, name, line -> action.accept(line.record()));
  }

  /** A line to be read only in part: some top-level fields, and the whole record on demand. */
  public interface Line {
    /**
     * The top-level fields {@code names} that hold a string, number, boolean or null, as an object
     * of just those (so {@code path(name)} reads them as it would the whole record); fields holding
     * an object or array are left out, skipped without being built, as are fields after the last
     * one wanted.
     */
    ObjectNode fields(Set<String> names) throws IOException;

    /** The whole record. */
    JsonNode record() throws IOException;
  }

  /** A consumer of lines that may fail on a line's JSON. */
  public interface LineAction {
    void accept(Line line) throws IOException;
  }

  /** Every non-blank line, read only as far as {@code action} asks. */
  public static void forEachLine(BufferedReader reader, String name, LineAction action) throws IOException {
    long lineNumber = 0;
    for (String text = reader.readLine(); text != null; text = reader.readLine()) {
      lineNumber++;
      if (!text.isBlank()) {
        action.accept(new PartlyReadLine(text, name + ":" + lineNumber));
      }
    }
  }

  private record PartlyReadLine(String text, String where) implements Line {
    @Override
    public ObjectNode fields(Set<String> names) throws IOException {
      ObjectNode found = JSON.createObjectNode();
      int seen = 0;
      try (JsonParser parser = JSON.getFactory().createParser(text)) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          throw new IOException("not JSON at " + where + ": not an object");
        }
        while (seen < names.size() && parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken value = parser.nextToken();
          boolean wanted = names.contains(field);
          seen += wanted ? 1 : 0;
          if (value.isStructStart()) {
            parser.skipChildren();
          } else if (wanted) {
            found.set(field, JSON.readTree(parser));
          }
        }
      } catch (JsonProcessingException e) {
        throw new IOException("not JSON at " + where + ": " + e.getOriginalMessage(), e);
      }
      return found;
    }

    @Override
    public JsonNode record() throws IOException {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new IOException("not JSON at " + where + ": " + e.getMessage(), e);
      }
    }
  }
}
