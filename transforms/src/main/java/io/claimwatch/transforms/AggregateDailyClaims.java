package io.claimwatch.transforms;

import io.claimwatch.schemas.ClaimDailyCount;
import io.claimwatch.schemas.ClaimMention;
import io.claimwatch.schemas.Example;
import io.claimwatch.schemas.RelayCount;
import io.claimwatch.schemas.SourceCount;
import io.claimwatch.schemas.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Counts each claim per window: mentions (attributed and own-voice), distinct articles and outlets,
 * sources with their mention counts, the first time it was seen, and examples from different
 * outlets. Window-agnostic: the day comes from the mentions. Every part of the count is
 * order-independent, so any runner's bundling gives the same record.
 */
public final class AggregateDailyClaims extends PTransform<PCollection<ClaimMention>, PCollection<ClaimDailyCount>> {
  private final int maxExamples;
  private final int buckets;
  private final boolean labelRows;

  /** @param buckets how many groups claims are counted in: the most workers counting can use */
  public AggregateDailyClaims(int maxExamples, int buckets) {
    this(maxExamples, buckets, false);
  }

  private AggregateDailyClaims(int maxExamples, int buckets, boolean labelRows) {
    this.maxExamples = maxExamples;
    this.buckets = buckets;
    this.labelRows = labelRows;
  }

  /**
   * Counts watchlist labels instead of claims: each labelled mention counts once per label, in a
   * row whose {@code label} is set and whose claimId is {@code watch:<label>}.
   */
  public static AggregateDailyClaims perWatchlistLabel(int maxExamples, int buckets) {
    return new AggregateDailyClaims(maxExamples, buckets, true);
  }

