package io.claimwatch.transforms;

import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class SideInputPerBundleTest {
  private static final Instant MONDAY = Instant.parse("2025-10-20T12:00:00Z");
  private static final Instant TUESDAY = Instant.parse("2025-10-21T12:00:00Z");

  /** Reads its side input through the per-bundle cache. */
  static final class TagWithSideInputFn extends DoFn<String, String> {
    private final SideInputPerBundle<String> side;

    TagWithSideInputFn(PCollectionView<String> view) {
      this.side = new SideInputPerBundle<>(view);
    }

    @StartBundle
    public void startBundle() {
      side.startBundle();
    }

    @ProcessElement
    public void process(ProcessContext context, BoundedWindow window) {
      context.output(context.element() + ":" + side.get(context, window));
    }
  }

  @Test
  void eachWindowSeesItsOwnValueWithinOneBundle(TestPipeline pipeline) {
    Window<String> daily = Window.into(FixedWindows.of(Duration.standardDays(1)));
    PCollectionView<String> sideByDay = pipeline
        .apply("SideValues", Create.timestamped(TimestampedValue.of("monday-value", MONDAY), TimestampedValue.of("tuesday-value", TUESDAY)))
        .apply("SideDaily", daily)
        .apply("SideView", View.asSingleton());
    PCollection<String> tagged = pipeline
        .apply("Elements", Create.timestamped(TimestampedValue.of("a", MONDAY), TimestampedValue.of("b", TUESDAY),
            TimestampedValue.of("c", MONDAY)))
        .apply("ElementsDaily", daily)
        .apply("Tag", ParDo.of(new TagWithSideInputFn(sideByDay)).withSideInputs(sideByDay));
    PAssert.that(tagged).containsInAnyOrder("a:monday-value", "b:tuesday-value", "c:monday-value");
    pipeline.run().waitUntilFinish();
  }
}
