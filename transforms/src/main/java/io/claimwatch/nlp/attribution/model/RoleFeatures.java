package io.claimwatch.nlp.attribution.model;

import io.claimwatch.nlp.Token;
import java.util.List;

/**
 * Stage 2 features: given one cue (tokens {@code [cs, ce)}), label the tokens of a window around it
 * as O, B-SOURCE, I-SOURCE, B-CONTENT, I-CONTENT or X (cue; tokens next to the stage-1 cue labelled
 * X extend it, so stage 2 fixes cue boundaries with the whole attribution in view). Every feature is conjoined with the direction of
 * the token from the cue, so one weight table serves tokens before, inside and after the cue.
 */
final class RoleFeatures {
  static final int O = 0;
  static final int BS = 1;
  static final int IS = 2;
  static final int BC = 3;
  static final int IC = 4;
  /** Cue tokens: the stage-1 cue is pinned to X, and X next to it extends the cue ("said in reply"). */
  static final int X = 5;
  static final int LABELS = 6;
  static final int MAX = 64;

  private RoleFeatures() {}

  static boolean[] allowed() {
    boolean[] a = new boolean[(LABELS + 1) * LABELS];
    for (int prev = -1; prev < LABELS; prev++) {
      for (int y = 0; y < LABELS; y++) {
        boolean ok = switch (y) {
          case IS -> prev == BS || prev == IS;
          case IC -> prev == BC || prev == IC;
          default -> true;
        };
        a[(prev + 1) * LABELS + y] = ok;
      }
    }
    return a;
  }

  /** Window of token indices {@code [start, end)} labelled for cue {@code [cs, ce)}. */
  static int[] window(Doc d, int cs, int ce) {
    int s = d.sent[cs];
    int firstSent = Math.max(0, s - 2);
    int lastSent = Math.min(d.sentStart.length - 1, d.sent[ce - 1] + 3);
    int start = d.sentStart[firstSent];
    int end = d.sentEnd[lastSent];
    // Stay inside the cue's paragraph (contents cross paragraphs very rarely).
    start = Math.max(start, d.paraStart[cs]);
    end = Math.min(end, d.paraEnd[cs]);
    return new int[] {start, end};
  }

  static int distBucket(int dist) {
    if (dist <= 3) {
      return dist;
    }
    if (dist <= 5) {
      return 4;
    }
    if (dist <= 10) {
      return 5;
    }
    if (dist <= 20) {
      return 6;
    }
    if (dist <= 40) {
      return 7;
    }
    return 8;
  }

  /** Per-cue context shared by all tokens of its window. */
  static final class CueContext {
    final Doc d;
    final int cs;
    final int ce;
    final long head;
    final long cueLemmas;
    final long prevWord;
    final long nextWord;
    final long next2;
    final int cueRegion;
    final int regionAfter;
    final int regionBefore;
    final int cuePlace; // 0 sentence start, 1 middle, 2 sentence end
    final boolean[] otherCue; // token is inside another cue
    final int[] otherStarts; // prefix count of other cue starts
    final int[] commas; // prefix count of commas, semicolons and dashes in the cue's paragraph
    final int[] stops; // prefix count of sentence-final marks in the cue's paragraph

