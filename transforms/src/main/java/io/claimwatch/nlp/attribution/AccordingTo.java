package io.claimwatch.nlp.attribution;

import io.claimwatch.nlp.Token;
import java.util.List;

/**
 * "According to X, Y" and "Y, according to X", news's commonest cue, by rule: its source runs from
 * "to" to the next clause break, its content is the rest of the sentence after that break or, when
 * the cue trails, the sentence before it. Both extractors use it; the trained one because its role
 * labeller cut the seed's "According to sources, since September, Putin has been sending signals
 * … that he is open to a ceasefire …" down to the last "that"-clause.
 */
public final class AccordingTo {
  private AccordingTo() {}

  /** Whether tokens {@code i} and {@code i + 1} (before {@code end}) are "according to". */
  public static boolean startsAt(List<Token> tokens, int i, int end) {
    return i + 1 < end && tokens.get(i).text().equalsIgnoreCase("according") && tokens.get(i + 1).text().equalsIgnoreCase("to");
  }

  /**
   * Token ranges {@code {sourceStart, sourceEnd, contentStart, contentEnd}} of the cue at {@code
   * i} in the sentence {@code [first, end)}, or null when it has no source or less than two content
   * tokens.
   */
  public static int[] roles(List<Token> tokens, int first, int end, int i) {
    int sourceStart = i + 2;
    int sourceEnd = sourceStart;
    while (sourceEnd < end && !isClauseBreak(tokens.get(sourceEnd))) {
      sourceEnd++;
    }
    if (sourceEnd == sourceStart) {
      return null;
    }
    int contentStart;
    int contentEnd;
    if (sourceEnd < end && tokens.get(sourceEnd).text().equals(",") && trimEnd(tokens, sourceEnd + 1, end) > sourceEnd + 1) {
      contentStart = sourceEnd + 1;
      contentEnd = trimEnd(tokens, contentStart, end);
    } else {
      contentStart = first;
      contentEnd = trimEnd(tokens, contentStart, i);
    }
    return contentEnd - contentStart < 2 ? null : new int[] {sourceStart, sourceEnd, contentStart, contentEnd};
  }

  static boolean isClauseBreak(Token t) {
    String s = t.text();
    return s.equals(",") || s.equals(".") || s.equals(";") || s.equals(":") || s.equals("!") || s.equals("?");
  }

  static int trimEnd(List<Token> tokens, int from, int to) {
    while (to > from && isClauseBreak(tokens.get(to - 1))) {
      to--;
    }
    return to;
  }
}
