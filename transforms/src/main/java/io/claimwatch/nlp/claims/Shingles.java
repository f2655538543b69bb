package io.claimwatch.nlp.claims;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Word shingles of a text: every run of k consecutive lower-cased words, for near-duplicate bodies. */
public final class Shingles {
  private Shingles() {}

  public static Set<String> of(String text, int k) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    Set<String> shingles = new TreeSet<>();
    StringBuilder shingle = new StringBuilder();
    int first = words.length > 0 && words[0].isEmpty() ? 1 : 0;
    for (int i = first; i + k <= words.length; i++) {
      shingle.setLength(0);
      for (int j = i; j < i + k; j++) {
        shingle.append(words[j]).append(' ');
      }
      shingles.add(shingle.toString());
    }
    return shingles;
  }
}
