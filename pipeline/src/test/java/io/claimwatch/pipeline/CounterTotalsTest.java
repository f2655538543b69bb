package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SortedMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A run's log totals each counter over the steps that report it. */
@ExtendWith(TestPipelineExtension.class)
class CounterTotalsTest {
  static final class DropOddFn extends DoFn<Integer, Integer> {
    private final Counter dropped = Metrics.counter(CounterTotalsTest.class, "droppedOdd");

    @ProcessElement
    public void process(@Element Integer n, OutputReceiver<Integer> out) {
      if (n % 2 == 1) {
        dropped.inc();
      } else {
        out.output(n);
      }
    }
  }

  @Test
  void countersAreSummedOverStepsByName(TestPipeline pipeline) {
    pipeline.apply("Numbers", Create.of(1, 2, 3, 4, 5)).apply("FirstStep", ParDo.of(new DropOddFn()));
    pipeline.apply("MoreNumbers", Create.of(7, 8)).apply("SecondStep", ParDo.of(new DropOddFn()));
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    SortedMap<String, Long> totals = ClaimwatchPipeline.counterTotals(result);
    assertEquals(4L, totals.get("CounterTotalsTest.droppedOdd"), totals.toString());
  }
}
