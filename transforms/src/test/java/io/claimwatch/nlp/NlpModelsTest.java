package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import org.junit.jupiter.api.Test;

class NlpModelsTest {
  private static final String[] WORDS = "U.S. officials say Putin is open to a ceasefire along the current front line .".split(" ");

  @Test
  void theGreedyPosModelKeepsOneTagSequenceWhereThePublishedOneKeepsThree() {
    assertEquals(3, new POSTaggerME(NlpModels.pos(), POSTagFormat.UD).topKSequences(WORDS).length);
    assertEquals(1, new POSTaggerME(NlpModels.greedyPos(), POSTagFormat.UD).topKSequences(WORDS).length);
  }

  @Test
  void theGreedyPosModelIsTheSameModel() {
    assertArrayEquals(new POSTaggerME(NlpModels.pos(), POSTagFormat.UD).tag(WORDS),
        new POSTaggerME(NlpModels.greedyPos(), POSTagFormat.UD).tag(WORDS));
  }

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
