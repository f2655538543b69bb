package io.claimwatch.nlp.claims;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether two claims say the same thing. Never when one denies what the other asserts, when
 * both state numbers and the numbers differ, or when they share fewer than three terms; otherwise a logistic model over lexical evidence decides: term overlap (Jaccard, and shared terms
 * as a share of each side), shared word pairs, order (longest common subsequence), length
 * difference, unmatched terms, and whether the numbers agree. The weights are learned from 70% of
 * the MSRP training pairs by {@code io.claimwatch.evaluation.TrainClaimMatcher} (the other 30% are
 * held out for the figures in the README).
 */
public final class ClaimMatcher implements Serializable {
  /** Printed by {@code TrainClaimMatcher} (full-batch gradient descent from zero: reproducible). */
  public static final ClaimMatcher DEFAULT = new ClaimMatcher(new double[] {
      -1.0968610526914593, 1.7215759901110792, 1.3678630770681888, 0.292034502802264, -1.4354944889575483,
      1.5788781371520595, -1.0666093896192277, -0.10677913152666234, -0.6994570107817542, -0.3409240714572372,
      -0.8638316583272565, 0.7104546507451851, -0.8341014767739602}, 0.61);

  public static final int FEATURES = 13;

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

  private static boolean numbersDisagree(ClaimSignature a, ClaimSignature b) {
    return !a.numbers().isEmpty() && !b.numbers().isEmpty() && !a.numbers().equals(b.numbers());
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
    boolean numbersA = !a.numbers().isEmpty();
    boolean numbersB = !b.numbers().isEmpty();
    return new double[] {
      1,
      union == 0 ? 0 : sharedCount / union,
      Math.min(coverA, coverB),
      Math.max(coverA, coverB),
      bigramJaccard(wordsA, wordsB),
      (double) longestCommonSubsequence(wordsA, wordsB) / Math.max(1, Math.max(wordsA.length, wordsB.length)),
      (double) Math.abs(sizeA - sizeB) / Math.max(1, Math.max(sizeA, sizeB)),
      numbersA && numbersB && a.numbers().equals(b.numbers()) ? 1 : 0,
      numbersA && numbersB && !a.numbers().equals(b.numbers()) ? 1 : 0,
      numbersA != numbersB ? 1 : 0,
      a.negative() != b.negative() ? 1 : 0,
      Math.log(1 + Math.min(sizeA, sizeB)) / 3,
      (sizeA + sizeB - 2 * sharedCount) / 10.0
    };
  }

  private static double bigramJaccard(String[] a, String[] b) {
    Set<String> bigramsA = bigrams(a);
    Set<String> bigramsB = bigrams(b);
    int union = bigramsA.size() + bigramsB.size();
    bigramsA.retainAll(bigramsB);
    union -= bigramsA.size();
    return union == 0 ? 0 : (double) bigramsA.size() / union;
  }

  private static Set<String> bigrams(String[] words) {
    Set<String> bigrams = new HashSet<>();
    for (int i = 0; i + 1 < words.length; i++) {
      bigrams.add(words[i] + ' ' + words[i + 1]);
    }
    return bigrams;
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
