package io.claimwatch.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;

/**
 * OpenNLP's {@link TokenizerME}, remembering how it cut each word (run of non-space characters).
 * TokenizerME decides a word's cuts from the word alone, one model evaluation per character, and
 * the words it has to decide — those with punctuation: "said," "U.S." "Trump's" — recur in every
 * article. A word seen for the first time is cut by TokenizerME itself, so the spans are its own.
 * Not thread-safe (TokenizerME is not): one per thread or DoFn instance.
 */
final class CachingTokenizer {
  /**
   * Words whose cuts are kept (about 130 bytes each); the table starts over when full. PolNeAR train
   * has 32,839 distinct words with punctuation among its 102,820.
   */
  private static final int CACHED_WORDS = 50_000;

  /** The words TokenizerME keeps whole without asking its model, when told to (English's pattern). */
  private static final String ALPHANUMERIC = "^[A-Za-z0-9]+$";

  private final TokenizerME tokenizer;
  private final boolean keepsAlphanumericWhole;
  /** A word's tokens as offsets into the word: start, end, start, end, … */
  private final Map<String, int[]> cuts = new HashMap<>();

  CachingTokenizer(TokenizerModel model) {
    tokenizer = new TokenizerME(model);
    keepsAlphanumericWhole = model.useAlphaNumericOptimization();
    if (keepsAlphanumericWhole && !model.getFactory().getAlphaNumericPattern().pattern().equals(ALPHANUMERIC)) {
      throw new IllegalArgumentException("tokenizer model keeps other words whole than " + ALPHANUMERIC);
    }
  }

  /** The tokens of {@code text}, as {@link TokenizerME#tokenizePos} gives them. */
  Span[] tokenizePos(String text) {
    Span[] words = WhitespaceTokenizer.INSTANCE.tokenizePos(text);
    List<Span> tokens = new ArrayList<>(words.length + words.length / 4);
    for (Span word : words) {
      if (word.length() < 2 || keepsAlphanumericWhole && isAlphanumeric(text, word.getStart(), word.getEnd())) {
        tokens.add(word);
        continue;
      }
      String wordText = text.substring(word.getStart(), word.getEnd());
      int[] offsets = cuts.get(wordText);
      if (offsets == null) {
        offsets = cut(wordText);
        if (cuts.size() == CACHED_WORDS) {
          cuts.clear();
        }
        cuts.put(wordText, offsets);
      }
      for (int i = 0; i < offsets.length; i += 2) {
        tokens.add(new Span(word.getStart() + offsets[i], word.getStart() + offsets[i + 1]));
      }
    }
    return tokens.toArray(new Span[0]);
  }

  /** Whether {@link #ALPHANUMERIC} matches {@code text[start, end)}, without a regex or a substring per word. */
  private static boolean isAlphanumeric(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private int[] cut(String word) {
    Span[] spans = tokenizer.tokenizePos(word);
    int[] offsets = new int[spans.length * 2];
    for (int i = 0; i < spans.length; i++) {
      offsets[2 * i] = spans[i].getStart();
      offsets[2 * i + 1] = spans[i].getEnd();
    }
    return offsets;
  }
}
