package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
