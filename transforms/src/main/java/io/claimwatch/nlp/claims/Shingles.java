package io.claimwatch.nlp.claims;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Word shingles of a text, for near-duplicate bodies: every run of k consecutive lower-cased words,
 * as the {@link MinHashBands} hash of its spelling (each word followed by a space). Hashed word by
 * word rather than spelled out and collected, which was most of signing a body.
 */
public final class Shingles {
  private static final byte[] SPACE = {' '};

  private Shingles() {}

  /** One hash per shingle, in text order; a repeated shingle repeats its hash. */
  public static long[] hashes(String text, int k) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    int first = words.length > 0 && words[0].isEmpty() ? 1 : 0;
    byte[][] utf8 = new byte[words.length][];
    for (int i = first; i < words.length; i++) {
      utf8[i] = words[i].getBytes(StandardCharsets.UTF_8);
    }
    long[] hashes = new long[Math.max(0, words.length - first - k + 1)];
    for (int i = first; i + k <= words.length; i++) {
      long hash = MinHashBands.FNV_OFFSET;
      for (int j = i; j < i + k; j++) {
        hash = MinHashBands.fnv1a(MinHashBands.fnv1a(hash, utf8[j]), SPACE);
      }
      hashes[i - first] = hash;
    }
    return hashes;
  }
}