    CueContext(Doc d, int cs, int ce, boolean[] cueTok, boolean[] cueStart) {
      this.d = d;
      this.cs = cs;
      this.ce = ce;
      long h = d.lemma[ce - 1];
      long lemmas = 17;
      for (int i = cs; i < ce; i++) {
        lemmas = lemmas * 31 + d.lemma[i];
      }
      for (int i = ce - 1; i >= cs; i--) {
        if (d.text.tokens().get(i).pos().startsWith("VB")) {
          h = d.lemma[i];
          break;
        }
      }
      head = h;
      cueLemmas = lemmas;
      int ps = d.paraStart[cs];
      int pe = d.paraEnd[cs];
      prevWord = cs - 1 >= ps ? d.word[cs - 1] : Doc.BOS;
      nextWord = ce < pe ? d.word[ce] : Doc.EOS;
      next2 = ce + 1 < pe ? d.word[ce + 1] : Doc.EOS;
      cueRegion = d.quoteRegion[cs];
      int after = -1;
      for (int j = ce; j < Math.min(pe, ce + 4); j++) {
        if (d.quote[j] == Doc.Q_OPEN) {
          after = d.quoteRegion[j];
          break;
        }
      }
      regionAfter = after;
      int before = -1;
      for (int j = cs - 1; j >= Math.max(ps, cs - 4); j--) {
        if (d.quote[j] == Doc.Q_CLOSE && d.quoteRegion[j] >= 0) {
          before = d.quoteRegion[j];
          break;
        }
      }
      regionBefore = before;
      int s = d.sent[cs];
      cuePlace = cs - d.sentStart[s] <= 2 ? 0 : d.sentEnd[s] - ce <= 2 ? 2 : 1;
      commas = new int[pe - ps + 1];
      stops = new int[pe - ps + 1];
      List<Token> tokens = d.text.tokens();
      for (int i = ps; i < pe; i++) {
        String t = tokens.get(i).text();
        boolean comma = t.equals(",") || t.equals(";") || d.norm[i] == DASH;
        boolean stop = t.equals(".") || t.equals("!") || t.equals("?");
        commas[i - ps + 1] = commas[i - ps] + (comma ? 1 : 0);
        stops[i - ps + 1] = stops[i - ps] + (stop ? 1 : 0);
      }
      otherCue = new boolean[d.n];
      otherStarts = new int[d.n + 1];
      for (int i = 0; i < d.n; i++) {
        boolean mine = i >= cs && i < ce;
        otherCue[i] = cueTok[i] && !mine;
        otherStarts[i + 1] = otherStarts[i] + (cueStart[i] && !mine ? 1 : 0);
      }
    }
  }

  private static final long DASH = "<dash>".hashCode();

  /** Marks counted in a prefix array {@code p} (offset {@code ps}) strictly between j and the cue. */
  private static int between(int[] p, int ps, CueContext c, int j) {
    return j < c.cs ? p[c.cs - ps] - p[j + 1 - ps] : j >= c.ce ? p[j - ps] - p[c.ce - ps] : 0;
  }

