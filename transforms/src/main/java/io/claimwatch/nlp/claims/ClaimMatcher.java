package io.claimwatch.nlp.claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

/**
 * Decides whether two claims say the same thing. Never when one denies what the other asserts, when
 * each states a number the other lacks, when they share fewer than three distinctive terms or fewer
 * than a quarter of their terms together; otherwise a small
 * neural network (one hidden layer of tanh units over standardized inputs) decides from lexical
 * evidence — term overlap (Jaccard, and shared terms as a share of each side, plain and weighted by
 * {@link TermWeights}), shared word pairs and triples, shared character 4-grams, order (longest
 * common subsequence), length difference, unmatched terms, whether the numbers agree — and from the
 * claims' embedding similarity ({@link ClaimEmbeddings}). Word overlap and meaning interact (high
 * overlap with low similarity is a changed detail), which a linear model cannot express.
 *
 * <p>The network is fitted on 70% of the MSRP training pairs by {@code
 * io.claimwatch.evaluation.TrainClaimMatcher}, which writes {@value #RESOURCE} (the other 30% are
 * held out for the figures in the README): 20 networks from different starts, stored as one whose
 * score is their mean ({@link #average}). The embedding is the expensive input, so it is computed
 * only when the bounds of the network's output over all similarities in [0, 1] straddle the
 * threshold.
 */
public final class ClaimMatcher implements Serializable {
  static final String RESOURCE = "/io/claimwatch/nlp/claims/claim-matcher.txt";
  public static final int FEATURES = 22;
  /** The last feature, the claims' embedding similarity. */
  private static final int SEMANTIC = FEATURES - 1;

  public static final ClaimMatcher DEFAULT = load();

  private final double[] mean;
  private final double[] scale;
  private final double[][] hiddenWeights;
  private final double[] hiddenBias;
  private final double[] outputWeights;
  private final double outputBias;
  private final double threshold;

  /**
   * @param hiddenWeights one row of {@link #FEATURES} weights per hidden unit, over inputs
   *     standardized by {@code mean} and {@code scale}
   * @param threshold the probability above which two claims are the same
   */
  public ClaimMatcher(double[] mean, double[] scale, double[][] hiddenWeights, double[] hiddenBias,
      double[] outputWeights, double outputBias, double threshold) {
    if (mean.length != FEATURES || scale.length != FEATURES || hiddenWeights.length != hiddenBias.length
        || hiddenWeights.length != outputWeights.length) {
      throw new IllegalArgumentException("inconsistent matcher dimensions");
    }
    for (double[] row : hiddenWeights) {
      if (row.length != FEATURES) {
        throw new IllegalArgumentException("need " + FEATURES + " weights per hidden unit");
      }
    }
    this.mean = mean.clone();
    this.scale = scale.clone();
    this.hiddenWeights = hiddenWeights.clone();
    this.hiddenBias = hiddenBias.clone();
    this.outputWeights = outputWeights.clone();
    this.outputBias = outputBias;
    this.threshold = threshold;
  }

  /**
   * One network whose score is the mean of the members' scores (log-odds): their hidden units side by
   * side, each member's output weights divided by their number. The members must standardize their
   * inputs alike (fitted on the same rows); the first one's threshold is kept.
   */
  public static ClaimMatcher average(List<ClaimMatcher> members) {
    ClaimMatcher first = members.get(0);
    List<double[]> hiddenWeights = new ArrayList<>();
    List<Double> hiddenBias = new ArrayList<>();
    List<Double> outputWeights = new ArrayList<>();
    double outputBias = 0;
    for (ClaimMatcher member : members) {
      if (!Arrays.equals(member.mean, first.mean) || !Arrays.equals(member.scale, first.scale)) {
        throw new IllegalArgumentException("members standardize their inputs differently");
      }
      for (int h = 0; h < member.hiddenBias.length; h++) {
        hiddenWeights.add(member.hiddenWeights[h]);
        hiddenBias.add(member.hiddenBias[h]);
        outputWeights.add(member.outputWeights[h] / members.size());
      }
      outputBias += member.outputBias / members.size();
    }
    return new ClaimMatcher(first.mean, first.scale, hiddenWeights.toArray(new double[0][]),
        hiddenBias.stream().mapToDouble(Double::doubleValue).toArray(),
        outputWeights.stream().mapToDouble(Double::doubleValue).toArray(), outputBias, first.threshold);
  }

  /** The same network with another threshold. */
  public ClaimMatcher withThreshold(double newThreshold) {
    return new ClaimMatcher(mean, scale, hiddenWeights, hiddenBias, outputWeights, outputBias, newThreshold);
  }

