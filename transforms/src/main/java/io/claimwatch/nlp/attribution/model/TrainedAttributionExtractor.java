package io.claimwatch.nlp.attribution.model;

import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.Span;
import io.claimwatch.nlp.attribution.Attribution;
import io.claimwatch.nlp.attribution.AttributionExtractor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Attribution extractor trained on PolNeAR: an averaged structured perceptron finds cues sentence by
 * sentence, then a second one labels source and content tokens around each cue (so nested and
 * overlapping attributions, shared sources and quotes split by their cue come out naturally: a
 * content split around its cue is two content runs, i.e. two spans). Spans are built on token
 * boundaries with {@link AnalyzedText#spansOf}, so they never cover text the cleaner removed.
 *
 * <p>The model is loaded once per JVM and shared; an instance holds scratch buffers and is not
 * thread-safe.
 */
public final class TrainedAttributionExtractor implements AttributionExtractor {
  private final Decoder decoder;

  /** Uses the model shipped on the classpath. */
  public TrainedAttributionExtractor() {
    this(AttributionModel.shipped());
  }

  public TrainedAttributionExtractor(AttributionModel model) {
    this.decoder = new Decoder(model);
  }

  @Override
  public List<Attribution> extract(AnalyzedText text) {
    List<Attribution> out = new ArrayList<>();
    if (text.tokens().isEmpty()) {
      return out;
    }
    Doc d = new Doc(text);
    List<int[]> cues = decoder.cues(d);
    boolean[] cueTok = new boolean[d.n];
    boolean[] cueStart = new boolean[d.n];
    for (int[] c : cues) {
      cueStart[c[0]] = true;
      for (int i = c[0]; i < c[1]; i++) {
        cueTok[i] = true;
      }
    }
    for (int[] c : cues) {
      RoleFeatures.CueContext ctx = new RoleFeatures.CueContext(d, c[0], c[1], cueTok, cueStart);
      int[] win = RoleFeatures.window(d, c[0], c[1]);
      int[] labels = decoder.roles(ctx, win, decoder.model.roles, decoder.model.contentBias);
      Attribution a = assemble(text, c, win, labels);
      if (a != null) {
        out.add(a);
      }
    }
    out.sort(Comparator.comparingInt(TrainedAttributionExtractor::firstOffset));
    return out;
  }

  private static int firstOffset(Attribution a) {
    return Math.min(a.cue().get(0).start(), a.content().get(0).start());
  }

  /** Turns a window's labels into an attribution, or null when no content was found. */
  static Attribution assemble(AnalyzedText text, int[] cue, int[] win, int[] labels) {
    List<int[]> sources = runs(labels, win[0], RoleFeatures.BS, RoleFeatures.IS);
    List<int[]> contents = runs(labels, win[0], RoleFeatures.BC, RoleFeatures.IC);
    if (contents.isEmpty()) {
      return null;
    }
    List<Span> content = new ArrayList<>();
    for (int[] r : contents) {
      content.addAll(text.spansOf(r[0], r[1]));
    }
    List<Span> source = new ArrayList<>();
    int[] best = null;
    int bestDist = Integer.MAX_VALUE;
    for (int[] r : sources) {
      int dist = r[1] <= cue[0] ? cue[0] - r[1] : r[0] - cue[1];
      if (dist < bestDist) {
        bestDist = dist;
        best = r;
      }
    }
    if (best != null) {
      source.addAll(text.spansOf(best[0], best[1]));
    }
    // The cue, extended over the X labels next to it.
    int cs = cue[0];
    int ce = cue[1];
    while (cs - 1 >= win[0] && labels[cs - 1 - win[0]] == RoleFeatures.X) {
      cs--;
    }
    while (ce < win[1] && labels[ce - win[0]] == RoleFeatures.X) {
      ce++;
    }
    return new Attribution(source, text.spansOf(cs, ce), content);
  }

  /** Token runs {@code [start, end)} labelled begin (then inside...) in a window's labels. */
  static List<int[]> runs(int[] labels, int offset, int begin, int inside) {
    List<int[]> runs = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= labels.length; i++) {
      int y = i < labels.length ? labels[i] : -1;
      if (start >= 0 && y != inside) {
        runs.add(new int[] {offset + start, offset + i});
        start = -1;
      }
      if (y == begin) {
        start = i;
      }
    }
    return runs;
  }
}