  static int fill(CueContext c, int j, long[] out) {
    Doc d = c.d;
    int k = 0;
    long dir = j < c.cs ? 1 : j >= c.ce ? 2 : 3;
    int dist = j < c.cs ? c.cs - j : j >= c.ce ? j - c.ce + 1 : 0;
    long db = distBucket(dist);
    long so = Math.max(-2, Math.min(3, d.sent[j] - d.sent[c.cs])) + 2;
    int between = j < c.cs ? c.otherStarts[c.cs] - c.otherStarts[j + 1]
        : c.otherStarts[j] - c.otherStarts[c.ce];
    long ocb = Math.min(between, 2);
    long w0 = d.word[j];
    long l0 = d.lemma[j];
    long p0 = d.pos[j];
    long q0 = d.quote[j];
    int r = d.quoteRegion[j];
    long qrel = r < 0 ? 0 : r == c.cueRegion ? 1 : r == c.regionAfter ? 2 : r == c.regionBefore ? 3 : 4;
    int ps = d.paraStart[j];
    int pe = d.paraEnd[j];
    long wm1 = j - 1 >= ps ? d.word[j - 1] : Doc.BOS;
    long wp1 = j + 1 < pe ? d.word[j + 1] : Doc.EOS;
    long pm1 = j - 1 >= ps ? d.pos[j - 1] : Doc.BOS;
    long pp1 = j + 1 < pe ? d.pos[j + 1] : Doc.EOS;
    long pm2 = j - 2 >= ps ? d.pos[j - 2] : Doc.BOS;
    long pp2 = j + 2 < pe ? d.pos[j + 2] : Doc.EOS;
    int s = d.sent[j];
    long edge = j == d.sentStart[s] ? 1 : j == d.sentEnd[s] - 1 ? 2 : j == d.sentEnd[s] - 2 ? 3 : 0;
    long oc = c.otherCue[j] ? 1 : 0;
    long pron = d.pronoun[j] ? 1 : 0;
    long cp = d.coarse[j];
    out[k++] = Hash.of(101, dir);
    out[k++] = Hash.of(102, dir, db);
    out[k++] = Hash.of(103, dir, db, so);
    out[k++] = Hash.of(104, dir, ocb);
    out[k++] = Hash.of(105, dir, ocb, so);
    out[k++] = Hash.of(106, dir, w0);
    out[k++] = Hash.of(107, dir, l0);
    out[k++] = Hash.of(108, dir, p0);
    out[k++] = Hash.of(109, dir, p0, db);
    out[k++] = Hash.of(110, dir, d.shape[j]);
    out[k++] = Hash.of(111, dir, q0);
    out[k++] = Hash.of(112, dir, qrel);
    out[k++] = Hash.of(113, dir, qrel, q0);
    out[k++] = Hash.of(114, dir, wm1);
    out[k++] = Hash.of(115, dir, wp1);
    out[k++] = Hash.of(116, dir, pm1, p0);
    out[k++] = Hash.of(117, dir, p0, pp1);
    out[k++] = Hash.of(118, dir, c.head);
    out[k++] = Hash.of(119, dir, c.head, db);
    out[k++] = Hash.of(120, dir, c.nextWord);
    out[k++] = Hash.of(121, dir, c.prevWord);
    out[k++] = Hash.of(122, dir, c.nextWord, db);
    out[k++] = Hash.of(123, dir, edge, p0);
    out[k++] = Hash.of(124, dir, oc);
    out[k++] = Hash.of(125, dir, d.para[j] == d.para[c.cs] ? 1 : 0, so);
    out[k++] = Hash.of(126, dir, p0, so);
    out[k++] = Hash.of(127, dir, l0, db);
    out[k++] = Hash.of(128, dir, c.head, cp);
    out[k++] = Hash.of(129, dir, ocb, cp);
    out[k++] = Hash.of(130, dir, q0, p0);
    out[k++] = Hash.of(131, dir, c.cuePlace, so);
    out[k++] = Hash.of(132, dir, pm2);
    out[k++] = Hash.of(133, dir, pp2);
    out[k++] = Hash.of(134, dir, pron, db);
    out[k++] = Hash.of(135, dir, c.cueLemmas);
    out[k++] = Hash.of(136, dir, c.cueLemmas, cp);
    out[k++] = Hash.of(137, dir, c.prevWord, db);
    out[k++] = Hash.of(138, dir, c.nextWord, c.next2);
    out[k++] = Hash.of(139, dir, wm1, w0);
    out[k++] = Hash.of(140, dir, w0, wp1);
    out[k++] = Hash.of(141, dir, edge, q0, qrel);
    out[k++] = Hash.of(142, dir, cp, db, ocb);
    out[k++] = Hash.of(143, dir, c.cuePlace, db);
    out[k++] = Hash.of(144, dir, c.head, qrel);
    out[k++] = Hash.of(145, dir, c.nextWord, qrel);
    out[k++] = Hash.of(146, dir, so, qrel, c.cuePlace);
    // Clause structure between the token and the cue: commas (and dashes) and sentence ends.
    int cps = d.paraStart[c.cs];
    boolean samePara = d.para[j] == d.para[c.cs];
    long commas = samePara ? Math.min(between(c.commas, cps, c, j), 3) : 4;
    long stops = samePara ? Math.min(between(c.stops, cps, c, j), 2) : 3;
    out[k++] = Hash.of(147, dir, commas, cp);
    out[k++] = Hash.of(148, dir, commas, c.nextWord);
    out[k++] = Hash.of(149, dir, stops, qrel, q0);
    out[k++] = Hash.of(150, dir, commas, stops, c.head);
    out[k++] = Hash.of(151, dir, commas, wm1, cp);
    out[k++] = Hash.of(152, dir, c.head, p0, so);
    return k;
  }
}