  /**
   * Fewer shared terms than this is a topic in common, not a claim: "the police" vs "police videos".
   * Only distinctive terms count: not the negation, not a term most reference articles hold ({@link
   * TermWeights#isCommon}: "say", "make", "new", and in the shipped table the 2016 race's "trump" and
   * "clinton"). "trump clinton win party primary tennessee" and "headwind ahead trump clinton prevail
   * primary" share a story's names, not a claim.
   */
  static final int MIN_SHARED_TERMS = 3;

  /**
   * Below this share of the two claims' terms together (Jaccard), news claims that pass the network
   * share a story's names, not a claim: "clinton win south dakota democratic primary … sanders" vs
   * "rival bernie sanders vanquish, democratic nominee hillary clinton …" (0.17). In 60 verified pairs
   * of a 10k PolNeAR run, drawn across the network's scores and read by hand, every pair stating one
   * claim had at least 0.25, and 33 of the 40 that did not had less. See the README for MSRP.
   */
  static final double MIN_TERM_JACCARD = 0.25;

  public boolean same(String keyA, String keyB) {
    return same(Claim.of(keyA), Claim.of(keyB));
  }

  /**
   * A claim key with what the matcher reads from it, computed once: in a block one key meets many
   * candidates, and parsing it again for each comparison cost as much as the comparison.
   */
  public static final class Claim {
    private final String key;
    private final ClaimSignature signature;
    private final String[] words;
    // Sorted and distinct, compared by merging: compact, since a bucket keeps its claims in memory.
    private final String[] bigrams;
    private final String[] trigrams;
    private final long[] characterGrams;
    private final double weight;

    private Claim(String key) {
      this.key = key;
      this.signature = ClaimSignature.of(key);
      String plain = ClaimSignature.plain(key);
      this.words = plain.isEmpty() ? new String[0] : plain.split(" ");
      this.bigrams = ngrams(words, 2);
      this.trigrams = ngrams(words, 3);
      this.characterGrams = characterGrams(plain);
      this.weight = totalWeight(signature.terms(), TermWeights.shipped());
    }

    public static Claim of(String claimKey) {
      return new Claim(claimKey);
    }
  }

  public boolean same(Claim claimA, Claim claimB) {
    ClaimSignature a = claimA.signature;
    ClaimSignature b = claimB.signature;
    if (vetoed(a, b)) {
      return false;
    }
    double[] lexicalSums = lexicalSums(lexicalFeatures(claimA, claimB));
    double decisionScore = Math.log(threshold / (1 - threshold));
    // Bounds of the output score over every similarity in [0, 1]: each hidden unit is monotone in it.
    double low = outputBias;
    double high = outputBias;
    for (int h = 0; h < hiddenBias.length; h++) {
      double atZero = Math.tanh(preActivation(h, lexicalSums, 0));
      double atOne = Math.tanh(preActivation(h, lexicalSums, 1));
      low += outputWeights[h] * (outputWeights[h] >= 0 ? Math.min(atZero, atOne) : Math.max(atZero, atOne));
      high += outputWeights[h] * (outputWeights[h] >= 0 ? Math.max(atZero, atOne) : Math.min(atZero, atOne));
    }
    if (high <= decisionScore) {
      return false;
    }
    if (low > decisionScore) {
      return true;
    }
    return score(lexicalSums, similarity(claimA.key, claimB.key)) > decisionScore;
  }

  /**
   * The hard vetoes, before the network: one claim denies what the other asserts, the numbers
   * disagree, too few distinctive terms are shared, or too small a share of all terms.
   */
  static boolean vetoed(ClaimSignature a, ClaimSignature b) {
    return a.negative() != b.negative() || numbersDisagree(a, b)
        || sharedDistinctiveTerms(a, b) < MIN_SHARED_TERMS || termJaccard(a, b) < MIN_TERM_JACCARD;
  }

  /**
   * Each claim states a number the other lacks ("by 2 percent" vs "by 3 percent"). One claim
   * stating more numbers than the other ("rose 8 cents" vs "rose 8 cents to $30.50") adds detail
   * without contradicting it; the model weighs that. A figure agrees with the same figure rounded
   * ("some $65 billion" / "$64.7 billion"), a figure given as approximate with one within a fifth
   * of it ("at least 23 troops" / "at least 26"), a decade with its years ("into his 90s" / "94").
   */
  static boolean numbersDisagree(ClaimSignature a, ClaimSignature b) {
    return !a.statesEveryNumberOf(b) && !b.statesEveryNumberOf(a);
  }

  /** Shared terms that say which claim, not which story: see {@link #MIN_SHARED_TERMS}. */
  static int sharedDistinctiveTerms(ClaimSignature a, ClaimSignature b) {
    TermWeights weights = TermWeights.shipped();
    int shared = 0;
    for (String term : a.terms()) {
      if (b.terms().contains(term) && !term.equals(ClaimSignature.NEGATION) && !weights.isCommon(term)) {
        shared++;
      }
    }
    return shared;
  }

