package io.claimwatch.nlp.attribution.model;

import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.Span;
import io.claimwatch.nlp.Token;
import io.claimwatch.nlp.attribution.AccordingTo;
import io.claimwatch.nlp.attribution.Attribution;
import io.claimwatch.nlp.attribution.AttributionExtractor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Attribution extractor trained on PolNeAR: an averaged structured perceptron finds cues sentence by
 * sentence, then a second one labels source and content tokens around each cue (so nested and
 * overlapping attributions, shared sources and quotes split by their cue come out naturally: a
 * content split around its cue is two content runs, i.e. two spans). Spans are built on token
 * boundaries with {@link AnalyzedText#spansOf}, so they never cover text the cleaner removed.
 * "According to" is always a cue and takes its source and content by rule ({@link AccordingTo}).
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
    int[][] ruleRoles = new int[cues.size()][];
    int[][] wins = new int[cues.size()][];
    int[][] labels = new int[cues.size()][];
    boolean[] inContent = new boolean[d.n];
    for (int k = 0; k < cues.size(); k++) {
      int[] c = cues.get(k);
      ruleRoles[k] = accordingToRoles(d, c);
      if (ruleRoles[k] != null) {
        // The rule's content is the content: the labeller's would only mislead other cues' continuations.
        Arrays.fill(inContent, ruleRoles[k][2], ruleRoles[k][3], true);
        continue;
      }
      RoleFeatures.CueContext ctx = new RoleFeatures.CueContext(d, c[0], c[1], cueTok, cueStart);
      wins[k] = RoleFeatures.window(d, c[0], c[1]);
      labels[k] = decoder.roles(ctx, wins[k], decoder.model.roles, decoder.model.contentBias);
      for (int[] r : runs(labels[k], wins[k][0], RoleFeatures.BC, RoleFeatures.IC)) {
        Arrays.fill(inContent, r[0], r[1], true);
      }
    }
    for (int k = 0; k < cues.size(); k++) {
      int[] c = cues.get(k);
      int[] roles = ruleRoles[k];
      Attribution a = roles != null
          ? new Attribution(d.text.spansOf(roles[0], roles[1]), d.text.spansOf(c[0], c[1]), d.text.spansOf(roles[2], roles[3]))
          : assemble(d, c, wins[k], labels[k], cueTok, inContent);
      if (a != null) {
        out.add(a);
      }
    }
    out.sort(Comparator.comparingInt(TrainedAttributionExtractor::firstOffset));
    return out;
  }

  /**
   * The rule's source and content token ranges {sourceStart, sourceEnd, contentStart, contentEnd}
   * when {@code cue} is exactly "according to" and the rule finds them; else null.
   */
  private static int[] accordingToRoles(Doc d, int[] cue) {
    int sentence = d.sent[cue[0]];
    List<Token> tokens = d.text.tokens();
    if (cue[1] != cue[0] + 2 || !AccordingTo.startsAt(tokens, cue[0], d.sentEnd[sentence])) {
      return null;
    }
    return AccordingTo.roles(tokens, d.sentStart[sentence], d.sentEnd[sentence], cue[0]);
  }

  private static int firstOffset(Attribution a) {
    return Math.min(a.cue().get(0).start(), a.content().get(0).start());
  }

  /**
   * Turns a window's labels into an attribution, or null when no content was found. {@code cueTok}
   * and {@code inContent} mark the tokens of all cues and contents found in the document.
   */
  static Attribution assemble(Doc d, int[] cue, int[] win, int[] labels, boolean[] cueTok, boolean[] inContent) {
    AnalyzedText text = d.text;
    List<int[]> sources = runs(labels, win[0], RoleFeatures.BS, RoleFeatures.IS);
    List<int[]> contents = runs(labels, win[0], RoleFeatures.BC, RoleFeatures.IC);
    if (contents.isEmpty()) {
      return null;
    }
    int[] more = continuation(d, cue, contents, cueTok, inContent);
    if (more != null) {
      contents.add(more);
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

  /**
   * The quote that goes on a quoted content: a quotation making up the rest of its paragraph, opening
   * the sentence after the attribution's last one (in its paragraph or at the start of the next),
   * with no cue or content of its own. News quotes a speaker this way ("“…,” she said. “…”"), and
   * the window, which stays in the cue's paragraph, cannot reach the next paragraph.
   */
  static int[] continuation(Doc d, int[] cue, List<int[]> contents, boolean[] cueTok, boolean[] inContent) {
    int last = cue[1] - 1;
    boolean quoted = false;
    for (int[] r : contents) {
      last = Math.max(last, r[1] - 1);
      for (int i = r[0]; i < r[1]; i++) {
        quoted |= d.quoteRegion[i] >= 0;
      }
    }
    int s = d.sent[last] + 1;
    boolean colon = d.text.tokens().get(d.sentEnd[s - 1] - 1).text().equals(":");
    if (!quoted && !colon || s >= d.sentStart.length) {
      return null;
    }
    int open = d.sentStart[s];
    if (open >= d.n || d.quote[open] != Doc.Q_OPEN || d.para[open] > d.para[last] + 1
        || d.para[open] != d.para[last] && d.paraStart[open] != open) {
      return null;
    }
    int region = d.quoteRegion[open];
    int close = open + 1;
    while (close < d.paraEnd[open] && !(d.quote[close] == Doc.Q_CLOSE && d.quoteRegion[close] == region)) {
      close++;
    }
    if (close == d.paraEnd[open]) {
      return null; // left open (a quote running on into the next paragraph): too unsure
    }
    for (int i = close + 1; i < d.paraEnd[open]; i++) {
      if (!d.punct[i]) {
        return null;
      }
    }
    for (int i = open; i <= close; i++) {
      if (cueTok[i] || inContent[i]) {
        return null;
      }
    }
    return new int[] {open, close + 1};
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
