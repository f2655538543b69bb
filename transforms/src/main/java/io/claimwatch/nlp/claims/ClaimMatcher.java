package io.claimwatch.nlp.claims;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether two claims say the same thing. Never when one denies what the other asserts, when
 * each states a number the other lacks, or when they share fewer than three terms; otherwise a
 * logistic model over lexical evidence decides: term overlap (Jaccard, and shared terms as a share
 * of each side, plain and weighted by {@link TermWeights}), shared word pairs and triples, shared
 * character 4-grams, order (longest common subsequence), length difference, unmatched terms (plain
 * and weighted), and whether the numbers agree. The weights are learned from 70% of the MSRP
 * training pairs by {@code io.claimwatch.evaluation.TrainClaimMatcher} (the other 30% are held out
 * for the figures in the README).
 */
public final class ClaimMatcher implements Serializable {
  /**
   * Weights printed by {@code TrainClaimMatcher} (full-batch gradient descent from zero:
   * reproducible). It picks 0.60 for single pairs; clustering joins pairs transitively, which costs
   * precision, so the threshold is 0.61, the best accuracy at precision ≥ 80% on the tuning part
   * measured through the pipeline (scripts/evaluate-claims.sh).
   */
  public static final ClaimMatcher DEFAULT = new ClaimMatcher(new double[] {
      -1.4383059137592225, 1.571541155094113, 0.957761232769834, 0.10037851845691316, -1.1306700803374272,
      1.48139727910317, -0.7593350048214428, -0.10430898624979407, -0.6797885318859515, -0.3496673962783991,
      -0.9358005855085142, 0.5512321440154565, -0.5214844976572963, 0.6806356682222414, 0.1346131808379607,
      -0.24650018938041146, -0.17507769209275184, 0.09263870710342138, -1.0385021447145337, 1.0239592790919276,
      0.23128372412165063}, 0.61);

  public static final int FEATURES = 21;

  private final double[] weights;
  private final double threshold;

  /** @param threshold the probability above which two claims are the same */
  public ClaimMatcher(double[] weights, double threshold) {
    if (weights.length != FEATURES) {
      throw new IllegalArgumentException("need " + FEATURES + " weights");
    }
    this.weights = weights.clone();
    this.threshold = threshold;
  }

  /** Fewer shared terms than this is a topic in common, not a claim: "the police" vs "police videos". */
  static final int MIN_SHARED_TERMS = 3;

  public boolean same(String keyA, String keyB) {
    ClaimSignature a = ClaimSignature.of(keyA);
    ClaimSignature b = ClaimSignature.of(keyB);
    if (a.negative() != b.negative() || sharedTerms(a, b) < MIN_SHARED_TERMS || numbersDisagree(a, b)) {
      return false;
    }
    return probability(features(keyA, a, keyB, b)) > threshold;
  }

  /**
   * Each claim states a number the other lacks ("by 2 percent" vs "by 3 percent"). One claim
   * stating more numbers than the other ("rose 8 cents" vs "rose 8 cents to $30.50") adds detail
   * without contradicting it; the model weighs that.
   */
  static boolean numbersDisagree(ClaimSignature a, ClaimSignature b) {
    return !a.numbers().containsAll(b.numbers()) && !b.numbers().containsAll(a.numbers());
  }

  private static int sharedTerms(ClaimSignature a, ClaimSignature b) {
    int shared = 0;
    for (String term : a.terms()) {
      if (b.terms().contains(term) && !term.equals(ClaimSignature.NEGATION)) {
        shared++;
      }
    }
    return shared;
  }

  public double probability(double[] features) {
    double z = 0;
    for (int i = 0; i < FEATURES; i++) {
      z += weights[i] * features[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  public double threshold() {
    return threshold;
  }

  /** The model's inputs for a pair of claim keys; symmetric in the two claims. */
  public static double[] features(String keyA, ClaimSignature a, String keyB, ClaimSignature b) {
    Set<String> shared = new HashSet<>(a.terms());
    shared.retainAll(b.terms());
    double sharedCount = shared.size();
    int sizeA = a.terms().size();
    int sizeB = b.terms().size();
    double union = sizeA + sizeB - sharedCount;
    double coverA = sizeA == 0 ? 0 : sharedCount / sizeA;
    double coverB = sizeB == 0 ? 0 : sharedCount / sizeB;
    String[] wordsA = keyA.isEmpty() ? new String[0] : keyA.split(" ");
    String[] wordsB = keyB.isEmpty() ? new String[0] : keyB.split(" ");
    TermWeights idf = TermWeights.shipped();
    double weightA = totalWeight(a.terms(), idf);
    double weightB = totalWeight(b.terms(), idf);
    double weightShared = totalWeight(shared, idf);
    double weightedJaccard = weightA + weightB - weightShared == 0 ? 0 : weightShared / (weightA + weightB - weightShared);
    double weightedCoverA = weightA == 0 ? 0 : weightShared / weightA;
    double weightedCoverB = weightB == 0 ? 0 : weightShared / weightB;
    boolean numbersA = !a.numbers().isEmpty();
    boolean numbersB = !b.numbers().isEmpty();
    return new double[] {
      1,
      union == 0 ? 0 : sharedCount / union,
      Math.min(coverA, coverB),
      Math.max(coverA, coverB),
      ngramJaccard(wordsA, wordsB, 2),
      (double) longestCommonSubsequence(wordsA, wordsB) / Math.max(1, Math.max(wordsA.length, wordsB.length)),
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
      ngramJaccard(wordsA, wordsB, 3),
      characterDice(keyA, keyB),
      longestCommonSubsequence(wordsA, wordsB) / Math.max(1.0, Math.min(wordsA.length, wordsB.length))
    };
  }

  private static double totalWeight(Set<String> terms, TermWeights idf) {
    double total = 0;
    for (String term : terms) {
      total += idf.weight(term);
    }
    return total;
  }

  private static double characterDice(String a, String b) {
    Set<String> gramsA = characterGrams(a);
    Set<String> gramsB = characterGrams(b);
    int total = gramsA.size() + gramsB.size();
    gramsA.retainAll(gramsB);
    return total == 0 ? 0 : 2.0 * gramsA.size() / total;
  }

  private static Set<String> characterGrams(String key) {
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + 4 <= key.length(); i++) {
      grams.add(key.substring(i, i + 4));
    }
    return grams;
  }

  private static double ngramJaccard(String[] a, String[] b, int n) {
    Set<String> bigramsA = ngrams(a, n);
    Set<String> bigramsB = ngrams(b, n);
    int union = bigramsA.size() + bigramsB.size();
    bigramsA.retainAll(bigramsB);
    union -= bigramsA.size();
    return union == 0 ? 0 : (double) bigramsA.size() / union;
  }

  private static Set<String> ngrams(String[] words, int n) {
    Set<String> ngrams = new HashSet<>();
    for (int i = 0; i + n <= words.length; i++) {
      ngrams.add(String.join(" ", Arrays.copyOfRange(words, i, i + n)));
    }
    return ngrams;
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
