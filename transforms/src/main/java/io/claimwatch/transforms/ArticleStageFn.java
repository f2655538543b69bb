package io.claimwatch.transforms;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * A per-article stage that never fails the run: an article the stage cannot process becomes a dead
 * letter naming the stage, with the original article and the reason. Outputs are held until the
 * article is done, so a failed article leaves no partial output behind.
 */
abstract class ArticleStageFn<I extends ArticleRecord, O> extends DoFn<I, O> {
  private final String stage;
  private final TupleTag<O> output;
  private final Counter failures;

  ArticleStageFn(String stage, TupleTag<O> output) {
    this.stage = stage;
    this.output = output;
    this.failures = Metrics.counter(getClass(), "deadLetters");
  }

  /** Processes one article, adding what it yields to {@code outputs}. */
  abstract void apply(I input, List<O> outputs);

  @ProcessElement
  public void process(ProcessContext context) {
    I input = context.element();
    List<O> outputs = new ArrayList<>(1);
    try {
      apply(input, outputs);
    } catch (RuntimeException | StackOverflowError e) {
      failures.inc();
      String reason = e instanceof Exception ex ? DeadLetters.reason(ex) : e.getClass().getSimpleName();
      context.output(DeadLetters.TAG, DeadLetters.of(stage, reason, input.file(), input.line(),
          input.article().getId(), input.article().toString()));
      return;
    }
    for (O value : outputs) {
      context.output(output, value);
    }
  }
}
