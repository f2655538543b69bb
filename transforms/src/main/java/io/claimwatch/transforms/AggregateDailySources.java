package io.claimwatch.transforms;

import io.claimwatch.schemas.ClaimMention;
import io.claimwatch.schemas.Source;
import io.claimwatch.schemas.SourceDailyCount;
import io.claimwatch.schemas.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Counts each cited source per window, under its canonical name (see SourceResolver): how many
 * claims were attributed to it, in how many mentions and outlets. Own-voice mentions (the outlet speaking for itself) are not citations and are left
 * out. Window-agnostic and order-independent, like the claim counts.
 */
public final class AggregateDailySources extends PTransform<PCollection<ClaimMention>, PCollection<SourceDailyCount>> {
  private final int buckets;

  public AggregateDailySources(int buckets) {
    this.buckets = buckets;
  }

  @Override
  public PCollection<SourceDailyCount> expand(PCollection<ClaimMention> mentions) {
    int bucketCount = buckets;
    return mentions
        .apply("CitedSources", Filter.by(m -> m.getAttributed() && m.getSource() != null))
        .apply("KeyBySourceBucket", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptor.of(ClaimMention.class)))
            .via(m -> KV.of(Math.floorMod(sourceKey(m).hashCode(), bucketCount), m)))
        .setCoder(KvCoder.of(VarIntCoder.of(), AvroCoder.of(ClaimMention.class)))
        .apply("CountPerSource", Combine.perKey(new SourcesFn()))
        .apply("SourceRecords", FlatMapElements.into(TypeDescriptor.of(SourceDailyCount.class)).via(KV::getValue))
        .setCoder(AvroCoder.of(SourceDailyCount.class));
  }

  /** Kind and canonical name; a pronoun resolved to a named person counts as that person. */
  private static String sourceKey(ClaimMention m) {
    Source source = m.getSource();
    boolean resolvedPronoun = source.getKind() == SourceKind.PRONOUN && !source.getName().equals(source.getText());
    return (resolvedPronoun ? SourceKind.PERSON : source.getKind()) + "\t" + source.getName();
  }

  /** What is known of one source in one window so far. */
  static final class Tally {
    String day;
    TreeSet<String> claims = new TreeSet<>();
    long mentions;
    TreeSet<String> outlets = new TreeSet<>();
  }

  static final class TallyCoder extends CustomCoder<Tally> {
    @Override
    public void encode(Tally tally, OutputStream out) throws IOException {
      TreeCoders.NULLABLE_STRING.encode(tally.day, out);
      TreeCoders.STRING_SET.encode(tally.claims, out);
      TreeCoders.LONG.encode(tally.mentions, out);
      TreeCoders.STRING_SET.encode(tally.outlets, out);
    }

    @Override
    public Tally decode(InputStream in) throws IOException {
      Tally tally = new Tally();
      tally.day = TreeCoders.NULLABLE_STRING.decode(in);
      tally.claims = TreeCoders.STRING_SET.decode(in);
      tally.mentions = TreeCoders.LONG.decode(in);
      tally.outlets = TreeCoders.STRING_SET.decode(in);
      return tally;
    }

    @Override
    public void verifyDeterministic() {}
  }

  static final class SourcesFn extends Combine.CombineFn<ClaimMention, TreeMap<String, Tally>, List<SourceDailyCount>> {
    @Override
    public TreeMap<String, Tally> createAccumulator() {
      return new TreeMap<>();
    }

    @Override
    public TreeMap<String, Tally> addInput(TreeMap<String, Tally> sources, ClaimMention m) {
      Tally tally = sources.computeIfAbsent(sourceKey(m), k -> new Tally());
      tally.day = tally.day == null || m.getDay().compareTo(tally.day) < 0 ? m.getDay() : tally.day;
      if (!m.getClaimId().isEmpty()) {
        tally.claims.add(m.getClaimId());
      }
      tally.mentions++;
      tally.outlets.add(m.getOutlet());
      return sources;
    }

    @Override
    public TreeMap<String, Tally> mergeAccumulators(Iterable<TreeMap<String, Tally>> accumulators) {
      TreeMap<String, Tally> merged = new TreeMap<>();
      for (TreeMap<String, Tally> sources : accumulators) {
        sources.forEach((key, tally) -> {
          Tally into = merged.computeIfAbsent(key, k -> new Tally());
          into.day = into.day == null || tally.day.compareTo(into.day) < 0 ? tally.day : into.day;
          into.claims.addAll(tally.claims);
          into.mentions += tally.mentions;
          into.outlets.addAll(tally.outlets);
        });
      }
      return merged;
    }

    @Override
    public List<SourceDailyCount> extractOutput(TreeMap<String, Tally> sources) {
      List<SourceDailyCount> out = new ArrayList<>(sources.size());
      sources.forEach((key, tally) -> {
        int tab = key.indexOf('\t');
        out.add(new SourceDailyCount(tally.day, key.substring(tab + 1), SourceKind.valueOf(key.substring(0, tab)),
            (long) tally.claims.size(), tally.mentions, (long) tally.outlets.size(), new ArrayList<>(tally.outlets)));
      });
      return out;
    }

    @Override
    public Coder<TreeMap<String, Tally>> getAccumulatorCoder(CoderRegistry registry, Coder<ClaimMention> input) {
      return TreeCoders.treeMap(new TallyCoder());
    }

    @Override
    public Coder<List<SourceDailyCount>> getDefaultOutputCoder(CoderRegistry registry, Coder<ClaimMention> input) {
      return ListCoder.of(AvroCoder.of(SourceDailyCount.class));
    }
  }
}
