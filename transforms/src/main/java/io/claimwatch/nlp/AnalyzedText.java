package io.claimwatch.nlp;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * An article body after cleaning, sentence splitting, tokenization and tagging. Every offset points
 * into the original body; tokens removed as scraper faults are absent.
 */
public final class AnalyzedText implements Serializable {
  private final CleanedText cleaned;
  private final List<Sentence> sentences;
  private final List<Token> tokens;

  public AnalyzedText(CleanedText cleaned, List<Sentence> sentences, List<Token> tokens) {
    this.cleaned = cleaned;
    this.sentences = List.copyOf(sentences);
    this.tokens = List.copyOf(tokens);
  }

  public String body() {
    return cleaned.original();
  }

  public CleanedText cleaned() {
    return cleaned;
  }

  public List<Sentence> sentences() {
    return sentences;
  }

  public List<Token> tokens() {
    return tokens;
  }

  public List<Token> tokens(Sentence sentence) {
    return tokens.subList(sentence.firstToken(), sentence.endToken());
  }

  /** The sentence holding token {@code tokenIndex}. */
  public Sentence sentenceOf(int tokenIndex) {
    int lo = 0;
    int hi = sentences.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (sentences.get(mid).firstToken() <= tokenIndex) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return sentences.get(lo);
  }

  /** Index of the first token starting at or after {@code offset} ({@code tokens().size()} if none). */
  public int firstTokenAtOrAfter(int offset) {
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).start() < offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The tokens lying inside the given body spans, in order. */
  public List<Token> tokensIn(List<Span> spans) {
    List<Token> inside = new ArrayList<>();
    for (Span span : spans) {
      for (int i = firstTokenAtOrAfter(span.start()); i < tokens.size() && tokens.get(i).end() <= span.end(); i++) {
        inside.add(tokens.get(i));
      }
    }
    return inside;
  }

  /**
   * Body spans covering tokens {@code [from, to)}: one span per run of tokens with no removed
   * scraper fault between them, so a span never covers text the cleaner cut out.
   */
  public List<Span> spansOf(int from, int to) {
    List<Span> spans = new ArrayList<>();
    if (from >= to) {
      return spans;
    }
    int runStart = tokens.get(from).start();
    int runEnd = tokens.get(from).end();
    for (int i = from + 1; i < to; i++) {
      Token token = tokens.get(i);
      if (cleaned.hasRemovedBetween(runEnd, token.start())) {
        spans.add(new Span(runStart, runEnd));
        runStart = token.start();
      }
      runEnd = token.end();
    }
    spans.add(new Span(runStart, runEnd));
    return spans;
  }

  /** The cleaned reading of body spans, fragments joined by a space. */
  public String textOf(List<Span> spans) {
    StringBuilder text = new StringBuilder();
    for (Span span : spans) {
      if (text.length() > 0) {
        text.append(' ');
      }
      appendWithoutRemoved(span, text);
    }
    return text.toString();
  }

  private void appendWithoutRemoved(Span span, StringBuilder out) {
    int at = span.start();
    for (Span removed : cleaned.removed()) {
      if (removed.end() <= at) {
        continue;
      }
      if (removed.start() >= span.end()) {
        break;
      }
      out.append(body(), at, Math.max(at, removed.start()));
      at = Math.max(at, removed.end());
    }
    if (at < span.end()) {
      out.append(body(), at, span.end());
    }
  }
}
