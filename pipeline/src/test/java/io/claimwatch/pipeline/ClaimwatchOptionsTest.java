package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class ClaimwatchOptionsTest {
  private static ClaimwatchOptions parse(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(ClaimwatchOptions.class);
  }

  @Test
  void shuffleBucketsDefaultDependsOnTheRunner() {
    assertEquals(Runtime.getRuntime().availableProcessors(), parse("--runner=DirectRunner").getShuffleBuckets());
    assertEquals(128, parse("--runner=FlinkRunner").getShuffleBuckets());
    assertEquals(32, parse("--runner=FlinkRunner", "--shuffleBuckets=32").getShuffleBuckets());
    assertEquals(4, parse("--runner=DirectRunner", "--shuffleBuckets=4").getShuffleBuckets());
  }

  @Test
  void aClaimClusterSupportOutsideZeroToOneStopsTheRunBeforeItStarts() {
    assertEquals(0.5, parse().getClaimClusterSupport());
    ClaimwatchOptions options = parse("--runner=DirectRunner", "--claimClusterSupport=1.5");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> ClaimwatchPipeline.build(Pipeline.create(options), options, "unused"));
    assertTrue(refused.getMessage().contains("(0, 1], not 1.5"), refused.getMessage());
  }
}