  private static int sharedTerms(ClaimSignature a, ClaimSignature b) {
    int shared = 0;
    for (String term : a.terms()) {
      if (b.terms().contains(term)) {
        shared++;
      }
    }
    return shared;
  }

  /** Shared terms over all terms of the two claims (the network's Jaccard input). */
  static double termJaccard(ClaimSignature a, ClaimSignature b) {
    return jaccard(sharedTerms(a, b), a, b);
  }

  private static double jaccard(int shared, ClaimSignature a, ClaimSignature b) {
    int union = a.terms().size() + b.terms().size() - shared;
    return union == 0 ? 0 : (double) shared / union;
  }

  public double probability(double[] features) {
    return 1 / (1 + Math.exp(-score(features)));
  }

  private double score(double[] features) {
    return score(lexicalSums(features), features[SEMANTIC]);
  }

  private double score(double[] lexicalSums, double semantic) {
    double z = outputBias;
    for (int h = 0; h < hiddenBias.length; h++) {
      z += outputWeights[h] * Math.tanh(preActivation(h, lexicalSums, semantic));
    }
    return z;
  }

  /** Each hidden unit's input from everything but the semantic feature: computed once per pair. */
  private double[] lexicalSums(double[] features) {
    double[] sums = new double[hiddenBias.length];
    for (int h = 0; h < sums.length; h++) {
      double[] row = hiddenWeights[h];
      double sum = hiddenBias[h];
      for (int i = 0; i < SEMANTIC; i++) {
        sum += row[i] * (features[i] - mean[i]) / scale[i];
      }
      sums[h] = sum;
    }
    return sums;
  }

  private double preActivation(int unit, double[] lexicalSums, double semantic) {
    return lexicalSums[unit] + hiddenWeights[unit][SEMANTIC] * (semantic - mean[SEMANTIC]) / scale[SEMANTIC];
  }

  private static double similarity(String keyA, String keyB) {
    return ClaimEmbeddings.similarity(ClaimSignature.normalizedText(keyA), ClaimSignature.normalizedText(keyB));
  }

  public double threshold() {
    return threshold;
  }

  /** The matcher as {@link #load} reads it: one line per array, values separated by spaces. */
  public String serialize() {
    StringBuilder out = new StringBuilder();
    out.append("threshold ").append(threshold).append('\n');
    line(out, "mean", mean);
    line(out, "scale", scale);
    for (double[] row : hiddenWeights) {
      line(out, "hidden", row);
    }
    line(out, "hiddenBias", hiddenBias);
    line(out, "output", outputWeights);
    out.append("outputBias ").append(outputBias).append('\n');
    return out.toString();
  }

  private static void line(StringBuilder out, String name, double[] values) {
    out.append(name);
    for (double value : values) {
      out.append(' ').append(value);
    }
    out.append('\n');
  }

