package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.evaluation.PolnearData;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import org.junit.jupiter.api.Test;

/**
 * The caching tokenizer gives TokenizerME's own spans on real news text (all of PolNeAR dev, read
 * twice so that the second reading comes from the cache), and on words it must cut.
 */
class CachingTokenizerTest {
  @Test
  void spansAreThoseOfTokenizerMe() {
    TokenizerME plain = new TokenizerME(NlpModels.wordKeepingTokens());
    CachingTokenizer caching = new CachingTokenizer(NlpModels.wordKeepingTokens());
    SentenceDetectorME sentences = new SentenceDetectorME(NlpModels.sentences());

    Path dev = Path.of(System.getProperty("claimwatch.sharedData", "../../shared/data"), "polnear", "dev");
    List<PolnearData.Article> articles = PolnearData.readArticles(dev.resolve("articles.jsonl"));
    int tokens = 0;
    for (int reading = 0; reading < 2; reading++) {
      for (PolnearData.Article article : articles) {
        for (String sentence : sentences.sentDetect(article.body())) {
          opennlp.tools.util.Span[] expected = plain.tokenizePos(sentence);
          assertArrayEquals(expected, caching.tokenizePos(sentence), sentence);
          tokens += expected.length;
        }
      }
    }
    assertTrue(tokens > 120_000, "compared only " + tokens + " tokens");
  }

  @Test
  void cutsWordsWithPunctuationAtEveryOccurrence() {
    CachingTokenizer caching = new CachingTokenizer(NlpModels.wordKeepingTokens());
    String text = "\"We won't,\" he said, (again) \"we won't.\"";
    opennlp.tools.util.Span[] first = caching.tokenizePos(text);
    assertArrayEquals(new TokenizerME(NlpModels.wordKeepingTokens()).tokenizePos(text), first);
    assertTrue(first.length > text.split(" ").length, "nothing was cut");
    assertArrayEquals(first, caching.tokenizePos(text));
  }
}
