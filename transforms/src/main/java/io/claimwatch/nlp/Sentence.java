package io.claimwatch.nlp;

import java.io.Serializable;

/** A sentence: its span in the original body and its tokens {@code [firstToken, endToken)}. */
public record Sentence(int index, Span span, int firstToken, int endToken) implements Serializable {

  public int tokenCount() {
    return endToken - firstToken;
  }
}
