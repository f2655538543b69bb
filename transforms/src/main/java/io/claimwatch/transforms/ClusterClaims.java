package io.claimwatch.transforms;

import io.claimwatch.nlp.ClaimKeys;
import io.claimwatch.nlp.claims.ClaimEmbeddings;
import io.claimwatch.nlp.claims.ClaimMatcher;
import io.claimwatch.nlp.claims.ClaimSignature;
import io.claimwatch.nlp.claims.MinHashBands;
import io.claimwatch.nlp.claims.ParaphraseClusters;
import io.claimwatch.schemas.ClaimMention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Gives paraphrases of one claim one id, at scale: distinct claim keys are blocked by MinHash bands
 * (no all-pairs comparison), candidate pairs inside a block are verified by a {@link ClaimMatcher}
 * that respects negation and numbers, and the verified pairs form {@link ParaphraseClusters}: every
 * member of a cluster was verified the same claim as its representative.
 * A mention's {@code claimId} becomes the id of its cluster's representative key, so the same input
 * gives the same ids on every runner, across all the days of a run. Only verified pairs are gathered
 * in one place; keys without a paraphrase keep their own id.
 *
 * <p>Two outlets cut one statement's content differently (one attributes a clause, the other states
 * the whole sentence in its own voice), so a mention's sentence key (its whole sentence, source and
 * cue included) is blocked and verified alongside the claim keys: a verified pair that holds a
 * sentence counts as a pair of that sentence's claims, unless the other side is another claim
 * stated in that same sentence. Sentence keys are marked so that they sort
 * after every claim key, so a sentence names a cluster only when no claim key is in it. A noun
 * phrase ("the allegations") is only a topic, and its key is shared by every sentence naming it:
 * its sentence stands for it, and its mention takes the id of that sentence's cluster.
 */
public final class ClusterClaims extends PTransform<PCollection<ClaimMention>, PCollection<ClaimMention>> {
  private static final MinHashBands BANDS = new MinHashBands(16, 2);

  private final ClaimMatcher matcher;
  private final int buckets;
  private final int maxBlockSize;
  private final double clusterSupport;

  /**
   * @param buckets groups keys and blocks are spread over
   * @param maxBlockSize blocks larger than this are compared only among their first keys (in key
   *     order), counted in the metric {@code oversizedBlocks}: a block that large means a too common
   *     band, whose pairs are rarely paraphrases
   * @param clusterSupport the share of a cluster's members a claim key must have been verified
   *     against to join it (see {@link ParaphraseClusters#ParaphraseClusters(double)})
   */
  public ClusterClaims(ClaimMatcher matcher, int buckets, int maxBlockSize, double clusterSupport) {
    this.matcher = matcher;
    this.buckets = buckets;
    this.maxBlockSize = maxBlockSize;
    // Checked while the graph is built, not when the clustering step runs.
    this.clusterSupport = ParaphraseClusters.checkedSupport(clusterSupport);
  }

  /** Marks a sentence key as a graph node; sorts after any claim key, whose characters are letters and digits. */
  static final String SENTENCE_NODE = "\uffff";

