package io.claimwatch.transforms;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class ConnectComponentsTest {
  @Test
  void everyNodeOfAComponentIsNamedByItsSmallestNode(TestPipeline pipeline) {
    PCollection<KV<String, String>> named = pipeline
        .apply(Create.of(KV.of("c", "b"), KV.of("d", "c"), KV.of("a", "d"), KV.of("x", "y"), KV.of("y", "x"), KV.of("b", "c"))
            .withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply(new ConnectComponents());

    PAssert.that(named).containsInAnyOrder(
        KV.of("a", "a"), KV.of("b", "a"), KV.of("c", "a"), KV.of("d", "a"), KV.of("x", "x"), KV.of("y", "x"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void noEdgesNoComponents(TestPipeline pipeline) {
    PCollection<KV<String, String>> named = pipeline
        .apply(Create.empty(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply(new ConnectComponents());

    PAssert.that(named).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void edgesOutsideTheGlobalWindowAreRefused(TestPipeline pipeline) {
    PCollection<KV<String, String>> daily = pipeline
        .apply(Create.of(KV.of("a", "b")).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply(Window.into(FixedWindows.of(Duration.standardDays(1))));

    assertThrows(IllegalArgumentException.class, () -> daily.apply(new ConnectComponents()));
    pipeline.enableAbandonedNodeEnforcement(false);
  }
}
