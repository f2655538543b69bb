package io.claimwatch.transforms;

import io.claimwatch.nlp.ClaimKeys;
import io.claimwatch.nlp.claims.ClaimClusters;
import io.claimwatch.nlp.claims.ClaimMatcher;
import io.claimwatch.nlp.claims.ClaimSignature;
import io.claimwatch.nlp.claims.MinHashBands;
import io.claimwatch.schemas.ClaimMention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Gives paraphrases of one claim one id, at scale: distinct claim keys are blocked by MinHash bands
 * (no all-pairs comparison), candidate pairs inside a block are verified by a {@link ClaimMatcher}
 * that respects negation and numbers, and the verified pairs are joined into connected components
 * named by their smallest key. A mention's {@code claimId} becomes the id of its component's
 * representative key, so the same input gives the same ids on every runner, across all the days of
 * a run. Only verified pairs are gathered in one place; keys without a paraphrase keep their own id.
 */
public final class ClusterClaims extends PTransform<PCollection<ClaimMention>, PCollection<ClaimMention>> {
  private static final MinHashBands BANDS = new MinHashBands(16, 2);

  private final ClaimMatcher matcher;
  private final int buckets;
  private final int maxBlockSize;

  /**
   * @param buckets groups keys and blocks are spread over
   * @param maxBlockSize blocks larger than this are compared only among their first keys (in key
   *     order), counted in the metric {@code oversizedBlocks}: a block that large means a too common
   *     band, whose pairs are rarely paraphrases
   */
  public ClusterClaims(ClaimMatcher matcher, int buckets, int maxBlockSize) {
    this.matcher = matcher;
    this.buckets = buckets;
    this.maxBlockSize = maxBlockSize;
  }