  @Override
  public PCollection<ClaimMention> expand(PCollection<ClaimMention> mentions) {
    int bucketCount = buckets;
    PCollection<String> nodes = mentions
        .apply("NodesByBucket", FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.strings()))
            .via((ClaimMention m) -> {
              List<KV<Integer, String>> keyed = new ArrayList<>(2);
              for (String node : nodesOf(m)) {
                keyed.add(KV.of(bucketOf(node, bucketCount), node));
              }
              return keyed;
            }))
        .apply("DistinctNodesPerBucket", Combine.perKey(new DistinctKeysFn()))
        .apply("DistinctNodes", FlatMapElements.into(TypeDescriptors.strings()).via(KV::getValue));

    PCollection<KV<String, String>> pairs = nodes
        .apply("BlockByMinHash", FlatMapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings())))
            .via((String node) -> {
              List<KV<Integer, KV<String, String>>> blocked = new ArrayList<>();
              for (String band : BANDS.bandKeys(ClaimSignature.of(keyOf(node)).terms())) {
                blocked.add(KV.of(bucketOf(band, bucketCount), KV.of(band, node)));
              }
              return blocked;
            }))
        .setCoder(KvCoder.of(VarIntCoder.of(), STRING_PAIR))
        .apply("GroupBlocks", GroupByKey.create())
        .apply("VerifyCandidatePairs", ParDo.of(new VerifyPairsFn(matcher, maxBlockSize)))
        .setCoder(STRING_PAIR);

    // The claims stated in each sentence that matched another.
    PCollection<KV<String, String>> matchedSentences = pairs
        .apply("MatchedSentences", FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((KV<String, String> pair) -> {
              List<KV<String, String>> sentences = new ArrayList<>(2);
              for (String node : List.of(pair.getKey(), pair.getValue())) {
                if (node.startsWith(SENTENCE_NODE)) {
                  sentences.add(KV.of(node, MATCHED));
                }
              }
              return sentences;
            }));
    PCollection<KV<String, String>> sentenceClaims = mentions
        .apply("SentenceClaims", FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((ClaimMention m) -> {
              String sentence = sentenceNodeOf(m);
              return sentence == null ? List.<KV<String, String>>of() : List.of(KV.of(sentence, identityOf(m)));
            }));
    PCollection<KV<String, String>> links = PCollectionList.of(matchedSentences).and(sentenceClaims)
        .apply("SentencesAndClaims", Flatten.pCollections())
        // Grouped by bucket, not by sentence: every group is a bundle on the Direct Runner.
        .apply("SentencesByBucket", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings())))
            .via((KV<String, String> link) -> KV.of(bucketOf(link.getKey(), bucketCount), link)))
        .setCoder(KvCoder.of(VarIntCoder.of(), STRING_PAIR))
        .apply("GroupSentenceBuckets", GroupByKey.create())
        .apply("LinkMatchedSentencesToClaims", ParDo.of(new LinkSentenceFn()))
        .setCoder(STRING_PAIR);

    // Claim key → representative, for claim keys in a cluster; the pairs and the sentences' claims
    // meet in one clustering, on one worker (far fewer than the mentions: on 10k news articles,
    // 329,883 mentions, 22,046 verified pairs, 18,919 other claims of sentences). The mentions meet
    // the representatives by grouping, not through a side input: waiting for one, the Direct
    // Runner now and then never resumed them (README, "A hang, and its fix").
    PCollectionView<Iterable<KV<String, String>>> pairsView = pairs.apply("PairsAsView", View.asIterable());
    PCollectionView<Iterable<KV<String, String>>> linksView = links.apply("SentenceLinksAsView", View.asIterable());
    PCollectionView<Iterable<KV<String, String>>> withinView = claimsWithinSentences(mentions, bucketCount)
        .apply("ClaimsWithinSentencesAsView", View.asIterable());
    PCollection<KV<Integer, KV<String, String>>> representatives = mentions.getPipeline()
        .apply("OneClustering", Create.of(0).withCoder(VarIntCoder.of()))
        .apply("ClusterParaphrases", ParDo.of(new ClusterParaphrasesFn(clusterSupport, pairsView, linksView, withinView))
            .withSideInputs(pairsView, linksView, withinView))
        .setCoder(STRING_PAIR)
        .apply("RepresentativesByBucket", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings())))
            .via((KV<String, String> claim) -> KV.of(bucketOf(claim.getKey(), bucketCount), claim)))
        .setCoder(KvCoder.of(VarIntCoder.of(), STRING_PAIR));
    PCollection<KV<Integer, ClaimMention>> mentionsByBucket = mentions
        .apply("MentionsByBucket", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptor.of(ClaimMention.class)))
            .via((ClaimMention m) -> {
              String identity = identityOf(m);
              return KV.of(identity == null ? 0 : bucketOf(identity, bucketCount), m);
            }))
        .setCoder(KvCoder.of(VarIntCoder.of(), AvroCoder.of(ClaimMention.class)));
    return KeyedPCollectionTuple
        .of(REPRESENTATIVES, representatives.apply("KeepRepresentativeTimestamps", keepEarliestTimestamp()))
        .and(MENTIONS, mentionsByBucket.apply("KeepMentionTimestamps", keepEarliestTimestamp()))
        .apply("GroupMentionsWithRepresentatives", CoGroupByKey.create())
        .apply("AssignClusterIds", ParDo.of(new AssignClusterIdFn()))
        .setCoder(AvroCoder.of(ClaimMention.class));
  }

  /** The input timestamps kept through a grouping (not the window's end), so event time can be set downstream. */
  private static <T> Window<KV<Integer, T>> keepEarliestTimestamp() {
    return Window.<KV<Integer, T>>configure().withTimestampCombiner(TimestampCombiner.EARLIEST);
  }

  private static final TupleTag<KV<String, String>> REPRESENTATIVES = new TupleTag<>() {};
  private static final TupleTag<ClaimMention> MENTIONS = new TupleTag<>() {};

  /**
   * For each attributed sentence whose node a mention carries: (node, claim) for every other claim
   * stated in that sentence. A sentence contains each of its claims, so it matches them; such a pair
   * must not count as a pair of the sentence's main claim and the other ("She signed a
   * confidentiality agreement" and "Trump had silenced his former wife", one sentence): a sentence's
   * node is there to meet other outlets' cuts of the same statement.
   */
  static PCollection<KV<String, String>> claimsWithinSentences(PCollection<ClaimMention> mentions, int buckets) {
    return mentions
        .apply("AttributedBySentence", FlatMapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(),
                TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))))
            .via((ClaimMention m) -> {
              String identity = identityOf(m);
              if (!m.getAttributed() || identity == null) {
                return List.<KV<Integer, KV<String, KV<String, String>>>>of();
              }
              String sentence = m.getArticleId() + "#" + m.getSentence().getStart();
              String node = sentenceNodeOf(m);
              // The sentence's node if this mention carries it (else empty), and the claim stated.
              KV<String, String> nodeAndClaim = KV.of(node == null ? "" : node, identity);
              return List.of(KV.of(bucketOf(sentence, buckets), KV.of(sentence, nodeAndClaim)));
            }))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), STRING_PAIR)))
        .apply("GroupSentenceMentions", GroupByKey.create())
        .apply("OtherClaimsOfSentences", ParDo.of(new ClaimsWithinSentencesFn()))
        .setCoder(STRING_PAIR);
  }

  private static final Coder<KV<String, String>> STRING_PAIR = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());

  /** The shuffle bucket of a key: the same on every worker and runner. */
  static int bucketOf(String key, int buckets) {
    return Math.floorMod(key.hashCode(), buckets);
  }

  /** Groups a bucket's mentions by sentence; emits (node, claim) for each claim of a sentence with a node besides the node's own. */
  static final class ClaimsWithinSentencesFn extends DoFn<KV<Integer, Iterable<KV<String, KV<String, String>>>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, KV<String, String>>>> bucket, OutputReceiver<KV<String, String>> out) {
      Map<String, Map<String, String>> nodes = new HashMap<>();
      Map<String, TreeSet<String>> claims = new HashMap<>();
      for (KV<String, KV<String, String>> mention : bucket.getValue()) {
        String node = mention.getValue().getKey();
        String claim = mention.getValue().getValue();
        if (!node.isEmpty()) {
          nodes.computeIfAbsent(mention.getKey(), k -> new TreeMap<>()).put(node, claim);
        }
        claims.computeIfAbsent(mention.getKey(), k -> new TreeSet<>()).add(claim);
      }
      nodes.forEach((sentence, sentenceNodes) -> sentenceNodes.forEach((node, ownClaim) -> {
        for (String claim : claims.get(sentence)) {
          if (!claim.equals(ownClaim)) {
            out.output(KV.of(node, claim));
          }
        }
      }));
    }
  }

  /**
   * Clusters the claim keys of the verified pairs, a sentence standing for the claims stated in it
   * (its links), on the single element it is given; a sentence's pair with another claim stated in
   * that same sentence is left out.
   */
  static final class ClusterParaphrasesFn extends DoFn<Integer, KV<String, String>> {
    private final Counter withinASentence = Metrics.counter(ClusterClaims.class, "pairsWithinASentence");
    private final double support;
    private final PCollectionView<Iterable<KV<String, String>>> pairs;
    private final PCollectionView<Iterable<KV<String, String>>> links;
    private final PCollectionView<Iterable<KV<String, String>>> claimsWithin;

    ClusterParaphrasesFn(double support, PCollectionView<Iterable<KV<String, String>>> pairs,
        PCollectionView<Iterable<KV<String, String>>> links, PCollectionView<Iterable<KV<String, String>>> claimsWithin) {
      this.support = support;
      this.pairs = pairs;
      this.links = links;
      this.claimsWithin = claimsWithin;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      Map<String, Set<String>> claimsOfSentence = new HashMap<>();
      for (KV<String, String> link : context.sideInput(links)) {
        claimsOfSentence.computeIfAbsent(link.getValue(), sentence -> new TreeSet<>()).add(link.getKey());
      }
      Map<String, Set<String>> otherClaimsOfSentence = new HashMap<>();
      for (KV<String, String> within : context.sideInput(claimsWithin)) {
        otherClaimsOfSentence.computeIfAbsent(within.getKey(), sentence -> new HashSet<>()).add(within.getValue());
      }
      ParaphraseClusters clusters = new ParaphraseClusters(support);
      for (KV<String, String> pair : context.sideInput(pairs)) {
        boolean sentenceA = pair.getKey().startsWith(SENTENCE_NODE);
        boolean sentenceB = pair.getValue().startsWith(SENTENCE_NODE);
        if (!sentenceA && !sentenceB) {
          clusters.addPair(pair.getKey(), pair.getValue());
          continue;
        }
        if (sentenceA != sentenceB) {
          String sentence = sentenceA ? pair.getKey() : pair.getValue();
          String claim = sentenceA ? pair.getValue() : pair.getKey();
          if (otherClaimsOfSentence.getOrDefault(sentence, Set.of()).contains(claim)) {
            withinASentence.inc();
            continue;
          }
        }
        for (String a : claimsOf(pair.getKey(), claimsOfSentence)) {
          for (String b : claimsOf(pair.getValue(), claimsOfSentence)) {
            clusters.addSentencePair(a, b);
          }
        }
      }
      clusters.representatives().forEach((claim, representative) -> context.output(KV.of(claim, representative)));
    }

    private static Set<String> claimsOf(String node, Map<String, Set<String>> claimsOfSentence) {
      return node.startsWith(SENTENCE_NODE) ? claimsOfSentence.getOrDefault(node, Set.of()) : Set.of(node);
    }
  }

  /** Marks, in a sentence's group, that the sentence matched another (no claim key is empty there). */
  private static final String MATCHED = "";

  /** The graph nodes of a mention: its identity, and its marked sentence key if that is another node. */
  static List<String> nodesOf(ClaimMention mention) {
    String identity = identityOf(mention);
    String sentence = sentenceNodeOf(mention);
    if (identity == null) {
      return List.of();
    }
    return sentence == null || sentence.equals(identity) ? List.of(identity) : List.of(identity, sentence);
  }

  /**
   * The node whose cluster names a mention's claim: its claim key, or for a noun phrase its marked
   * sentence key (null without one). A noun phrase's key is shared by every sentence naming the same
   * thing, so one sentence's match must not move them all: its sentence stands for it.
   */
  static String identityOf(ClaimMention mention) {
    return mention.getNounPhrase() ? sentenceNodeOf(mention) : mention.getClaimKey();
  }

  /** The marked sentence key of a mention that has a claim key and a sentence key, else null. */
  static String sentenceNodeOf(ClaimMention mention) {
    String sentenceKey = mention.getSentenceKey();
    return sentenceKey == null || mention.getClaimKey().isEmpty() ? null : SENTENCE_NODE + sentenceKey;
  }

  static String keyOf(String node) {
    return node.startsWith(SENTENCE_NODE) ? node.substring(SENTENCE_NODE.length()) : node;
  }

  /** For a sentence that matched another: one edge to each distinct claim stated in it. */
  static final class LinkSentenceFn extends DoFn<KV<Integer, Iterable<KV<String, String>>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, String>>> bucket, OutputReceiver<KV<String, String>> out) {
      TreeMap<String, TreeSet<String>> claimsOfSentence = new TreeMap<>();
      Set<String> matched = new HashSet<>();
      for (KV<String, String> link : bucket.getValue()) {
        if (link.getValue().equals(MATCHED)) {
          matched.add(link.getKey());
        } else {
          claimsOfSentence.computeIfAbsent(link.getKey(), sentence -> new TreeSet<>()).add(link.getValue());
        }
      }
      claimsOfSentence.forEach((sentence, claims) -> {
        if (matched.contains(sentence)) {
          claims.forEach(claim -> out.output(KV.of(claim, sentence)));
        }
      });
    }
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

    /** Compact, not Java serialization: the Direct Runner clones accumulators as grouping state. */
    @Override
    public Coder<TreeSet<String>> getAccumulatorCoder(CoderRegistry registry, Coder<String> input) {
      return TreeCoders.STRING_SET;
    }
  }

  /**
   * Compares the keys that share a band, emitting each verified pair once per block as (smaller,
   * larger); counts the keys the matcher had to embed ({@code embeddedClaimKeys}), its main cost.
   */
  static final class VerifyPairsFn extends DoFn<KV<Integer, Iterable<KV<String, String>>>, KV<String, String>> {
    private final Counter comparisons = Metrics.counter(ClusterClaims.class, "candidateComparisons");
    private final Counter verified = Metrics.counter(ClusterClaims.class, "verifiedPairs");
    private final Counter oversized = Metrics.counter(ClusterClaims.class, "oversizedBlocks");
    private final Counter embedded = Metrics.counter(ClusterClaims.class, "embeddedClaimKeys");
    private final ClaimMatcher matcher;
    private final int maxBlockSize;

    VerifyPairsFn(ClaimMatcher matcher, int maxBlockSize) {
      this.matcher = matcher;
      this.maxBlockSize = maxBlockSize;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<KV<String, String>>> bucket, OutputReceiver<KV<String, String>> out) {
      long embeddedBefore = ClaimEmbeddings.embeddedOnThisThread();
      Map<String, TreeSet<String>> blocks = new HashMap<>();
      for (KV<String, String> bandAndKey : bucket.getValue()) {
        blocks.computeIfAbsent(bandAndKey.getKey(), b -> new TreeSet<>()).add(bandAndKey.getValue());
      }
      // A pair shares several bands, so several blocks: compare it once per bucket.
      Map<String, ClaimMatcher.Claim> claims = new HashMap<>();
      Map<String, Set<String>> compared = new HashMap<>();
      for (TreeSet<String> block : blocks.values()) {
        List<String> keys = new ArrayList<>(block);
        if (keys.size() > maxBlockSize) {
          oversized.inc();
          keys = keys.subList(0, maxBlockSize);
        }
        for (int i = 0; i < keys.size(); i++) {
          String a = keys.get(i);
          Set<String> comparedWithA = compared.computeIfAbsent(a, k -> new HashSet<>());
          ClaimMatcher.Claim claimA = claims.computeIfAbsent(a, node -> ClaimMatcher.Claim.of(keyOf(node)));
          for (int j = i + 1; j < keys.size(); j++) {
            String b = keys.get(j);
            if (comparedWithA.add(b)) {
              comparisons.inc();
              if (matcher.same(claimA, claims.computeIfAbsent(b, node -> ClaimMatcher.Claim.of(keyOf(node))))) {
                verified.inc();
                out.output(KV.of(a, b));
              }
            }
          }
        }
      }
      embedded.inc(ClaimEmbeddings.embeddedOnThisThread() - embeddedBefore);
    }
  }

  /** Gives each mention of a bucket whose claim is in a cluster the id of the cluster's representative. */
  static final class AssignClusterIdFn extends DoFn<KV<Integer, CoGbkResult>, ClaimMention> {
    @ProcessElement
    public void process(@Element KV<Integer, CoGbkResult> bucket, OutputReceiver<ClaimMention> out) {
      Map<String, String> representatives = new HashMap<>();
      for (KV<String, String> claim : bucket.getValue().getAll(REPRESENTATIVES)) {
        representatives.put(claim.getKey(), claim.getValue());
      }
      for (ClaimMention mention : bucket.getValue().getAll(MENTIONS)) {
        // A noun phrase without a sentence key keeps the id of its own key.
        String identity = identityOf(mention);
        String representative = identity == null ? null : representatives.get(identity);
        if (representative == null) {
          out.output(mention);
        } else {
          ClaimMention clustered = MentionCopies.shallowCopy(mention);
          clustered.setClaimId(ClaimKeys.id(keyOf(representative)));
          out.output(clustered);
        }
      }
    }
  }
}
