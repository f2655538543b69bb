package io.claimwatch.nlp.attribution.model;

/** Stage 1 features: is token i the beginning/inside of a cue? Labels O, B, I. */
final class CueFeatures {
  static final int O = 0;
  static final int B = 1;
  static final int I = 2;
  static final int LABELS = 3;
  static final int MAX = 64;

  private static final long THAT = "that".hashCode();
  private static final long COLON = ":".hashCode();
  private static final long TO = "to".hashCode();
  private static final long IF = "if".hashCode();
  private static final long WHETHER = "whether".hashCode();
  private static final long ABOUT = "about".hashCode();
  private static final long FOR = "for".hashCode();
  private static final long ON = "on".hashCode();
  private static final long RB = "RB".hashCode();
  private static final long MD = "MD".hashCode();
  private static final long V = "V".hashCode();

  private CueFeatures() {}

  static boolean[] allowed() {
    boolean[] a = new boolean[(LABELS + 1) * LABELS];
    for (int prev = -1; prev < LABELS; prev++) {
      for (int y = 0; y < LABELS; y++) {
        a[(prev + 1) * LABELS + y] = y != I || prev == B || prev == I;
      }
    }
    return a;
  }

  /** Writes token i's features (hashes) into out; returns how many. */
  static int fill(Doc d, int i, long[] out) {
    int k = 0;
    int s = d.sent[i];
    int ss = d.sentStart[s];
    int se = d.sentEnd[s];
    long w0 = d.word[i];
    long l0 = d.lemma[i];
    long p0 = d.pos[i];
    long pm1 = i - 1 >= ss ? d.pos[i - 1] : Doc.BOS;
    long pp1 = i + 1 < se ? d.pos[i + 1] : Doc.EOS;
    long pm2 = i - 2 >= ss ? d.pos[i - 2] : Doc.BOS;
    long pp2 = i + 2 < se ? d.pos[i + 2] : Doc.EOS;
    long wm1 = i - 1 >= ss ? d.word[i - 1] : Doc.BOS;
    long wp1 = i + 1 < se ? d.word[i + 1] : Doc.EOS;
    long wm2 = i - 2 >= ss ? d.word[i - 2] : Doc.BOS;
    long wp2 = i + 2 < se ? d.word[i + 2] : Doc.EOS;
    long lm1 = i - 1 >= ss ? d.lemma[i - 1] : Doc.BOS;
    long lp1 = i + 1 < se ? d.lemma[i + 1] : Doc.EOS;
    long q0 = d.quote[i];
    long lex = d.cueLex[i] ? 1 : 0;
    long hasQ = d.sentHasQuote[s] ? 1 : 0;
    out[k++] = Hash.of(1, 0);
    out[k++] = Hash.of(2, w0);
    out[k++] = Hash.of(3, l0);
    out[k++] = Hash.of(4, p0);
    out[k++] = Hash.of(5, d.shape[i]);
    out[k++] = Hash.of(6, d.suffix[i]);
    out[k++] = Hash.of(7, wm1);
    out[k++] = Hash.of(8, wp1);
    out[k++] = Hash.of(9, wm2);
    out[k++] = Hash.of(10, wp2);
    out[k++] = Hash.of(11, pm1);
    out[k++] = Hash.of(12, pp1);
    out[k++] = Hash.of(13, pm2);
    out[k++] = Hash.of(14, pp2);
    out[k++] = Hash.of(15, pm1, p0);
    out[k++] = Hash.of(16, p0, pp1);
    out[k++] = Hash.of(17, pm1, p0, pp1);
    out[k++] = Hash.of(18, l0, p0);
    out[k++] = Hash.of(19, lm1, l0);
    out[k++] = Hash.of(20, l0, lp1);
    out[k++] = Hash.of(21, lex);
    out[k++] = Hash.of(22, lex, p0);
    out[k++] = Hash.of(23, q0);
    out[k++] = Hash.of(24, q0, p0);
    out[k++] = Hash.of(25, l0, q0);
    out[k++] = Hash.of(26, l0, wp1);
    out[k++] = Hash.of(27, l0, hasQ);
    out[k++] = Hash.of(28, p0, hasQ, q0);
    out[k++] = Hash.of(29, i == ss ? 1 : i == se - 1 ? 2 : 0, p0);
    out[k++] = Hash.of(30, l0, pp1);
    out[k++] = Hash.of(31, pm1, l0);
    out[k++] = Hash.of(32, wm1, w0);
    out[k++] = Hash.of(33, lm1, l0, lp1);
    out[k++] = Hash.of(34, d.lemma(i - 2 >= ss ? i - 2 : -1), lm1, l0);
    out[k++] = Hash.of(35, d.coarse[i], i - 1 >= ss ? d.coarse[i - 1] : Doc.BOS,
        i + 1 < se ? d.coarse[i + 1] : Doc.EOS);
    // Nearby reporting verbs and quote marks.
    int nearLex = 0;
    for (int j = Math.max(ss, i - 3); j < Math.min(se, i + 4); j++) {
      if (j != i && d.cueLex[j]) {
        nearLex = j < i ? 1 : 2;
      }
    }
    out[k++] = Hash.of(36, nearLex, p0);
    out[k++] = Hash.of(37, nearLex, lex, l0);
    int quoteDir = 0;
    for (int j = Math.max(ss, i - 3); j < Math.min(se, i + 4); j++) {
      if (d.quote[j] == Doc.Q_CLOSE && j < i) {
        quoteDir |= 1;
      } else if (d.quote[j] == Doc.Q_OPEN && j > i) {
        quoteDir |= 2;
      }
    }
    out[k++] = Hash.of(38, quoteDir, p0);
    out[k++] = Hash.of(39, quoteDir, l0);
    out[k++] = Hash.of(40, d.coarse[i], (long) Math.min(i - ss, 6));
    // Complement markers ahead ("that", ":", a quote, "to", "if"...) and the subject-ish token behind.
    for (int j = i + 1; j < Math.min(se, i + 5); j++) {
      long w = d.word[j];
      if (w == THAT || w == COLON || w == TO || w == IF || w == WHETHER || d.quote[j] == Doc.Q_OPEN
          || w == ABOUT || w == FOR || w == ON) {
        long what = d.quote[j] == Doc.Q_OPEN ? 1 : w;
        out[k++] = Hash.of(41, l0, what);
        out[k++] = Hash.of(42, d.coarse[i], what, j - i);
        break;
      }
    }
    int subj = i - 1;
    while (subj >= ss && (d.pos[subj] == RB || d.pos[subj] == MD || d.coarse[subj] == V)) {
      subj--;
    }
    long subjCoarse = subj >= ss ? d.coarse[subj] : Doc.BOS;
    out[k++] = Hash.of(43, subjCoarse, p0);
    out[k++] = Hash.of(44, subjCoarse, l0);
    boolean headline = !d.punct[d.paraEnd[i] - 1];
    out[k++] = Hash.of(45, headline ? 1 : 0, p0, d.shape[i]);
    out[k++] = Hash.of(46, lm1, p0, pp1);
    // Folded punctuation (dash and quote variants) with the shapes around it and the place in the
    // paragraph: "“…” ― Name", "NAME: …" in transcripts.
    long shm1 = i - 1 >= ss ? d.shape[i - 1] : Doc.BOS;
    long shp1 = i + 1 < se ? d.shape[i + 1] : Doc.EOS;
    long paraPos = Math.min(i - d.paraStart[i], 4);
    out[k++] = Hash.of(47, d.norm[i], shm1, shp1);
    out[k++] = Hash.of(48, d.norm[i], paraPos, i - 1 >= ss ? d.norm[i - 1] : Doc.BOS);
    out[k++] = Hash.of(49, d.norm[i], i - 1 >= d.paraStart[i] ? d.norm[i - 1] : Doc.BOS, shp1);
    // Lexicon class with the coarse tags around it.
    long cm1 = i - 1 >= ss ? d.coarse[i - 1] : Doc.BOS;
    long cp1 = i + 1 < se ? d.coarse[i + 1] : Doc.EOS;
    out[k++] = Hash.of(50, d.lexClass[i], cm1, cp1);
    // Quote marks anywhere in the sentence before / after the token.
    int qBefore = 0;
    int qAfter = 0;
    for (int j = ss; j < se; j++) {
      if (d.quote[j] == Doc.Q_CLOSE && j < i) {
        qBefore = 1;
      } else if (d.quote[j] == Doc.Q_OPEN && j > i) {
        qAfter = 1;
      }
    }
    long qs = qBefore * 2 + qAfter;
    out[k++] = Hash.of(51, qs, q0, p0);
    out[k++] = Hash.of(52, qs, l0);
    out[k++] = Hash.of(53, qs, d.lexClass[i], (long) Math.min(se - ss, 40) / 8);
    // The sentence before ends in a closing quote ("“…,” he said." split by the sentence detector).
    long prevQuote = s > 0 && d.sentEnd[s - 1] > d.sentStart[s - 1] && d.quote[d.sentEnd[s - 1] - 1] == Doc.Q_CLOSE
        && d.para[d.sentEnd[s - 1] - 1] == d.para[i] ? 1 : 0;
    out[k++] = Hash.of(54, prevQuote, l0, (long) Math.min(i - ss, 4));
    return k;
  }
}
