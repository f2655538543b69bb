package io.claimwatch.evaluation;

import io.claimwatch.nlp.ClaimKeys;
import io.claimwatch.nlp.TextAnalyzer;
import io.claimwatch.nlp.claims.ClaimMatcher;
import io.claimwatch.nlp.claims.ClaimSignature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fits {@link ClaimMatcher}'s logistic weights on the first 70% of MSRP train pairs (whole
 * sentences as claims) by full-batch gradient descent from zero, so a rerun prints the same
 * weights; then picks the probability threshold with the best tuning accuracy at precision ≥ 80%,
 * and prints the held-out figures. Paste the printed weights into {@code ClaimMatcher.DEFAULT}.
 *
 * <pre>TrainClaimMatcher --msrp=../shared/data/msrp/msr_paraphrase_train.txt</pre>
 */
public final class TrainClaimMatcher {
  private static final int EPOCHS = 6000;
  private static final double LEARNING_RATE = 0.5;
  private static final double L2 = 0.001;

  private TrainClaimMatcher() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> options = EvaluateAttributions.options(args);
    List<MsrpClaimEvaluation.Pair> pairs = MsrpClaimEvaluation.readPairs(Path.of(options.get("msrp")));
    TextAnalyzer analyzer = new TextAnalyzer(2000);
    List<double[]> features = new ArrayList<>();
    for (MsrpClaimEvaluation.Pair pair : pairs) {
      String a = ClaimKeys.key(analyzer.analyze(pair.textA()).tokens());
      String b = ClaimKeys.key(analyzer.analyze(pair.textB()).tokens());
      features.add(ClaimMatcher.features(a, ClaimSignature.of(a), b, ClaimSignature.of(b)));
    }
    int cut = (int) (pairs.size() * MsrpClaimEvaluation.TUNING_FRACTION);
    double[] weights = new double[ClaimMatcher.FEATURES];
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      double[] gradient = new double[weights.length];
      for (int i = 0; i < cut; i++) {
        double error = new ClaimMatcher(weights, 0.5).probability(features.get(i)) - (pairs.get(i).paraphrase() ? 1 : 0);
        for (int k = 0; k < weights.length; k++) {
          gradient[k] += error * features.get(i)[k];
        }
      }
      for (int k = 0; k < weights.length; k++) {
        weights[k] -= LEARNING_RATE * (gradient[k] / cut + L2 * weights[k]);
      }
    }
    double bestThreshold = 0.5;
    double bestAccuracy = 0;
    for (int t = 30; t < 95; t++) {
      double[] figures = score(new ClaimMatcher(weights, t / 100.0), features, pairs, 0, cut);
      if (figures[1] >= 0.8 && figures[0] > bestAccuracy) {
        bestAccuracy = figures[0];
        bestThreshold = t / 100.0;
      }
    }
    ClaimMatcher fitted = new ClaimMatcher(weights, bestThreshold);
    System.out.println("weights " + Arrays.toString(weights));
    System.out.println("threshold " + bestThreshold);
    print("tuning", score(fitted, features, pairs, 0, cut));
    print("held out", score(fitted, features, pairs, cut, pairs.size()));
  }

  /** Accuracy, precision and recall of the model alone (before the matcher's hard rules). */
  private static double[] score(ClaimMatcher matcher, List<double[]> features, List<MsrpClaimEvaluation.Pair> pairs,
      int from, int to) {
    int tp = 0;
    int fp = 0;
    int tn = 0;
    int fn = 0;
    for (int i = from; i < to; i++) {
      boolean same = matcher.probability(features.get(i)) > matcher.threshold();
      boolean gold = pairs.get(i).paraphrase();
      if (same && gold) {
        tp++;
      } else if (same) {
        fp++;
      } else if (gold) {
        fn++;
      } else {
        tn++;
      }
    }
    return new double[] {(double) (tp + tn) / (to - from), (double) tp / Math.max(1, tp + fp), (double) tp / Math.max(1, tp + fn)};
  }

  private static void print(String name, double[] figures) {
    System.out.printf("%-8s accuracy %.1f precision %.1f recall %.1f%n", name, 100 * figures[0], 100 * figures[1], 100 * figures[2]);
  }
}
