package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** Whole-pipeline runs on the Direct Runner, and reading back what they wrote. */
final class PipelineRuns {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PipelineRuns() {}

  static Path sharedData() {
    return Path.of(System.getProperty("claimwatch.sharedData", "../../shared/data")).normalize();
  }

  static Path fixture(String name) {
    return Path.of("src/test/resources/fixtures", name).toAbsolutePath();
  }

  static PipelineResult.State run(String input, Path output, String... extra) throws IOException {
    String[] args = new String[extra.length + 3];
    args[0] = "--runner=DirectRunner";
    args[1] = "--input=" + input;
    args[2] = "--output=" + output;
    System.arraycopy(extra, 0, args, 3, extra.length);
    PipelineOptionsFactory.register(ClaimwatchOptions.class);
    return ClaimwatchPipeline.run(PipelineOptionsFactory.fromArgs(args).withValidation().as(ClaimwatchOptions.class));
  }

  static JsonNode summary(Path output) throws IOException {
    return JSON.readTree(Files.readString(output.resolve("summary.json")));
  }

  static List<JsonNode> records(Path output, String directory) throws IOException {
    return RunReport.readJsonLines(output.resolve(directory));
  }

  /** Every span of a mention's source, cue and content (empty roles have none). */
  static List<JsonNode> roleSpans(JsonNode mention) {
    List<JsonNode> spans = new ArrayList<>();
    for (String role : List.of("source", "cue", "content")) {
      JsonNode group = mention.get(role);
      if (!group.isNull()) {
        group.get("spans").forEach(spans::add);
      }
    }
    return spans;
  }

  /** Each role's text is the text of its spans in {@code body}, joined by spaces. */
  static void assertRoleTextsAreTheirSpans(String body, JsonNode mention) {
    for (String role : List.of("source", "cue", "content")) {
      JsonNode group = mention.get(role);
      if (group.isNull() || group.get("spans").isEmpty()) {
        continue;
      }
      List<String> pieces = new ArrayList<>();
      for (JsonNode span : group.get("spans")) {
        pieces.add(body.substring(span.get("start").asInt(), span.get("end").asInt()));
      }
      assertEquals(group.get("text").asText(), String.join(" ", pieces), role + " text is its spans' text in " + mention);
    }
  }
}
