package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar built with -Pdataflow, run as {@code java -jar} on the Dataflow runner: its options
 * parse and the whole graph translates to a Dataflow job specification, written to a local file
 * ({@code --templateLocation}) instead of being submitted. Catches what the test classpath hides
 * (a class the jar lacks: Hamcrest, once). Skipped when the jar has no Dataflow runner (built
 * without -Pdataflow, as CI builds it): {@code mvn -B verify -Pdataflow} runs it.
 */
class DataflowJarIT {
  @TempDir Path dir;

  @Test
  void theShadedJarTranslatesTheGraphForDataflow() throws Exception {
    Path jar = Path.of(System.getProperty("claimwatch.jar", "target/claimwatch-pipeline-bundled-0.1.0-SNAPSHOT.jar"));
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assumeTrue(zip.getEntry("org/apache/beam/runners/dataflow/DataflowRunner.class") != null,
          "the shaded jar has no Dataflow runner (build with -Pdataflow)");
    }
    Path job = dir.resolve("job.json");
    Path log = dir.resolve("java.log");
    Path standIn = Files.writeString(dir.resolve("stand-in.jar"), "staged instead of the 200 MB jar");
    Process java = new ProcessBuilder(List.of("java", "-Xmx1g", "-jar", jar.toString(),
        "--runner=DataflowRunner", "--project=claimwatch-test", "--region=europe-west1",
        "--tempLocation=gs://claimwatch-test/temp", "--gcpTempLocation=gs://claimwatch-test/temp",
        "--stagingLocation=" + dir.resolve("staging"), "--templateLocation=" + job, "--filesToStage=" + standIn,
        "--pathValidatorClass=org.apache.beam.sdk.extensions.gcp.storage.NoopPathValidator",
        "--credentialFactoryClass=org.apache.beam.sdk.extensions.gcp.auth.NoopCredentialFactory",
        "--input=gs://claimwatch-test/articles/", "--output=gs://claimwatch-test/out"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertTrue(java.waitFor(4, TimeUnit.MINUTES), "java -jar finished");
    } finally {
      java.destroyForcibly();
    }
    assertEquals(0, java.exitValue(), Files.readString(log));
    JsonNode spec = new ObjectMapper().readTree(job.toFile());
    assertTrue(spec.get("steps").size() > 100, "steps: " + spec.get("steps").size());
    assertTrue(Files.readString(log).contains("Wrote a Dataflow job template"));
  }
}