  @Override
  public PCollection<ClaimMention> expand(PCollection<ClaimMention> mentions) {
    int bucketCount = buckets;
    PCollection<String> keys = mentions
        .apply("KeysByBucket", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.strings()))
            .via(m -> KV.of(Math.floorMod(m.getClaimKey().hashCode(), bucketCount), m.getClaimKey())))
        .apply("DistinctKeysPerBucket", Combine.perKey(new DistinctKeysFn()))
        .apply("DistinctClaimKeys", FlatMapElements.into(TypeDescriptors.strings()).via(KV::getValue));

    PCollection<KV<String, String>> pairs = keys
        .apply("BlockByMinHash", FlatMapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings())))
            .via((String key) -> {
              List<KV<Integer, KV<String, String>>> blocked = new ArrayList<>();
              for (String band : BANDS.bandKeys(ClaimSignature.of(key).terms())) {
                blocked.add(KV.of(Math.floorMod(band.hashCode(), bucketCount), KV.of(band, key)));
              }
              return blocked;
            }))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
        .apply("GroupBlocks", GroupByKey.create())
        .apply("VerifyCandidatePairs", ParDo.of(new VerifyPairsFn(matcher, maxBlockSize)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));

    PCollectionView<Map<String, String>> representatives = pairs
        .apply("ConnectParaphrases", Combine.globally(new ConnectFn()))
        .apply("RepresentativesView", View.asSingleton());

    return mentions
        .apply("AssignClusterIds", ParDo.of(new AssignClusterIdFn(representatives)).withSideInputs(representatives))
        .setCoder(AvroCoder.of(ClaimMention.class));
  }

  static final class DistinctKeysFn extends Combine.CombineFn<String, TreeSet<String>, List<String>> {
    @Override
    public TreeSet<String> createAccumulator() {
      return new TreeSet<>();
    }

    @Override
    public TreeSet<String> addInput(TreeSet<String> keys, String key) {
      keys.add(key);
      return keys;
    }

    @Override
    public TreeSet<String> mergeAccumulators(Iterable<TreeSet<String>> accumulators) {
      TreeSet<String> merged = new TreeSet<>();
      accumulators.forEach(merged::addAll);
      return merged;
    }

    @Override
    public List<String> extractOutput(TreeSet<String> keys) {
      return new ArrayList<>(keys);
    }

    @Override
    public Coder<TreeSet<String>> getAccumulatorCoder(CoderRegistry registry, Coder<String> input) {
      @SuppressWarnings("unchecked")
      Class<TreeSet<String>> type = (Class<TreeSet<String>>) (Class<?>) TreeSet.class;
      return SerializableCoder.of(type);
    }
  }

  /** Compares the keys that share a band, emitting each verified pair once per block as (smaller, larger). */
  static final class VerifyPairsFn extends DoFn<KV<Integer, Iterable<KV<String, String>>>, KV<String, String>> {
    private final Counter comparisons = Metrics.counter(ClusterClaims.class, "candidateComparisons");
    private final Counter verified = Metrics.counter(ClusterClaims.class, "verifiedPairs");
    private final Counter oversized = Metrics.counter(ClusterClaims.class, "oversizedBlocks");
    private final ClaimMatcher matcher;
    private final int maxBlockSize;

    VerifyPairsFn(ClaimMatcher matcher, int maxBlockSize) {
      this.matcher = matcher;
      this.maxBlockSize = maxBlockSize;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, String>>> bucket, OutputReceiver<KV<String, String>> out) {
      Map<String, TreeSet<String>> blocks = new HashMap<>();
      for (KV<String, String> bandAndKey : bucket.getValue()) {
        blocks.computeIfAbsent(bandAndKey.getKey(), b -> new TreeSet<>()).add(bandAndKey.getValue());
      }
      Map<String, Boolean> decided = new HashMap<>();
      for (TreeSet<String> block : blocks.values()) {
        List<String> keys = new ArrayList<>(block);
        if (keys.size() > maxBlockSize) {
          oversized.inc();
          keys = keys.subList(0, maxBlockSize);
        }
        for (int i = 0; i < keys.size(); i++) {
          for (int j = i + 1; j < keys.size(); j++) {
            String a = keys.get(i);
            String b = keys.get(j);
            Boolean same = decided.get(a + '\n' + b);
            if (same == null) {
              comparisons.inc();
              same = matcher.same(a, b);
              decided.put(a + '\n' + b, same);
              if (same) {
                verified.inc();
                out.output(KV.of(a, b));
              }
            }
          }
        }
      }
    }
  }

  /** Gathers verified pairs into components: key → representative, for keys that have one. */
  static final class ConnectFn extends Combine.CombineFn<KV<String, String>, ClaimClusters, Map<String, String>> {
    @Override
    public ClaimClusters createAccumulator() {
      return new ClaimClusters();
    }

    @Override
    public ClaimClusters addInput(ClaimClusters clusters, KV<String, String> pair) {
      clusters.connect(pair.getKey(), pair.getValue());
      return clusters;
    }

    @Override
    public ClaimClusters mergeAccumulators(Iterable<ClaimClusters> accumulators) {
      ClaimClusters merged = new ClaimClusters();
      accumulators.forEach(merged::addAll);
      return merged;
    }

    @Override
    public Map<String, String> extractOutput(ClaimClusters clusters) {
      return clusters.representatives();
    }

    @Override
    public Coder<ClaimClusters> getAccumulatorCoder(CoderRegistry registry, Coder<KV<String, String>> input) {
      return SerializableCoder.of(ClaimClusters.class);
    }

    @Override
    public Coder<Map<String, String>> getDefaultOutputCoder(CoderRegistry registry, Coder<KV<String, String>> input) {
      return MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    }
  }

  static final class AssignClusterIdFn extends DoFn<ClaimMention, ClaimMention> {
    private final PCollectionView<Map<String, String>> representatives;

    AssignClusterIdFn(PCollectionView<Map<String, String>> representatives) {
      this.representatives = representatives;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      ClaimMention mention = context.element();
      String representative = context.sideInput(representatives).get(mention.getClaimKey());
      if (representative == null) {
        context.output(mention);
      } else {
        context.output(ClaimMention.newBuilder(mention).setClaimId(ClaimKeys.id(representative)).build());
      }
    }
  }
}
