package io.claimwatch.transforms;

import io.claimwatch.schemas.DeadLetter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Keeps one article per {@code id}: the one read first by (file, line), so every runner keeps the
 * same copy. The others are reported as duplicates, each with the place of the copy kept.
 *
 * <p>Ids are grouped into a fixed number of buckets (by a stable hash) rather than one group per
 * id: each group becomes a bundle downstream, and on the Direct Runner a bundle per article costs
 * far more than the grouping saves.
 */
public final class DeduplicateArticles extends PTransform<PCollection<SourcedArticle>, PCollectionTuple> {
  public static final TupleTag<SourcedArticle> UNIQUE = new TupleTag<>("uniqueArticles") {};
  public static final TupleTag<DeadLetter> DUPLICATES = new TupleTag<>("duplicateArticles") {};
  static final String STAGE = "deduplicate";

  private static final Comparator<SourcedArticle> READ_ORDER =
      Comparator.comparing(SourcedArticle::file).thenComparingLong(SourcedArticle::line);

  private final int buckets;

  /** @param buckets how many groups ids are spread over: the most workers deduplication can use */
  public DeduplicateArticles(int buckets) {
    this.buckets = buckets;
  }

  @Override
  public PCollectionTuple expand(PCollection<SourcedArticle> articles) {
    int bucketCount = buckets;
    PCollectionTuple result = articles
        .apply("KeyByIdBucket", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptor.of(SourcedArticle.class)))
            .via(a -> KV.of(Math.floorMod(a.article().getId().hashCode(), bucketCount), a)))
        .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(SourcedArticle.class)))
        // Keep the input timestamps (not the window's end), so event time can be set downstream.
        .apply("KeepEarliestTimestamp", Window.<KV<Integer, SourcedArticle>>configure()
            .withTimestampCombiner(TimestampCombiner.EARLIEST))
        .apply("GroupByIdBucket", GroupByKey.create())
        .apply("KeepFirstRead", ParDo.of(new KeepFirstReadFn()).withOutputTags(UNIQUE, TupleTagList.of(DUPLICATES)));
    result.get(UNIQUE).setCoder(SerializableCoder.of(SourcedArticle.class));
    result.get(DUPLICATES).setCoder(AvroCoder.of(DeadLetter.class));
    return result;
  }

  static final class KeepFirstReadFn extends DoFn<KV<Integer, Iterable<SourcedArticle>>, SourcedArticle> {
    private final Counter duplicates = Metrics.counter(DeduplicateArticles.class, "duplicates");

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<SourcedArticle>> bucket, MultiOutputReceiver out) {
      Map<String, SourcedArticle> firstById = new HashMap<>();
      List<SourcedArticle> later = new ArrayList<>();
      for (SourcedArticle a : bucket.getValue()) {
        SourcedArticle kept = firstById.putIfAbsent(a.article().getId(), a);
        if (kept != null) {
          if (READ_ORDER.compare(a, kept) < 0) {
            firstById.put(a.article().getId(), a);
            later.add(kept);
          } else {
            later.add(a);
          }
        }
      }
      firstById.values().forEach(out.get(UNIQUE)::output);
      for (SourcedArticle duplicate : later) {
        duplicates.inc();
        SourcedArticle first = firstById.get(duplicate.article().getId());
        out.get(DUPLICATES).output(DeadLetters.of(STAGE,
            "duplicate id; kept the copy at " + first.file() + ":" + first.line(),
            duplicate.file(), duplicate.line(), duplicate.article().getId(), duplicate.article().toString()));
      }
    }
  }
}
