package io.claimwatch.nlp.attribution.model;

import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.Sentence;
import io.claimwatch.nlp.Token;
import io.claimwatch.nlp.attribution.CueLexicon;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Per-token attributes of an analyzed text, computed once and shared by both taggers. */
final class Doc {
  static final long BOS = 0x5bd1e995L;
  static final long EOS = 0x1b873593L;

  static final byte Q_OUT = 0;
  static final byte Q_IN = 1;
  static final byte Q_OPEN = 2;
  static final byte Q_CLOSE = 3;

  private static final Set<String> PRONOUNS = Set.of(
      "he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "us", "me", "who");


  final AnalyzedText text;
  final int n;
  final long[] word;
  final long[] lemma;
  final long[] pos;
  final long[] shape;
  final long[] suffix;
  final long[] coarse; // coarse POS: V, N, P(ronoun), J, R, punct kind, other
  final boolean[] cueLex; // a verb of CueLexicon (reporting or stance)
  final long[] lexClass; // 0 none, 1 reporting verb, 2 stance verb
  final long[] norm; // lower-case word with dash and quote variants folded together
  final boolean[] pronoun;
  final boolean[] punct;
  final byte[] quote;
  final int[] quoteRegion; // -1 outside quotes
  final int[] sent;
  final int[] para;
  final int[] sentStart;
  final int[] sentEnd; // exclusive, per sentence index
  final int[] paraStart; // per token: first token of its paragraph
  final int[] paraEnd; // per token: end token of its paragraph
  final boolean[] sentHasQuote; // per sentence

  Doc(AnalyzedText text) {
    this.text = text;
    List<Token> tokens = text.tokens();
    n = tokens.size();
    word = new long[n];
    lemma = new long[n];
    pos = new long[n];
    shape = new long[n];
    suffix = new long[n];
    coarse = new long[n];
    cueLex = new boolean[n];
    lexClass = new long[n];
    norm = new long[n];
    pronoun = new boolean[n];
    punct = new boolean[n];
    quote = new byte[n];
    quoteRegion = new int[n];
    sent = new int[n];
    para = new int[n];
    paraStart = new int[n];
    paraEnd = new int[n];
    List<Sentence> sentences = text.sentences();
    sentStart = new int[sentences.size()];
    sentEnd = new int[sentences.size()];
    sentHasQuote = new boolean[sentences.size()];
    String body = text.body();
    for (Sentence s : sentences) {
      sentStart[s.index()] = s.firstToken();
      sentEnd[s.index()] = s.endToken();
      for (int i = s.firstToken(); i < s.endToken(); i++) {
        sent[i] = s.index();
      }
    }
    int p = 0;
    for (int i = 0; i < n; i++) {
      Token t = tokens.get(i);
      if (i > 0 && hasNewline(body, tokens.get(i - 1).end(), t.start())) {
        p++;
      }
      para[i] = p;
      String lower = t.text().toLowerCase(Locale.ROOT);
      word[i] = lower.hashCode();
      lemma[i] = t.lemma().hashCode();
      pos[i] = t.pos().hashCode();
      shape[i] = shapeOf(t.text()).hashCode();
      suffix[i] = lower.length() > 3 ? lower.substring(lower.length() - 3).hashCode() : lower.hashCode() * 31L + 7;
      lexClass[i] = CueLexicon.isReportingVerb(t.lemma(), t.pos()) ? 1 : CueLexicon.isCueVerb(t.lemma(), t.pos()) ? 2 : 0;
      cueLex[i] = lexClass[i] != 0;
      norm[i] = normOf(lower).hashCode();
      pronoun[i] = PRONOUNS.contains(lower) && t.pos().startsWith("PRP") || "WP".equals(t.pos());
      punct[i] = t.isPunctuation();
      coarse[i] = coarseOf(t.pos(), t.text()).hashCode();
    }
    int start = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || para[i] != para[i - 1]) {
        for (int k = start; k < i; k++) {
          paraStart[k] = start;
          paraEnd[k] = i;
        }
        start = i;
      }
    }
    markQuotes(tokens);
  }

  /** Quote state per paragraph: “ opens, ” closes, a straight " toggles; regions get ids. */
  private void markQuotes(List<Token> tokens) {
    int region = -1;
    int next = 0;
    boolean open = false;
    for (int i = 0; i < n; i++) {
      if (i > 0 && para[i] != para[i - 1]) {
        open = false;
      }
      String t = tokens.get(i).text();
      boolean opener = t.equals("“") || t.equals("``") || t.equals("\"") && !open;
      boolean closer = t.equals("”") || t.equals("''") || t.equals("\"") && open || endsQuotation(t);
      if (opener && !closer) {
        open = true;
        region = next++;
        quote[i] = Q_OPEN;
        quoteRegion[i] = region;
      } else if (closer) {
        quote[i] = Q_CLOSE;
        quoteRegion[i] = open ? region : -1;
        open = false;
      } else {
        quote[i] = open ? Q_IN : Q_OUT;
        quoteRegion[i] = open ? region : -1;
      }
      if (quote[i] != Q_OUT) {
        sentHasQuote[sent[i]] = true;
      }
    }
  }

  /**
   * The tokenizer leaves a closing mark stuck to the punctuation before it ("?”", "!”"); such a token
   * closes the quotation as a lone ” does.
   */
  static boolean endsQuotation(String token) {
    if (token.length() < 2 || !token.endsWith("”")) {
      return false;
    }
    for (int k = 0; k < token.length() - 1; k++) {
      if (Character.isLetterOrDigit(token.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasNewline(String body, int from, int to) {
    for (int k = from; k < to; k++) {
      if (body.charAt(k) == '\n') {
        return true;
      }
    }
    return false;
  }

  long word(int i) {
    return i < 0 ? BOS : i >= n ? EOS : word[i];
  }

  long pos(int i) {
    return i < 0 ? BOS : i >= n ? EOS : pos[i];
  }

  long lemma(int i) {
    return i < 0 ? BOS : i >= n ? EOS : lemma[i];
  }

  /** Dashes ("-", "--", "–", "—", "―") and quote marks fold to one form each. */
  static String normOf(String lower) {
    if (!lower.isEmpty() && lower.chars().allMatch(c -> c == '-' || c == '\u2013' || c == '\u2014' || c == '\u2015')) {
      return "<dash>";
    }
    return switch (lower) {
      case "\"", "``", "''", "\u201c", "\u201d" -> "<quote>";
      case "'", "\u2018", "\u2019" -> "<squote>";
      default -> lower;
    };
  }

  static String shapeOf(String s) {
    StringBuilder b = new StringBuilder(4);
    char last = 0;
    for (int i = 0; i < s.length() && b.length() < 4; i++) {
      char c = s.charAt(i);
      char k = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x'
          : Character.isDigit(c) ? 'd' : c;
      if (k != last) {
        b.append(k);
        last = k;
      }
    }
    return b.toString();
  }

  static String coarseOf(String pos, String text) {
    if (pos.startsWith("VB") || pos.equals("MD")) {
      return "V";
    }
    if (pos.startsWith("NNP")) {
      return "NP";
    }
    if (pos.startsWith("NN")) {
      return "N";
    }
    if (pos.startsWith("PRP") || pos.equals("WP")) {
      return "P";
    }
    if (pos.startsWith("JJ")) {
      return "J";
    }
    if (pos.startsWith("RB")) {
      return "R";
    }
    if (!text.isEmpty() && !Character.isLetterOrDigit(text.charAt(0))) {
      return text.length() == 1 ? text : "PU";
    }
    return pos;
  }
}
