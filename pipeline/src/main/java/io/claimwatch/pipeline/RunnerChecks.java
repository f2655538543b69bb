package io.claimwatch.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Checks, before a graph is built, that a runner has what it needs, with messages that say what to
 * pass. For now the Dataflow runner: an explicit {@code --project}, a {@code --tempLocation} (or
 * {@code --gcpTempLocation}) on Cloud Storage, and input and output that Dataflow's workers can
 * reach (not local paths). Beam's own checks catch these too, but later and with less helpful
 * messages (a missing temp location surfaces as a credentials error). The runner is recognised by
 * name: its classes are only in a jar built with -Pdataflow.
 */
final class RunnerChecks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunnerChecks() {}

  static void validate(ClaimwatchOptions options) {
    if (options.getRunner() == null || !options.getRunner().getSimpleName().equals("DataflowRunner")) {
      return;
    }
    List<String> problems = new ArrayList<>();
    JsonNode set = explicitlySet(options);
    if (set.path("project").asText("").isBlank()) {
      problems.add("--project=PROJECT_ID: the Google Cloud project to run the job in");
    }
    String temp = set.path("gcpTempLocation").asText(set.path("tempLocation").asText(""));
    if (temp.isBlank()) {
      problems.add("--tempLocation=gs://BUCKET/temp: where Dataflow keeps temporary files (and stages the jar)");
    } else if (!temp.startsWith("gs://")) {
      problems.add("--tempLocation must be a gs:// path, not " + temp);
    }
    boolean listed = options.getInputFiles() != null;
    List<String> inputs = listed ? options.getInputFiles() : List.of(options.getInput());
    inputs.stream().filter(OutputPublisher::isLocal).findFirst().ifPresent(local -> problems.add(
        (listed ? "--inputFiles" : "--input") + "=gs://...: Dataflow's workers cannot read the local path " + local));
    if (OutputPublisher.isLocal(options.getOutput())) {
      problems.add("--output=gs://...: Dataflow's workers cannot write the local path " + options.getOutput());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Running on Dataflow needs:\n  " + String.join("\n  ", problems));
    }
  }

  /** The options given explicitly (and the defaults read so far), by name, as Beam serializes them. */
  private static JsonNode explicitlySet(PipelineOptions options) {
    return JSON.valueToTree(options).path("options");
  }
}
