package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code scripts/deploy-dataflow.sh --dry-run}: the complete commands, none of them run. */
class DeployDataflowScriptTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String JAR = ROOT + "/pipeline/target/claimwatch-pipeline-bundled-0.1.0-SNAPSHOT.jar";
  private static final List<String> GOOGLE_CLOUD = List.of("--project=claimwatch-test", "--region=europe-west1",
      "--bucket=gs://claimwatch-test/cw/", "--service-account=claimwatch@claimwatch-test.iam.gserviceaccount.com");

  @Test
  void flexTemplateDryRunPrintsTheBuildTheTemplateAndTheLaunch() throws Exception {
    List<String> lines = dryRun(0, List.of("--job-name=claimwatch-test-job", "--",
        "--input=gs://claimwatch-test/articles/*.jsonl.gz", "--extractor=rules", "--maxNumWorkers=4"));
    assertEquals(List.of(
        "# Dry run: these commands would run, in this order",
        "mvn -B -q -f " + ROOT + "/pom.xml -Pdataflow -DskipTests package",
        "java -cp " + JAR + " io.claimwatch.pipeline.FlexTemplateMetadata " + ROOT + "/pipeline/target/dataflow/metadata.json",
        "gcloud dataflow flex-template build gs://claimwatch-test/cw/templates/claimwatch.json --project=claimwatch-test"
            + " --sdk-language=JAVA --flex-template-base-image=JAVA17"
            + " --image-gcr-path=europe-west1-docker.pkg.dev/claimwatch-test/claimwatch/claimwatch:latest"
            + " --jar=" + JAR + " --env=FLEX_TEMPLATE_JAVA_MAIN_CLASS=io.claimwatch.pipeline.ClaimwatchPipeline"
            + " --metadata-file=" + ROOT + "/pipeline/target/dataflow/metadata.json",
        "gcloud dataflow flex-template run claimwatch-test-job --project=claimwatch-test --region=europe-west1"
            + " --template-file-gcs-location=gs://claimwatch-test/cw/templates/claimwatch.json"
            + " --temp-location=gs://claimwatch-test/cw/temp --staging-location=gs://claimwatch-test/cw/staging"
            + " --service-account-email=claimwatch@claimwatch-test.iam.gserviceaccount.com"
            + " --parameters=input=gs://claimwatch-test/articles/\\*.jsonl.gz\\,extractor=rules\\,output=gs://claimwatch-test/cw/output"
            + " --additional-pipeline-options=maxNumWorkers=4"), lines);
  }

  @Test
  void directDryRunPrintsTheJarOnTheDataflowRunner() throws Exception {
    List<String> lines = dryRun(0, List.of("--direct", "--skip-build", "--job-name=claimwatch-test-job"));
    assertEquals(List.of(
        "# Dry run: these commands would run, in this order",
        "java -XX:+ExitOnOutOfMemoryError -Xmx2g -jar " + JAR + " --runner=DataflowRunner --project=claimwatch-test --region=europe-west1"
            + " --tempLocation=gs://claimwatch-test/cw/temp --stagingLocation=gs://claimwatch-test/cw/staging"
            + " --jobName=claimwatch-test-job --serviceAccount=claimwatch@claimwatch-test.iam.gserviceaccount.com"
            + " --input=gs://claimwatch-test/cw/input/ --output=gs://claimwatch-test/cw/output"), lines);
  }

  @Test
  void aMissingProjectIsNamed() throws Exception {
    String out = String.join("\n", run(2, List.of("--dry-run", "--region=europe-west1", "--bucket=gs://claimwatch-test")));
    assertTrue(out.contains("needs --project=PROJECT"), out);
  }

  private static List<String> dryRun(int status, List<String> extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--dry-run"));
    args.addAll(GOOGLE_CLOUD);
    args.addAll(extra);
    return run(status, args);
  }

  private static List<String> run(int status, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("scripts/deploy-dataflow.sh").toString()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the dry run finishes at once");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(status, p.exitValue(), out);
    return out.lines().toList();
  }
}