  @Override
  public PCollection<ClaimDailyCount> expand(PCollection<ClaimMention> mentions) {
    int bucketCount = buckets;
    // An attribution whose content has no content words (e.g. "so") is a mention but not a claim.
    mentions = mentions.apply("WithClaimId", Filter.by(m -> !m.getClaimId().isEmpty()));
    if (labelRows) {
      mentions = mentions
          .apply("OneCopyPerLabel", FlatMapElements.into(TypeDescriptor.of(ClaimMention.class)).via((ClaimMention m) -> {
            List<ClaimMention> copies = new ArrayList<>();
            for (String label : m.getLabels()) {
              copies.add(ClaimMention.newBuilder(m).setClaimId("watch:" + label).setClaimKey(label).build());
            }
            return copies;
          }))
          .setCoder(AvroCoder.of(ClaimMention.class));
    }
    return mentions
        .apply("KeyByClaimBucket", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptor.of(ClaimMention.class)))
            .via(m -> KV.of(Math.floorMod(m.getClaimId().hashCode(), bucketCount), m)))
        .setCoder(KvCoder.of(VarIntCoder.of(), AvroCoder.of(ClaimMention.class)))
        .apply("CountPerClaim", Combine.perKey(new BucketOfClaimsFn(new DailyClaimFn(maxExamples, labelRows))))
        .apply("DailyRecords", FlatMapElements.into(TypeDescriptor.of(ClaimDailyCount.class)).via(KV::getValue))
        .setCoder(AvroCoder.of(ClaimDailyCount.class));
  }

  /**
   * Counts every claim of a bucket at once. Claims are grouped by a stable hash of their id into a
   * fixed number of buckets, not one group per claim: each group becomes a bundle downstream, and on
   * the Direct Runner a bundle per claim costs far more than the counting.
   */
  static final class BucketOfClaimsFn
      extends Combine.CombineFn<ClaimMention, TreeMap<String, Accumulator>, List<ClaimDailyCount>> {
    private final DailyClaimFn perClaim;

    BucketOfClaimsFn(DailyClaimFn perClaim) {
      this.perClaim = perClaim;
    }

    @Override
    public TreeMap<String, Accumulator> createAccumulator() {
      return new TreeMap<>();
    }

    @Override
    public TreeMap<String, Accumulator> addInput(TreeMap<String, Accumulator> claims, ClaimMention m) {
      perClaim.addInput(claims.computeIfAbsent(m.getClaimId(), id -> perClaim.createAccumulator()), m);
      return claims;
    }

    @Override
    public TreeMap<String, Accumulator> mergeAccumulators(Iterable<TreeMap<String, Accumulator>> accumulators) {
      TreeMap<String, Accumulator> merged = new TreeMap<>();
      for (TreeMap<String, Accumulator> claims : accumulators) {
        claims.forEach((id, acc) -> merged.merge(id, acc, (a, b) -> perClaim.mergeAccumulators(List.of(a, b))));
      }
      return merged;
    }

    @Override
    public List<ClaimDailyCount> extractOutput(TreeMap<String, Accumulator> claims) {
      List<ClaimDailyCount> out = new ArrayList<>(claims.size());
      claims.values().forEach(acc -> out.add(perClaim.extractOutput(acc)));
      return out;
    }

    @Override
    public Coder<TreeMap<String, Accumulator>> getAccumulatorCoder(CoderRegistry registry, Coder<ClaimMention> input) {
      return TreeCoders.treeMap(new AccumulatorCoder());
    }

    @Override
    public Coder<List<ClaimDailyCount>> getDefaultOutputCoder(CoderRegistry registry, Coder<ClaimMention> input) {
      return ListCoder.of(AvroCoder.of(ClaimDailyCount.class));
    }
  }

  /** What is known of one claim in one window so far. */
  static final class Accumulator {
    String day;
    String claimId;
    String claimKey;
    long attributed;
    long ownVoice;
    TreeSet<String> articles = new TreeSet<>();
    TreeSet<String> outlets = new TreeSet<>();
    /** "kind\tname" → mentions. */
    TreeMap<String, Long> sources = new TreeMap<>();
    String firstSeen;
    /** Per outlet, its smallest (articleId, text) example. */
    TreeMap<String, String[]> examples = new TreeMap<>();
    /** Per outlet, its distinct wordings (text → smallest articleId), for paraphrases. */
    TreeMap<String, TreeMap<String, String>> wordings = new TreeMap<>();
    /** Per independence unit (syndication group, or the article itself), mentions per article. */
    TreeMap<String, TreeMap<String, Long>> unitMentions = new TreeMap<>();
    /** Outlets with syndicated copies collapsed into their group. */
    TreeSet<String> independentOutlets = new TreeSet<>();
    /** "outlet\trelayedFrom" → mentions. */
    TreeMap<String, Long> relays = new TreeMap<>();
    /** The smallest claim key seen and its smallest wording. */
    String representativeKey;
    String representative;
  }

  static final class AccumulatorCoder extends CustomCoder<Accumulator> {
    private static final Coder<TreeMap<String, Long>> COUNTS = TreeCoders.treeMap(TreeCoders.LONG);
    private static final Coder<TreeMap<String, String[]>> EXAMPLES = TreeCoders.treeMap(new ExampleCoder());
    private static final Coder<TreeMap<String, TreeMap<String, String>>> WORDINGS =
        TreeCoders.treeMap(TreeCoders.treeMap(TreeCoders.STRING));
    private static final Coder<TreeMap<String, TreeMap<String, Long>>> UNIT_MENTIONS = TreeCoders.treeMap(COUNTS);

    @Override
    public void encode(Accumulator acc, OutputStream out) throws IOException {
      TreeCoders.NULLABLE_STRING.encode(acc.day, out);
      TreeCoders.NULLABLE_STRING.encode(acc.claimId, out);
      TreeCoders.NULLABLE_STRING.encode(acc.claimKey, out);
      TreeCoders.LONG.encode(acc.attributed, out);
      TreeCoders.LONG.encode(acc.ownVoice, out);
      TreeCoders.STRING_SET.encode(acc.articles, out);
      TreeCoders.STRING_SET.encode(acc.outlets, out);
      COUNTS.encode(acc.sources, out);
      TreeCoders.NULLABLE_STRING.encode(acc.firstSeen, out);
      EXAMPLES.encode(acc.examples, out);
      WORDINGS.encode(acc.wordings, out);
      UNIT_MENTIONS.encode(acc.unitMentions, out);
      TreeCoders.STRING_SET.encode(acc.independentOutlets, out);
      COUNTS.encode(acc.relays, out);
      TreeCoders.NULLABLE_STRING.encode(acc.representativeKey, out);
      TreeCoders.NULLABLE_STRING.encode(acc.representative, out);
    }

    @Override
    public Accumulator decode(InputStream in) throws IOException {
      Accumulator acc = new Accumulator();
      acc.day = TreeCoders.NULLABLE_STRING.decode(in);
      acc.claimId = TreeCoders.NULLABLE_STRING.decode(in);
      acc.claimKey = TreeCoders.NULLABLE_STRING.decode(in);
      acc.attributed = TreeCoders.LONG.decode(in);
      acc.ownVoice = TreeCoders.LONG.decode(in);
      acc.articles = TreeCoders.STRING_SET.decode(in);
      acc.outlets = TreeCoders.STRING_SET.decode(in);
      acc.sources = COUNTS.decode(in);
      acc.firstSeen = TreeCoders.NULLABLE_STRING.decode(in);
      acc.examples = EXAMPLES.decode(in);
      acc.wordings = WORDINGS.decode(in);
      acc.unitMentions = UNIT_MENTIONS.decode(in);
      acc.independentOutlets = TreeCoders.STRING_SET.decode(in);
      acc.relays = COUNTS.decode(in);
      acc.representativeKey = TreeCoders.NULLABLE_STRING.decode(in);
      acc.representative = TreeCoders.NULLABLE_STRING.decode(in);
      return acc;
    }

    @Override
    public void verifyDeterministic() {}
  }

  /** An example: {articleId, text}. */
  private static final class ExampleCoder extends CustomCoder<String[]> {
    @Override
    public void encode(String[] example, OutputStream out) throws IOException {
      TreeCoders.STRING.encode(example[0], out);
      TreeCoders.STRING.encode(example[1], out);
    }

    @Override
    public String[] decode(InputStream in) throws IOException {
      return new String[] {TreeCoders.STRING.decode(in), TreeCoders.STRING.decode(in)};
    }

    @Override
    public void verifyDeterministic() {}
  }

  static final class DailyClaimFn extends Combine.CombineFn<ClaimMention, Accumulator, ClaimDailyCount> {
    static final int MAX_PARAPHRASES = 5;
    private final int maxExamples;
    private final boolean labelRows;

    DailyClaimFn(int maxExamples, boolean labelRows) {
      this.maxExamples = maxExamples;
      this.labelRows = labelRows;
    }

    @Override
    public Accumulator createAccumulator() {
      return new Accumulator();
    }

    @Override
    public Accumulator addInput(Accumulator acc, ClaimMention m) {
      acc.day = min(acc.day, m.getDay());
      acc.claimId = m.getClaimId();
      // Paraphrases share an id but not a key: the row shows the smallest, whatever the order.
      acc.claimKey = min(acc.claimKey, m.getClaimKey());
      if (m.getAttributed()) {
        acc.attributed++;
      } else {
        acc.ownVoice++;
      }
      acc.articles.add(m.getArticleId());
      acc.outlets.add(m.getOutlet());
      String group = m.getSyndicationGroup();
      acc.unitMentions.computeIfAbsent(group != null ? group : m.getArticleId(), u -> new TreeMap<>())
          .merge(m.getArticleId(), 1L, Long::sum);
      acc.independentOutlets.add(group != null ? "copies of " + group : m.getOutlet());
      if (m.getRelayedFrom() != null) {
        acc.relays.merge(m.getOutlet() + "\t" + m.getRelayedFrom(), 1L, Long::sum);
      }
      if (m.getSource() != null) {
        acc.sources.merge(m.getSource().getKind() + "\t" + m.getSource().getName(), 1L, Long::sum);
      }
      acc.firstSeen = earlier(acc.firstSeen, m.getPublishedAt());
      offerExample(acc, m.getOutlet(), new String[] {m.getArticleId(), m.getContent().getText()});
      offerWording(acc, m.getOutlet(), m.getContent().getText(), m.getArticleId());
      offerRepresentative(acc, m.getClaimKey(), m.getContent().getText());
      return acc;
    }

    @Override
    public Accumulator mergeAccumulators(Iterable<Accumulator> accumulators) {
      Accumulator merged = new Accumulator();
      for (Accumulator acc : accumulators) {
        if (acc.claimId == null) {
          continue;
        }
        merged.day = min(merged.day, acc.day);
        merged.claimId = acc.claimId;
        merged.claimKey = min(merged.claimKey, acc.claimKey);
        merged.attributed += acc.attributed;
        merged.ownVoice += acc.ownVoice;
        merged.articles.addAll(acc.articles);
        merged.outlets.addAll(acc.outlets);
        acc.unitMentions.forEach((unit, perArticle) -> perArticle.forEach((article, n) ->
            merged.unitMentions.computeIfAbsent(unit, u -> new TreeMap<>()).merge(article, n, Long::sum)));
        merged.independentOutlets.addAll(acc.independentOutlets);
        acc.relays.forEach((k, v) -> merged.relays.merge(k, v, Long::sum));
        acc.sources.forEach((k, v) -> merged.sources.merge(k, v, Long::sum));
        merged.firstSeen = earlier(merged.firstSeen, acc.firstSeen);
        acc.examples.forEach((outlet, example) -> offerExample(merged, outlet, example));
        acc.wordings.forEach((outlet, texts) -> texts.forEach((text, article) -> offerWording(merged, outlet, text, article)));
        offerRepresentative(merged, acc.representativeKey, acc.representative);
      }
      return merged;
    }

    @Override
    public ClaimDailyCount extractOutput(Accumulator acc) {
      List<SourceCount> sources = new ArrayList<>();
      for (Map.Entry<String, Long> e : acc.sources.entrySet()) {
        int tab = e.getKey().indexOf('\t');
        sources.add(new SourceCount(e.getKey().substring(tab + 1),
            SourceKind.valueOf(e.getKey().substring(0, tab)), e.getValue()));
      }
      sources.sort((a, b) -> Long.compare(b.getMentions(), a.getMentions()));
      List<Example> examples = new ArrayList<>();
      for (Map.Entry<String, String[]> e : acc.examples.entrySet()) {
        if (examples.size() == maxExamples) {
          break;
        }
        examples.add(new Example(e.getValue()[0], e.getKey(), e.getValue()[1]));
      }
      List<Example> paraphrases = new ArrayList<>();
      java.util.Set<String> texts = new java.util.HashSet<>();
      for (Map.Entry<String, TreeMap<String, String>> outlet : acc.wordings.entrySet()) {
        for (Map.Entry<String, String> wording : outlet.getValue().entrySet()) {
          if (paraphrases.size() < MAX_PARAPHRASES && texts.add(wording.getKey())) {
            paraphrases.add(new Example(wording.getValue(), outlet.getKey(), wording.getKey()));
            break;
          }
        }
      }
      long independentMentions = 0;
      for (TreeMap<String, Long> perArticle : acc.unitMentions.values()) {
        independentMentions += perArticle.values().stream().mapToLong(Long::longValue).max().orElse(0);
      }
      List<RelayCount> relays = new ArrayList<>();
      acc.relays.forEach((key, n) -> {
        int tab = key.indexOf('\t');
        relays.add(new RelayCount(key.substring(0, tab), key.substring(tab + 1), n));
      });
      relays.sort((a, b) -> Long.compare(b.getMentions(), a.getMentions()));
      return ClaimDailyCount.newBuilder()
          .setDay(acc.day)
          .setClaimId(acc.claimId)
          .setClaimKey(acc.claimKey)
          .setLabel(labelRows ? acc.claimKey : null)
          .setMentions(acc.attributed + acc.ownVoice)
          .setIndependentMentions(independentMentions)
          .setIndependentOutlets(acc.independentOutlets.size())
          .setRelays(relays)
          .setAttributedMentions(acc.attributed)
          .setOwnVoiceMentions(acc.ownVoice)
          .setArticles(acc.articles.size())
          .setOutlets(acc.outlets.size())
          .setOutletNames(new ArrayList<>(acc.outlets))
          .setSources(sources)
          .setFirstSeen(acc.firstSeen)
          .setExamples(examples)
          .setRepresentative(acc.representative)
          .setParaphrases(paraphrases)
          .build();
    }


    /** Keeps, per outlet, its first few distinct wordings: enough to find one unlike other outlets'. */
    private static void offerWording(Accumulator acc, String outlet, String text, String articleId) {
      TreeMap<String, String> texts = acc.wordings.computeIfAbsent(outlet, o -> new TreeMap<>());
      texts.merge(text, articleId, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      if (texts.size() > MAX_PARAPHRASES) {
        texts.pollLastEntry();
      }
    }

    private static void offerRepresentative(Accumulator acc, String key, String text) {
      if (key == null) {
        return;
      }
      int byKey = acc.representativeKey == null ? -1 : key.compareTo(acc.representativeKey);
      if (byKey < 0 || byKey == 0 && text.compareTo(acc.representative) < 0) {
        acc.representativeKey = key;
        acc.representative = text;
      }
    }

    private static void offerExample(Accumulator acc, String outlet, String[] example) {
      acc.examples.merge(outlet, example, (a, b) -> compare(a, b) <= 0 ? a : b);
    }

    private static int compare(String[] a, String[] b) {
      int byArticle = a[0].compareTo(b[0]);
      return byArticle != 0 ? byArticle : a[1].compareTo(b[1]);
    }

    private static String min(String a, String b) {
      return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    private static String earlier(String a, String b) {
      if (a == null || b == null) {
        return a == null ? b : a;
      }
      return Instant.parse(a).isAfter(Instant.parse(b)) ? b : a;
    }
  }
}
