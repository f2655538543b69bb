package io.claimwatch.transforms;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;

/** Fixed one-day windows; Beam aligns them to the epoch, so they are UTC calendar days. */
public final class DailyWindows<T> extends PTransform<PCollection<T>, PCollection<T>> {
  @Override
  public PCollection<T> expand(PCollection<T> elements) {
    return elements.apply("IntoUtcDays", Window.<T>into(FixedWindows.of(Duration.standardDays(1))));
  }
}
