package io.claimwatch.nlp.attribution.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

  /**
   * A model read back from its file decodes as the trained one: same scores (to the 16-bit
   * quantization), no row for a bucket pruned from the file, and it cannot be written again.
   */
  @Test
  void aReadModelScoresAsTheWrittenOneAndDropsPrunedBuckets() throws IOException {
    int labels = RoleFeatures.LABELS;
    int bits = 8;
    float[] w = new float[(1 << bits) * labels];
    for (int bucket : new int[] {0, 63, 64, 65, 130, 255}) {
      for (int y = 0; y < labels; y++) {
        w[bucket * labels + y] = (bucket % 7 - 3) * 0.25f + y * 0.125f - 0.3f;
      }
    }
    LinearModel trained = new LinearModel(bits, labels, w, new float[(labels + 1) * labels], RoleFeatures.allowed());
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(file)) {
      trained.write(out, 1);
    }
    LinearModel read = LinearModel.read(new DataInputStream(new ByteArrayInputStream(file.toByteArray())));

    long[] features = {0L, 63L << 56, 64L << 56, 65L << 56, 130L << 56, 255L << 56, 7L << 56};
    int[] trainedRows = new int[features.length];
    int[] readRows = new int[features.length];
    int kept = 0;
    for (int k = 0; k < features.length; k++) {
      trainedRows[k] = trained.row(features[k]);
      int row = read.row(features[k]);
      if (row >= 0) {
        readRows[kept++] = row;
      }
    }
    assertEquals(-1, read.row(7L << 56), "bucket 7 has no weights, so no row");
    assertEquals(6, kept);
    float[] expected = new float[labels];
    trained.emission(trainedRows, features.length, expected, 0);
    float[] actual = new float[labels];
    read.emission(readRows, kept, actual, 0);
    assertArrayEquals(expected, actual, 1e-3f);
    assertThrows(IllegalStateException.class, () -> read.write(new DataOutputStream(new ByteArrayOutputStream()), 1));
  }
}