  /** Reads {@link #serialize}'s format; lines starting with '#' are comments. */
  public static ClaimMatcher parse(List<String> lines) {
    Map<String, List<double[]>> arrays = new HashMap<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.trim().split(" ");
      double[] values = new double[fields.length - 1];
      for (int i = 1; i < fields.length; i++) {
        values[i - 1] = Double.parseDouble(fields[i]);
      }
      arrays.computeIfAbsent(fields[0], name -> new ArrayList<>()).add(values);
    }
    return new ClaimMatcher(only(arrays, "mean"), only(arrays, "scale"),
        arrays.getOrDefault("hidden", List.of()).toArray(new double[0][]), only(arrays, "hiddenBias"),
        only(arrays, "output"), only(arrays, "outputBias")[0], only(arrays, "threshold")[0]);
  }

  private static double[] only(Map<String, List<double[]>> arrays, String name) {
    List<double[]> values = arrays.get(name);
    if (values == null || values.size() != 1) {
      throw new IllegalArgumentException("claim matcher: need exactly one line '" + name + "'");
    }
    return values.get(0);
  }

  private static ClaimMatcher load() {
    try (InputStream in = ClaimMatcher.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The model's inputs for a pair of claims; symmetric in the two claims. */
  public static double[] features(Claim a, Claim b) {
    double[] features = lexicalFeatures(a, b);
    features[SEMANTIC] = similarity(a.key, b.key);
    return features;
  }

  /** The inputs without the semantic one (left 0). */
  private static double[] lexicalFeatures(Claim claimA, Claim claimB) {
    ClaimSignature a = claimA.signature;
    ClaimSignature b = claimB.signature;
    Set<String> shared = new HashSet<>(a.terms());
    shared.retainAll(b.terms());
    double sharedCount = shared.size();
    int sizeA = a.terms().size();
    int sizeB = b.terms().size();
    double union = sizeA + sizeB - sharedCount;
    double coverA = sizeA == 0 ? 0 : sharedCount / sizeA;
    double coverB = sizeB == 0 ? 0 : sharedCount / sizeB;
    String[] wordsA = claimA.words;
    String[] wordsB = claimB.words;
    double weightA = claimA.weight;
    double weightB = claimB.weight;
    double weightShared = totalWeight(shared, TermWeights.shipped());
    double weightedJaccard = weightA + weightB - weightShared == 0 ? 0 : weightShared / (weightA + weightB - weightShared);
    double weightedCoverA = weightA == 0 ? 0 : weightShared / weightA;
    double weightedCoverB = weightB == 0 ? 0 : weightShared / weightB;
    boolean numbersA = !a.numbers().isEmpty();
    boolean numbersB = !b.numbers().isEmpty();
    int commonSubsequence = longestCommonSubsequence(wordsA, wordsB);
    return new double[] {
      1,
      union == 0 ? 0 : sharedCount / union,
      Math.min(coverA, coverB),
      Math.max(coverA, coverB),
      jaccard(claimA.bigrams, claimB.bigrams),
      (double) commonSubsequence / Math.max(1, Math.max(wordsA.length, wordsB.length)),
      (double) Math.abs(sizeA - sizeB) / Math.max(1, Math.max(sizeA, sizeB)),
      numbersA && numbersB && a.numbers().equals(b.numbers()) ? 1 : 0,
      numbersA && numbersB && !a.numbers().equals(b.numbers()) ? 1 : 0,
      numbersA != numbersB ? 1 : 0,
      a.negative() != b.negative() ? 1 : 0,
      Math.log(1 + Math.min(sizeA, sizeB)) / 3,
      (sizeA + sizeB - 2 * sharedCount) / 10.0,
      weightedJaccard,
      Math.min(weightedCoverA, weightedCoverB),
      Math.max(weightedCoverA, weightedCoverB),
      Math.max(weightA - weightShared, weightB - weightShared) / 10,
      Math.min(weightA - weightShared, weightB - weightShared) / 10,
      jaccard(claimA.trigrams, claimB.trigrams),
      dice(claimA.characterGrams, claimB.characterGrams),
      commonSubsequence / Math.max(1.0, Math.min(wordsA.length, wordsB.length)),
      0
    };
  }

  private static double totalWeight(Set<String> terms, TermWeights idf) {
    double total = 0;
    for (String term : terms) {
      total += idf.weight(term);
    }
    return total;
  }

  /** A key's distinct character 4-grams, each packed into a long (four UTF-16 chars), sorted. */
  private static long[] characterGrams(String key) {
    long[] grams = new long[Math.max(0, key.length() - 3)];
    for (int i = 0; i < grams.length; i++) {
      grams[i] = (long) key.charAt(i) << 48 | (long) key.charAt(i + 1) << 32 | (long) key.charAt(i + 2) << 16 | key.charAt(i + 3);
    }
    return LongStream.of(grams).sorted().distinct().toArray();
  }

  private static String[] ngrams(String[] words, int n) {
    TreeSet<String> ngrams = new TreeSet<>();
    for (int i = 0; i + n <= words.length; i++) {
      ngrams.add(String.join(" ", Arrays.copyOfRange(words, i, i + n)));
    }
    return ngrams.toArray(new String[0]);
  }

  private static int intersectionSize(String[] a, String[] b) {
    int shared = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length;) {
      int order = a[i].compareTo(b[j]);
      if (order == 0) {
        shared++;
      }
      i += order <= 0 ? 1 : 0;
      j += order >= 0 ? 1 : 0;
    }
    return shared;
  }

  private static int intersectionSize(long[] a, long[] b) {
    int shared = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length;) {
      int order = Long.compare(a[i], b[j]);
      if (order == 0) {
        shared++;
      }
      i += order <= 0 ? 1 : 0;
      j += order >= 0 ? 1 : 0;
    }
    return shared;
  }

  private static double dice(long[] a, long[] b) {
    int total = a.length + b.length;
    return total == 0 ? 0 : 2.0 * intersectionSize(a, b) / total;
  }

  private static double jaccard(String[] a, String[] b) {
    int shared = intersectionSize(a, b);
    int union = a.length + b.length - shared;
    return union == 0 ? 0 : (double) shared / union;
  }

  private static int longestCommonSubsequence(String[] a, String[] b) {
    int[] previous = new int[b.length + 1];
    int[] current = new int[b.length + 1];
    for (String wordA : a) {
      for (int j = 1; j <= b.length; j++) {
        current[j] = wordA.equals(b[j - 1]) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
      Arrays.fill(current, 0);
    }
    return previous[b.length];
  }
}
