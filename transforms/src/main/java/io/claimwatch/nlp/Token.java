package io.claimwatch.nlp;

import java.io.Serializable;

/**
 * A token of an analyzed article. {@code start}/{@code end} index the original body; {@code text}
 * is the token as it reads after cleaning, {@code pos} a Penn Treebank tag, {@code lemma} a cheap
 * lower-case lemma.
 */
public record Token(String text, int start, int end, String pos, String lemma) implements Serializable {

  public Span span() {
    return new Span(start, end);
  }

  public boolean isPunctuation() {
    return !text.isEmpty() && !Character.isLetterOrDigit(text.codePointAt(0));
  }
}
