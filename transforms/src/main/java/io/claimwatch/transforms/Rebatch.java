package io.claimwatch.transforms;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;

/**
 * Regroups elements into a bounded number of buckets. After a GroupByKey the Direct Runner hands
 * every key to downstream steps as a bundle of its own, and each bundle costs a step's set-up
 * (milliseconds); with one element per key that cost dominates a run. Large buckets restore large
 * bundles. Elements are unchanged, so results are too.
 */
public final class Rebatch<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private final int buckets;

  private Rebatch(int buckets) {
    this.buckets = buckets;
  }

  public static <T> Rebatch<T> into(int buckets) {
    return new Rebatch<>(buckets);
  }

  @Override
  public PCollection<T> expand(PCollection<T> elements) {
    return elements.apply("ReshuffleIntoBuckets", Reshuffle.<T>viaRandomKey().withNumBuckets(buckets));
  }
}
