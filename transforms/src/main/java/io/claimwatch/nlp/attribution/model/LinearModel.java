package io.claimwatch.nlp.attribution.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A first-order linear sequence model over hashed features: emission weights per feature bucket
 * and label, and transition weights {@code trans[(prev + 1) * labels + label]} (row 0 is the start
 * state), decoded with Viterbi under a fixed table of allowed transitions. Features reach the
 * weights through {@link #row}. Immutable once built (safe to share between threads); training
 * happens in {@link Trainer}.
 *
 * <p>A model being trained keeps dense float weights {@code w[bucket * labels + label]}. A model
 * read for decoding keeps only what the file holds, {@link PackedWeights}: the dense table (48 MB
 * for the role model) missed the cache on nearly every feature, and adding up their weights was
 * two thirds of extraction's time.
 */
final class LinearModel {
  final int bits;
  final int labels;
  /** Dense weights while training; null in a model read for decoding. */
  final float[] w;
  /** The weights as read; null while training. */
  private final PackedWeights packed;
  final float[] trans;
  final boolean[] allowed; // (prev + 1) * labels + label

  LinearModel(int bits, int labels, float[] w, float[] trans, boolean[] allowed) {
    this(bits, labels, w, null, trans, allowed);
  }

  private LinearModel(int bits, int labels, float[] w, PackedWeights packed, float[] trans, boolean[] allowed) {
    this.bits = bits;
    this.labels = labels;
    this.w = w;
    this.packed = packed;
    this.trans = trans;
    this.allowed = allowed;
  }

  /**
   * The weight row of a hashed feature, or -1 when the model has no weight for it (a read model
   * leaves out the buckets pruned from its file; they would add nothing). A dense model's row is
   * the feature's bucket, which {@link Trainer#update} indexes.
   */
  int row(long feature) {
    int bucket = (int) (feature >>> (64 - bits));
    return packed == null ? bucket : packed.row(bucket);
  }

  /** Adds the emission scores of {@code n} feature rows (from {@link #row}, none -1) to {@code out[0..labels)}. */
  void emission(int[] rows, int n, float[] out, int outOffset) {
    if (packed != null) {
      packed.emission(rows, n, out, outOffset);
      return;
    }
    for (int k = 0; k < n; k++) {
      int base = rows[k] * labels;
      for (int y = 0; y < labels; y++) {
        out[outOffset + y] += w[base + y];
      }
    }
  }

  /**
   * Viterbi over {@code n} positions with emission scores {@code em[i * labels + y]}; {@code
   * forced[i] >= 0} pins position i to that label. Returns the best label per position.
   */
  int[] viterbi(float[] em, int n, int[] forced) {
    return viterbi(em, n, forced, trans);
  }

  int[] viterbi(float[] em, int n, int[] forced, float[] transitions) {
    int L = labels;
    int[] best = new int[n];
    if (n == 0) {
      return best;
    }
    float[] delta = new float[n * L];
    int[] back = new int[n * L];
    final float neg = Float.NEGATIVE_INFINITY;
    for (int y = 0; y < L; y++) {
      boolean ok = allowed[y] && (forced == null || forced[0] < 0 || forced[0] == y);
      delta[y] = ok ? em[y] + transitions[y] : neg;
    }
    for (int i = 1; i < n; i++) {
      for (int y = 0; y < L; y++) {
        if (forced != null && forced[i] >= 0 && forced[i] != y) {
          delta[i * L + y] = neg;
          continue;
        }
        float bestScore = neg;
        int arg = 0;
        for (int p = 0; p < L; p++) {
          float prev = delta[(i - 1) * L + p];
          if (prev == neg || !allowed[(p + 1) * L + y]) {
            continue;
          }
          float s = prev + transitions[(p + 1) * L + y];
          if (s > bestScore) {
            bestScore = s;
            arg = p;
          }
        }
        delta[i * L + y] = bestScore == neg ? neg : bestScore + em[i * L + y];
        back[i * L + y] = arg;
      }
    }
    int arg = 0;
    float bestScore = neg;
    for (int y = 0; y < L; y++) {
      if (delta[(n - 1) * L + y] > bestScore) {
        bestScore = delta[(n - 1) * L + y];
        arg = y;
      }
    }
    best[n - 1] = arg;
    for (int i = n - 1; i > 0; i--) {
      arg = back[i * L + arg];
      best[i - 1] = arg;
    }
    return best;
  }

  /**
   * Writes the model compactly: emission weights quantized to 16 bits with one scale, buckets whose
   * weights all quantize below {@code prune} omitted, bucket ids delta-coded as varints.
   */
  void write(DataOutputStream out, int prune) throws IOException {
    requireDense();
    out.writeInt(bits);
    out.writeInt(labels);
    for (boolean a : allowed) {
      out.writeBoolean(a);
    }
    for (float t : trans) {
      out.writeFloat(t);
    }
    float maxAbs = 1e-9f;
    for (float v : w) {
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
    float scale = maxAbs / 32767f;
    out.writeFloat(scale);
    int buckets = 1 << bits;
    int kept = 0;
    for (int b = 0; b < buckets; b++) {
      if (keep(b, scale, prune)) {
        kept++;
      }
    }
    out.writeInt(kept);
    int last = -1;
    for (int b = 0; b < buckets; b++) {
      if (!keep(b, scale, prune)) {
        continue;
      }
      writeVarint(out, b - last);
      last = b;
      for (int y = 0; y < labels; y++) {
        out.writeShort(Math.round(w[b * labels + y] / scale));
      }
    }
  }

  private boolean keep(int b, float scale, int prune) {
    for (int y = 0; y < labels; y++) {
      if (Math.abs(Math.round(w[b * labels + y] / scale)) >= prune) {
        return true;
      }
    }
    return false;
  }

  /** Reads a model for decoding: its weights stay packed as the file holds them. */
  static LinearModel read(DataInputStream in) throws IOException {
    int bits = in.readInt();
    int labels = in.readInt();
    boolean[] allowed = new boolean[(labels + 1) * labels];
    for (int i = 0; i < allowed.length; i++) {
      allowed[i] = in.readBoolean();
    }
    float[] trans = new float[(labels + 1) * labels];
    for (int i = 0; i < trans.length; i++) {
      trans[i] = in.readFloat();
    }
    float scale = in.readFloat();
    int kept = in.readInt();
    long[] present = new long[Math.max(1, (1 << bits) >>> 6)];
    short[] values = new short[kept * labels];
    int b = -1;
    for (int k = 0; k < kept; k++) {
      b += readVarint(in);
      present[b >>> 6] |= 1L << b;
      for (int y = 0; y < labels; y++) {
        values[k * labels + y] = in.readShort();
      }
    }
    return new LinearModel(bits, labels, null, new PackedWeights(labels, present, values, scale), trans, allowed);
  }

  private static void writeVarint(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int readVarint(DataInputStream in) throws IOException {
    int v = 0;
    int shift = 0;
    while (true) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }

  /** Element-wise mean of models of one shape: their score-averaging ensemble as one model. */
  static LinearModel mean(List<LinearModel> models) {
    models.forEach(LinearModel::requireDense);
    LinearModel first = models.get(0);
    float[] w = new float[first.w.length];
    float[] t = new float[first.trans.length];
    for (LinearModel m : models) {
      for (int i = 0; i < w.length; i++) {
        w[i] += m.w[i] / models.size();
      }
      for (int i = 0; i < t.length; i++) {
        t[i] += m.trans[i] / models.size();
      }
    }
    return new LinearModel(first.bits, first.labels, w, t, first.allowed);
  }

  private void requireDense() {
    if (w == null) {
      throw new IllegalStateException("a model read for decoding cannot be written or averaged");
    }
  }

  /**
   * Emission weights as a model file stores them: 16-bit integers with one scale, for the buckets
   * that have any (9% of the role model's, 49% of the cue model's), in bucket order; a bitmap of
   * those buckets with per-word counts finds a bucket's row. About 6 MB for both models instead of
   * 60 MB, so the lookups mostly hit the cache. Sums are exact integers scaled once.
   */
  private static final class PackedWeights {
    private final int labels;
    private final long[] present;
    private final int[] rowsBefore;
    private final short[] values;
    private final float scale;

    PackedWeights(int labels, long[] present, short[] values, float scale) {
      this.labels = labels;
      this.present = present;
      this.values = values;
      this.scale = scale;
      rowsBefore = new int[present.length];
      int rows = 0;
      for (int i = 0; i < present.length; i++) {
        rowsBefore[i] = rows;
        rows += Long.bitCount(present[i]);
      }
    }

    int row(int bucket) {
      long word = present[bucket >>> 6];
      long bit = 1L << bucket;
      return (word & bit) == 0 ? -1 : rowsBefore[bucket >>> 6] + Long.bitCount(word & (bit - 1));
    }

    void emission(int[] rows, int n, float[] out, int outOffset) {
      for (int y = 0; y < labels; y++) {
        int sum = 0;
        for (int k = 0; k < n; k++) {
          sum += values[rows[k] * labels + y];
        }
        out[outOffset + y] += sum * scale;
      }
    }
  }

  /** Averaged structured perceptron training state for one {@link LinearModel}. */
  static final class Trainer {
    final LinearModel model;
    private final double[] wSum;
    private final double[] tSum;
    private long step = 1;

    Trainer(int bits, int labels, boolean[] allowed) {
      float[] w = new float[(1 << bits) * labels];
      float[] trans = new float[(labels + 1) * labels];
      this.model = new LinearModel(bits, labels, w, trans, allowed);
      this.wSum = new double[w.length];
      this.tSum = new double[trans.length];
    }

    /** Call once per training sequence (after any update). */
    void tick() {
      step++;
    }

    /**
     * Perceptron update for one sequence: {@code feats[i]} are bucket ids at position i ({@code
     * counts[i]} of them); gold and predicted label paths.
     */
    void update(int[][] feats, int[] counts, int n, int[] gold, int[] pred) {
      int L = model.labels;
      for (int i = 0; i < n; i++) {
        int gPrev = i == 0 ? -1 : gold[i - 1];
        int pPrev = i == 0 ? -1 : pred[i - 1];
        if (gold[i] == pred[i] && gPrev == pPrev) {
          continue;
        }
        if (gold[i] != pred[i]) {
          for (int k = 0; k < counts[i]; k++) {
            int base = feats[i][k] * L;
            add(base + gold[i], 1f);
            add(base + pred[i], -1f);
          }
        }
        addTrans((gPrev + 1) * L + gold[i], 1f);
        addTrans((pPrev + 1) * L + pred[i], -1f);
      }
    }

    private void add(int idx, float d) {
      model.w[idx] += d;
      wSum[idx] += d * step;
    }

    private void addTrans(int idx, float d) {
      model.trans[idx] += d;
      tSum[idx] += d * step;
    }

    /** The averaged model (a copy; training may go on). */
    LinearModel averaged() {
      float[] w = new float[model.w.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) (model.w[i] - wSum[i] / step);
      }
      float[] t = new float[model.trans.length];
      for (int i = 0; i < t.length; i++) {
        t[i] = (float) (model.trans[i] - tSum[i] / step);
      }
      return new LinearModel(model.bits, model.labels, w, t, model.allowed);
    }
  }
}
