package io.claimwatch.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
