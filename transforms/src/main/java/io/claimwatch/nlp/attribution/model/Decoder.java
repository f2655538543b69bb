package io.claimwatch.nlp.attribution.model;

import io.claimwatch.nlp.attribution.AccordingTo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs both stages of a model over a {@link Doc}. Holds scratch buffers: one per thread. */
final class Decoder {
  final AttributionModel model;
  private final long[] scratch = new long[Math.max(CueFeatures.MAX, RoleFeatures.MAX)];
  int[][] feats = new int[0][];
  int[] counts = new int[0];
  private float[] em = new float[0];

  Decoder(AttributionModel model) {
    this.model = model;
  }

  private void ensure(int n, int width) {
    if (feats.length < n || (n > 0 && feats[0].length < width)) {
      int size = Math.max(n, feats.length * 2);
      feats = new int[size][width];
      counts = new int[size];
    }
  }

  /** Weight rows of the cue features of tokens {@code [from, to)} into {@link #feats}. */
  void cueFeatures(Doc d, int from, int to, LinearModel m) {
    ensure(to - from, CueFeatures.MAX);
    for (int i = from; i < to; i++) {
      counts[i - from] = rows(CueFeatures.fill(d, i, scratch), m, feats[i - from]);
    }
  }

  /** Weight rows of the role features of the window tokens into {@link #feats}. */
  void roleFeatures(RoleFeatures.CueContext ctx, int from, int to, LinearModel m) {
    ensure(to - from, RoleFeatures.MAX);
    for (int j = from; j < to; j++) {
      counts[j - from] = rows(RoleFeatures.fill(ctx, j, scratch), m, feats[j - from]);
    }
  }

  /** The weight rows of the first {@code c} features in {@link #scratch} into {@code out}; returns how many have one. */
  private int rows(int c, LinearModel m, int[] out) {
    int kept = 0;
    for (int k = 0; k < c; k++) {
      int row = m.row(scratch[k]);
      if (row >= 0) {
        out[kept++] = row;
      }
    }
    return kept;
  }

  int[] decode(LinearModel m, int n, int[] forced) {
    return decode(m, n, forced, 0, 0f);
  }

  /** Viterbi decoding with {@code bias} added to label {@code biased} at every position. */
  int[] decode(LinearModel m, int n, int[] forced, int biased, float bias) {
    int L = m.labels;
    if (em.length < n * L) {
      em = new float[Math.max(n * L, em.length * 2)];
    }
    Arrays.fill(em, 0, n * L, 0f);
    for (int i = 0; i < n; i++) {
      m.emission(feats[i], counts[i], em, i * L);
      em[i * L + biased] += bias;
    }
    return m.viterbi(em, n, forced);
  }

  /** Stage 1: cue token ranges {@code [start, end)} in text order. */
  List<int[]> cues(Doc d) {
    return cues(d, model.cues, model.cueBias);
  }

  List<int[]> cues(Doc d, LinearModel m, float bias) {
    List<int[]> found = new ArrayList<>();
    for (int s = 0; s < d.sentStart.length; s++) {
      int from = d.sentStart[s];
      int to = d.sentEnd[s];
      if (to <= from) {
        continue;
      }
      cueFeatures(d, from, to, m);
      int[] labels = decode(m, to - from, pinnedCues(d, from, to), CueFeatures.B, bias);
      int start = -1;
      for (int i = 0; i <= labels.length; i++) {
        int y = i < labels.length ? labels[i] : CueFeatures.O;
        if (start >= 0 && y != CueFeatures.I) {
          found.add(new int[] {from + start, from + i});
          start = -1;
        }
        if (y == CueFeatures.B) {
          start = i;
        }
      }
    }
    return found;
  }

  /**
   * "According to", news's commonest cue, pinned as a cue in the sentence {@code [from, to)} (null
   * when it has none), so that finding it does not depend on the model (one retrained on new
   * tokenization lost the seed's "According to sources, …").
   */
  static int[] pinnedCues(Doc d, int from, int to) {
    int[] forced = null;
    for (int i = from; i + 1 < to; i++) {
      if (AccordingTo.startsAt(d.text.tokens(), i, to)) {
        if (forced == null) {
          forced = new int[to - from];
          Arrays.fill(forced, -1);
        }
        forced[i - from] = CueFeatures.B;
        forced[i + 1 - from] = CueFeatures.I;
      }
    }
    return forced;
  }

  /** Stage 2 labels for the window {@code win} of a cue; cue tokens are pinned to X. */
  int[] roles(RoleFeatures.CueContext ctx, int[] win, LinearModel m) {
    return roles(ctx, win, m, 0f);
  }

  int[] roles(RoleFeatures.CueContext ctx, int[] win, LinearModel m, float contentBias) {
    int n = win[1] - win[0];
    roleFeatures(ctx, win[0], win[1], m);
    int[] forced = new int[n];
    Arrays.fill(forced, -1);
    for (int i = ctx.cs; i < ctx.ce; i++) {
      if (i >= win[0] && i < win[1]) {
        forced[i - win[0]] = RoleFeatures.X;
      }
    }
    return decode(m, n, forced, RoleFeatures.BC, contentBias);
  }
}
