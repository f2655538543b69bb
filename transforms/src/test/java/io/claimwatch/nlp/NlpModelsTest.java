package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import opennlp.tools.tokenize.TokenizerME;
import org.junit.jupiter.api.Test;

class NlpModelsTest {
  @Test
  void theWordKeepingTokenizerKeepsWordsThePublishedOneCuts() {
    String text = "Airbnb and FedEx said so.";
    assertArrayEquals(new String[] {"Airbnb", "and", "FedEx", "said", "so", "."},
        new TokenizerME(NlpModels.wordKeepingTokens()).tokenize(text));
    assertEquals(8, new TokenizerME(NlpModels.tokens()).tokenize(text).length);
  }

  @Test
  void theWordKeepingTokenizerStillSplitsPunctuationAndClitics() {
    String text = "\"We can't,\" the U.S. official's aide said (on Monday).";
    assertArrayEquals(new TokenizerME(NlpModels.tokens()).tokenize(text),
        new TokenizerME(NlpModels.wordKeepingTokens()).tokenize(text));
    assertEquals(15, new TokenizerME(NlpModels.wordKeepingTokens()).tokenize(text).length);
  }
}
