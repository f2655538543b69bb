package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.evaluation.PolnearData;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import org.junit.jupiter.api.Test;

/**
 * The greedy tagger gives OpenNLP's own tags for a beam of 1, on real news text (all of PolNeAR
 * dev): its per-part weight sums must reproduce the model's own scoring, word by word and at
 * sentence starts.
 */
class GreedyPosTaggerTest {
  @Test
  void tagsAreThoseOfPosTaggerMeWithABeamOfOne() {
    POSModel published = NlpModels.pos();
    MaxentModel maxent = published.getArtifact("pos.model");
    POSTaggerME beamOfOne = new POSTaggerME(new POSModel("en", maxent, 1, null, published.getFactory()), POSTagFormat.UD);
    GreedyPosTagger greedy = new GreedyPosTagger(published);
    SentenceDetectorME sentences = new SentenceDetectorME(NlpModels.sentences());
    TokenizerME tokenizer = new TokenizerME(NlpModels.wordKeepingTokens());

    Path dev = Path.of(System.getProperty("claimwatch.sharedData", "../../shared/data"), "polnear", "dev");
    List<PolnearData.Article> articles = PolnearData.readArticles(dev.resolve("articles.jsonl"));
    int tokens = 0;
    for (PolnearData.Article article : articles) {
      for (String sentence : sentences.sentDetect(article.body())) {
        String[] words = tokenizer.tokenize(sentence);
        if (words.length > 0) {
          assertArrayEquals(beamOfOne.tag(words), greedy.tag(words), sentence);
          tokens += words.length;
        }
      }
    }
    assertTrue(tokens > 60_000, "compared only " + tokens + " tokens");
  }
}
