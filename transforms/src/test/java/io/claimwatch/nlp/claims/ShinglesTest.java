package io.claimwatch.nlp.claims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.claimwatch.evaluation.PolnearData;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Shingles hashed word by word sign a body exactly as its shingles spelled out and collected in a
 * set did (up to 903aab3): same signatures, so the same syndication groups.
 */
class ShinglesTest {
  private static final int K = 5;
  private static final MinHashBands BANDS = new MinHashBands(16, 4);

  @Test
  void signaturesAreThoseOfTheSpelledOutShingles() {
    Path dev = Path.of(System.getProperty("claimwatch.sharedData", "../../shared/data"), "polnear", "dev");
    List<PolnearData.Article> articles = PolnearData.readArticles(dev.resolve("articles.jsonl"));
    for (PolnearData.Article article : articles) {
      assertSameSignature(article.body());
    }
    // Words outside ASCII (UTF-8 of several bytes), a leading separator, repeats, and too few words.
    assertSameSignature("— Zürich's Bürgermeister said: «Ça va» — Zürich's Bürgermeister said: «Ça va» again, 北京 2024");
    assertSameSignature("one two three four");
    assertEquals(0, Shingles.hashes("one two three four", K).length);
  }

  private static void assertSameSignature(String text) {
    Set<String> spelled = spelledOut(text);
    long[] hashes = Shingles.hashes(text, K);
    assertEquals(spelled.size(), new TreeSet<>(java.util.Arrays.stream(hashes).boxed().toList()).size(), text);
    if (!spelled.isEmpty()) {
      assertArrayEquals(BANDS.signature(spelled), BANDS.signatureOfHashes(hashes), text);
    }
  }

  /** The shingles as strings, as FindSyndicatedCopies collected them before. */
  private static Set<String> spelledOut(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    Set<String> shingles = new TreeSet<>();
    int first = words.length > 0 && words[0].isEmpty() ? 1 : 0;
    for (int i = first; i + K <= words.length; i++) {
      StringBuilder shingle = new StringBuilder();
      for (int j = i; j < i + K; j++) {
        shingle.append(words[j]).append(' ');
      }
      shingles.add(shingle.toString());
    }
    return shingles;
  }
}
