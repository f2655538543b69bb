package io.claimwatch.nlp.attribution.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearModelTest {
  @Test
  void meanScoresAreTheMeanOfTheMembersScores() {
    boolean[] allowed = CueFeatures.allowed();
    int labels = CueFeatures.LABELS;
    LinearModel a = new LinearModel(2, labels, new float[] {1, 2, 3, 0, 0, 0, -6, 0, 6, 0, 0, 0},
        new float[] {1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 4}, allowed);
    LinearModel b = new LinearModel(2, labels, new float[] {3, 2, 1, 0, 4, 0, 0, 0, -2, 0, 0, 8},
        new float[] {3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, allowed);
    LinearModel mean = LinearModel.mean(List.of(a, b));
    assertArrayEquals(new float[] {2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2}, mean.trans);
    int[] buckets = {0, 2};
    float[] sum = new float[labels];
    a.emission(buckets, 2, sum, 0);
    b.emission(buckets, 2, sum, 0);
    float[] scores = new float[labels];
    mean.emission(buckets, 2, scores, 0);
    assertArrayEquals(new float[] {sum[0] / 2, sum[1] / 2, sum[2] / 2}, scores);
  }
}
