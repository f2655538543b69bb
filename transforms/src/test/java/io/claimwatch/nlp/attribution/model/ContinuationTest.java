package io.claimwatch.nlp.attribution.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.TextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TrainedAttributionExtractor#continuation}: the quote that goes on a quoted content. */
class ContinuationTest {
  private static final TextAnalyzer ANALYZER = new TextAnalyzer(2000);

  /** Token index of the n-th (0-based) token with this text. */
  private static int token(AnalyzedText text, String word, int n) {
    for (int i = 0; i < text.tokens().size(); i++) {
      if (text.tokens().get(i).text().equals(word) && n-- == 0) {
        return i;
      }
    }
    throw new AssertionError("no token " + word);
  }

  private static int[] continuation(Doc d, int[] cue, int[] content) {
    boolean[] cueTok = new boolean[d.n];
    boolean[] inContent = new boolean[d.n];
    for (int i = cue[0]; i < cue[1]; i++) {
      cueTok[i] = true;
    }
    for (int i = content[0]; i < content[1]; i++) {
      inContent[i] = true;
    }
    return TrainedAttributionExtractor.continuation(d, cue, List.of(content), cueTok, inContent);
  }

  @Test
  void quotedParagraphAfterAQuoteGoesOnIt() {
    String body = "“We are going to win,” she said.\n\n“Nobody can stop us now.”\n\nThe vote is in May.";
    AnalyzedText text = ANALYZER.analyze(body);
    Doc d = new Doc(text);
    int said = token(text, "said", 0);
    int[] more = continuation(d, new int[] {said, said + 1}, new int[] {0, token(text, "”", 0) + 1});
    int open = token(text, "“", 1);
    assertArrayEquals(new int[] {open, token(text, "”", 1) + 1}, more);
    assertEquals("“Nobody can stop us now.”", text.spansOf(more[0], more[1]).get(0).of(body));
  }

  @Test
  void quoteWithACueOfItsOwnOrAfterUnquotedContentIsLeftAlone() {
    String body = "“We are going to win,” she said.\n\n“Nobody can stop us now,” he added.";
    AnalyzedText text = ANALYZER.analyze(body);
    Doc d = new Doc(text);
    int said = token(text, "said", 0);
    assertNull(continuation(d, new int[] {said, said + 1}, new int[] {0, token(text, "”", 0) + 1}));

    String plain = "She said the party would win.\n\n“Nobody can stop us now.”";
    AnalyzedText plainText = ANALYZER.analyze(plain);
    int said2 = token(plainText, "said", 0);
    int[] content = {said2 + 1, token(plainText, ".", 0)};
    assertNull(continuation(new Doc(plainText), new int[] {said2, said2 + 1}, content));
  }

  @Test
  void quotedParagraphAfterAColonGoesOnTheCue() {
    String body = "He told the crowd:\n\n“Nobody can stop us now.”";
    AnalyzedText text = ANALYZER.analyze(body);
    Doc d = new Doc(text);
    int told = token(text, "told", 0);
    int[] content = {told + 1, token(text, ":", 0)};
    int[] more = continuation(d, new int[] {told, told + 1}, content);
    assertArrayEquals(new int[] {token(text, "“", 0), token(text, "”", 0) + 1}, more);
  }
}
