package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.beam.runners.dataflow.options.DataflowPipelineOptions;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dataflow runner without Google Cloud (none is reachable here): option validation, and the
 * whole graph translated into a Dataflow job specification. With {@code --templateLocation} the
 * runner writes the job it would submit to a file instead of submitting it; staging goes to a local
 * directory, with no credentials and no bucket checks. Nothing here starts a Dataflow job.
 */
class DataflowRunnerTest {
  private static final List<String> GOOGLE_CLOUD = List.of("--runner=DataflowRunner", "--project=claimwatch-test",
      "--region=europe-west1", "--tempLocation=gs://claimwatch-test/temp");
  private static final List<String> GCS_IO = List.of("--input=gs://claimwatch-test/articles/",
      "--output=gs://claimwatch-test/out");

  @TempDir Path dir;

  @Test
  void theWholeGraphTranslatesToADataflowJob() throws Exception {
    Path job = dir.resolve("job.json");
    Path staged = Files.writeString(dir.resolve("stand-in.jar"), "not the shaded jar: nothing is uploaded");
    ClaimwatchOptions options = ClaimwatchPipeline.options(args(GOOGLE_CLOUD, GCS_IO,
        // gcpTempLocation given, not derived from tempLocation: deriving it checks the bucket over the network.
        List.of("--gcpTempLocation=gs://claimwatch-test/temp", "--stagingLocation=" + dir.resolve("staging"),
            "--templateLocation=" + job,
            "--filesToStage=" + staged,
            "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
            "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory")));
    assertEquals("claimwatch-test", options.as(DataflowPipelineOptions.class).getProject());

    assertEquals(PipelineResult.State.DONE, ClaimwatchPipeline.run(options));

    JsonNode spec = new ObjectMapper().readTree(job.toFile());
    Set<String> steps = new TreeSet<>();
    for (JsonNode step : spec.get("steps")) {
      steps.add(step.get("properties").get("user_name").get("value").asText());
    }
    for (String step : List.of("ReadArticleRecords/ReadRecords", "ParseArticles/ParseRecords",
        "DeduplicateArticles/GroupByIdBucket", "CleanArticles/CleanBodies", "SplitSentences/TagSentences",
        "ExtractAttributions/FindAttributions", "IdentifyClaims/ResolveSourcesAndClaims",
        "DailyWindows/IntoUtcDays/Window.Assign", "AggregateDailyClaims/CountPerClaim/GroupByKey", "AllDeadLetters")) {
      assertTrue(steps.contains(step), step + " in " + steps);
    }
    for (String write : List.of("WriteMentionsJson", "WriteMentionsAvro", "WriteDailyJson", "WriteDailyAvro",
        "WriteDeadLetters", "WriteDuplicates", "WriteSummary")) {
      assertTrue(steps.stream().anyMatch(s -> s.startsWith(write + "/")), write);
    }
    assertEquals("gs://claimwatch-test/temp", spec.get("environment").get("tempStoragePrefix").asText().replaceAll("/+$", ""));
    // A gs:// output is written in place: no local staging directory was prepared for it.
    assertFalse(Files.exists(Path.of("gs:")), "a local gs:/ directory was created");
  }

