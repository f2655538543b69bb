package io.claimwatch.transforms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.claimwatch.nlp.LanguageIdentifier;
import io.claimwatch.schemas.ClaimMention;
import io.claimwatch.schemas.DeadLetter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.SortedMapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The run's accounting, as one JSON document: every record read ends accepted, duplicate or dead
 * letter ({@code read == accepted + duplicates + deadLettered}, checked and reported as
 * {@code balanced}), in total and per input file, with dead letters by stage and the mentions,
 * claims and days produced. Computed in the pipeline, so it is the same on every runner.
 */
public final class SummarizeRun extends PTransform<PCollectionTuple, PCollection<String>> {
  public static final TupleTag<RawRecord> RECORDS = new TupleTag<>("summaryRecords") {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>("summaryDeadLetters") {};
  public static final TupleTag<DeadLetter> DUPLICATES = new TupleTag<>("summaryDuplicates") {};
  public static final TupleTag<ArticleClaims> ACCEPTED = new TupleTag<>("summaryAccepted") {};
  public static final TupleTag<ClaimMention> MENTIONS = new TupleTag<>("summaryMentions") {};

  private static final String TOTAL = "total\t";
  private static final int BUCKETS = 16;
  private static final String FILE = "file\t";
  private static final String STAGE = "stage\t";

  @Override
  public PCollection<String> expand(PCollectionTuple in) {
    PCollection<KV<String, Long>> read = in.get(RECORDS).apply("TallyRead",
        FlatMapElements.into(tallies()).via(r -> tally("read", r.file())));
    PCollection<KV<String, Long>> dead = in.get(DEAD_LETTERS).apply("TallyDeadLetters",
        FlatMapElements.into(tallies()).via(d -> {
          List<KV<String, Long>> t = new ArrayList<>(tally("deadLettered", d.getFile()));
          t.add(KV.of(STAGE + d.getStage(), 1L));
          if (d.getStage().equals(ReadArticleRecords.STAGE)) {
            t.addAll(tally("read", d.getFile()));
          }
          return t;
        }));
    PCollection<KV<String, Long>> duplicates = in.get(DUPLICATES).apply("TallyDuplicates",
        FlatMapElements.into(tallies()).via(d -> tally("duplicates", d.getFile())));
    PCollection<KV<String, Long>> accepted = in.get(ACCEPTED).apply("TallyAcceptedAndMentions",
        FlatMapElements.into(tallies()).via(a -> {
          List<KV<String, Long>> t = new ArrayList<>(tally("accepted", a.file()));
          if (!a.language().equals(LanguageIdentifier.ENGLISH)) {
            t.add(KV.of(TOTAL + "acceptedNotEnglish", 1L));
          }
          long attributed = a.mentions().stream().filter(ClaimMention::getAttributed).count();
          t.add(KV.of(TOTAL + "mentions", (long) a.mentions().size()));
          t.add(KV.of(TOTAL + "attributedMentions", attributed));
          t.add(KV.of(TOTAL + "ownVoiceMentions", a.mentions().size() - attributed));
          return t;
        }));
    PCollection<ClaimMention> mentions = in.get(MENTIONS);
    // Distinct claim ids counted per bucket of a stable hash: a claim falls in one bucket only, so
    // the buckets' counts add up, without a group (and a bundle) per claim.
    PCollection<KV<String, Long>> claims = mentions
        .apply("OnlyIdentifiedClaims", Filter.by((ClaimMention m) -> !m.getClaimId().isEmpty()))
        .apply("ClaimIdsByBucket", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.strings()))
            .via(m -> KV.of(Math.floorMod(m.getClaimId().hashCode(), BUCKETS), m.getClaimId())))
        .apply("DistinctClaimsPerBucket", Combine.perKey(new ClusterClaims.DistinctKeysFn()))
        .apply("TallyClaims", MapElements.into(tallies()).via(ids -> KV.of(TOTAL + "claims", (long) ids.getValue().size())));
    PCollection<KV<String, Long>> days = mentions
        .apply("Days", MapElements.into(TypeDescriptors.strings()).via(ClaimMention::getDay))
        .apply("DistinctDays", Distinct.create())
        .apply("CountDays", Count.globally())
        .apply("TallyDays", MapElements.into(tallies()).via(n -> KV.of(TOTAL + "days", n)));
    return PCollectionList.of(List.of(read, dead, duplicates, accepted, claims, days))
        .apply("AllTallies", Flatten.pCollections())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("SumTallies", Sum.longsPerKey())
        .apply("ToSummaryJson", Combine.globally(new SummaryJsonFn()))
        .setCoder(StringUtf8Coder.of());
  }

  private static org.apache.beam.sdk.values.TypeDescriptor<KV<String, Long>> tallies() {
    return TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs());
  }

  private static List<KV<String, Long>> tally(String category, String file) {
    return List.of(KV.of(TOTAL + category, 1L), KV.of(FILE + (file == null ? "(none)" : file) + "\t" + category, 1L));
  }

  /** Gathers the summed tallies into the summary document. */
  static final class SummaryJsonFn extends Combine.CombineFn<KV<String, Long>, SortedMap<String, Long>, String> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> TOTALS = List.of(
        "read", "accepted", "acceptedNotEnglish", "duplicates", "deadLettered", "mentions", "attributedMentions",
        "ownVoiceMentions", "claims", "days");
    private static final List<String> PER_FILE = List.of("read", "accepted", "duplicates", "deadLettered");

    @Override
    public SortedMap<String, Long> createAccumulator() {
      return new TreeMap<>();
    }

    @Override
    public SortedMap<String, Long> addInput(SortedMap<String, Long> acc, KV<String, Long> tally) {
      acc.merge(tally.getKey(), tally.getValue(), Long::sum);
      return acc;
    }

    @Override
    public SortedMap<String, Long> mergeAccumulators(Iterable<SortedMap<String, Long>> accumulators) {
      SortedMap<String, Long> merged = new TreeMap<>();
      accumulators.forEach(acc -> acc.forEach((k, v) -> merged.merge(k, v, Long::sum)));
      return merged;
    }

    @Override
    public String extractOutput(SortedMap<String, Long> tallies) {
      Map<String, Object> summary = new LinkedHashMap<>();
      for (String total : TOTALS) {
        summary.put(total, tallies.getOrDefault(TOTAL + total, 0L));
      }
      long read = tallies.getOrDefault(TOTAL + "read", 0L);
      long ended = tallies.getOrDefault(TOTAL + "accepted", 0L) + tallies.getOrDefault(TOTAL + "duplicates", 0L)
          + tallies.getOrDefault(TOTAL + "deadLettered", 0L);
      summary.put("balanced", read == ended);
      Map<String, Long> byStage = new TreeMap<>();
      Map<String, Map<String, Long>> files = new TreeMap<>();
      tallies.forEach((key, value) -> {
        if (key.startsWith(STAGE)) {
          byStage.put(key.substring(STAGE.length()), value);
        } else if (key.startsWith(FILE)) {
          int lastTab = key.lastIndexOf('\t');
          String file = key.substring(FILE.length(), lastTab);
          files.computeIfAbsent(file, f -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            PER_FILE.forEach(c -> counts.put(c, 0L));
            return counts;
          }).put(key.substring(lastTab + 1), value);
        }
      });
      summary.put("deadLettersByStage", byStage);
      summary.put("files", files);
      try {
        return JSON.writeValueAsString(summary);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Coder<SortedMap<String, Long>> getAccumulatorCoder(CoderRegistry registry, Coder<KV<String, Long>> inputCoder) {
      return SortedMapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    }
  }
}