  @Test
  void theNightlyBatchTranslatesToADataflowJobOnCloudStorage() throws Exception {
    Path job = dir.resolve("nightly-job.json");
    Path staged = Files.writeString(dir.resolve("stand-in.jar"), "not the shaded jar: nothing is uploaded");
    NightlyBatch.Plan plan = NightlyBatch.Plan.of(args(GOOGLE_CLOUD,
        List.of("--incoming=gs://claimwatch-test/incoming/", "--output=gs://claimwatch-test/nightly",
            "--date=2026-03-03", "--extractor=rules",
            "--gcpTempLocation=gs://claimwatch-test/temp", "--stagingLocation=" + dir.resolve("staging"),
            "--templateLocation=" + job, "--filesToStage=" + staged,
            "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
            "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory")));
    assertEquals("gs://claimwatch-test/incoming", plan.incoming());
    // What listing gs://claimwatch-test/incoming/2026-02-28..2026-03-03/* would find (it needs Google Cloud).
    List<NightlyBatch.Input> inputs = List.of(
        new NightlyBatch.Input("2026-03-01/a.jsonl", "gs://claimwatch-test/incoming/2026-03-01/a.jsonl", 10, "00"),
        new NightlyBatch.Input("2026-03-03/c.jsonl.gz", "gs://claimwatch-test/incoming/2026-03-03/c.jsonl.gz", 20, "11"));

    assertEquals(PipelineResult.State.DONE, ClaimwatchPipeline.run(NightlyBatch.pipelineOptions(plan, inputs)));

    JsonNode spec = new ObjectMapper().readTree(job.toFile());
    JsonNode options = spec.path("environment").path("sdkPipelineOptions").path("options");
    List<String> files = new ArrayList<>();
    options.path("inputFiles").forEach(f -> files.add(f.asText()));
    assertEquals(inputs.stream().map(NightlyBatch.Input::uri).toList(), files);
    assertEquals("gs://claimwatch-test/nightly/.nightly-work", options.path("output").asText());
    assertEquals(3, options.path("maxLatenessDays").asInt());
    Set<String> steps = new TreeSet<>();
    spec.get("steps").forEach(step -> steps.add(step.get("properties").get("user_name").get("value").asText()));
    assertTrue(steps.stream().anyMatch(s -> s.startsWith("ReadArticleRecords/MatchInputFiles/")), steps.toString());
    assertTrue(steps.contains("ReadArticleRecords/ReadRecords"), steps.toString());
    assertFalse(Files.exists(Path.of("gs:")), "a local gs:/ directory was created");

    // Arrival files on a local disk cannot be read by Dataflow's workers.
    NightlyBatch.Plan local = NightlyBatch.Plan.of(args(GOOGLE_CLOUD, List.of("--incoming=" + dir.resolve("incoming"),
        "--output=gs://claimwatch-test/nightly", "--date=2026-03-03")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NightlyBatch.pipelineOptions(local,
        List.of(new NightlyBatch.Input("2026-03-01/a.jsonl", dir.resolve("incoming/2026-03-01/a.jsonl").toString(), 10, "00"))));
    assertTrue(e.getMessage().contains("--inputFiles=gs://...: Dataflow's workers cannot read the local path"), e.getMessage());
  }

  @Test
  void aMissingProjectSaysWhatToPass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClaimwatchPipeline.options(
        args(List.of("--runner=DataflowRunner", "--region=europe-west1", "--tempLocation=gs://claimwatch-test/temp"), GCS_IO)));
    assertTrue(e.getMessage().contains("--project=PROJECT_ID"), e.getMessage());
    assertFalse(e.getMessage().contains("--tempLocation"), e.getMessage());
  }

  @Test
  void aMissingTempLocationSaysWhatToPass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClaimwatchPipeline.options(
        args(List.of("--runner=DataflowRunner", "--project=claimwatch-test", "--region=europe-west1"), GCS_IO)));
    assertTrue(e.getMessage().contains("--tempLocation=gs://BUCKET/temp"), e.getMessage());
    assertFalse(e.getMessage().contains("--project"), e.getMessage());
  }

  @Test
  void localPathsAreRejectedOnDataflow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClaimwatchPipeline.options(
        args(GOOGLE_CLOUD, List.of("--input=samples", "--output=/tmp/out"))));
    assertTrue(e.getMessage().contains("cannot read the local path samples"), e.getMessage());
    assertTrue(e.getMessage().contains("cannot write the local path /tmp/out"), e.getMessage());
    IllegalArgumentException temp = assertThrows(IllegalArgumentException.class, () -> ClaimwatchPipeline.options(
        args(List.of("--runner=DataflowRunner", "--project=claimwatch-test", "--tempLocation=/tmp/t"), GCS_IO)));
    assertTrue(temp.getMessage().contains("--tempLocation must be a gs:// path"), temp.getMessage());
  }

  @Test
  void otherRunnersAreNotHeldToDataflowsNeeds() {
    ClaimwatchOptions options = ClaimwatchPipeline.options("--runner=DirectRunner", "--input=samples", "--output=out");
    assertEquals("samples", options.getInput());
  }

  @SafeVarargs
  private static String[] args(List<String>... parts) {
    List<String> all = new ArrayList<>();
    Stream.of(parts).forEach(all::addAll);
    return all.toArray(String[]::new);
  }
}
