package io.claimwatch.nlp.attribution.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.TextAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocTest {
  @Test
  void aClosingMarkFusedToPunctuationClosesTheQuotation() {
    assertTrue(Doc.endsQuotation("?”"));
    assertTrue(Doc.endsQuotation("!”"));
    assertFalse(Doc.endsQuotation("”"), "a lone mark is handled as itself");
    assertFalse(Doc.endsQuotation("now”"), "a word is not a closing mark");
    assertFalse(Doc.endsQuotation("?“"));

    // Shaped like a PolNeAR train sentence whose mark the tokenizer fuses.
    AnalyzedText text = new TextAnalyzer(2000).analyze(
        "Trump told the crowd, “Oil pays him a lot of money, right?” during a speech in Iowa on Friday.");
    List<String> words = text.tokens().stream().map(t -> t.text()).toList();
    int fused = words.indexOf("?”");
    assertTrue(fused > 0, "the tokenizer fuses the mark to the question mark here: " + words);
    Doc doc = new Doc(text);
    assertEquals(Doc.Q_CLOSE, doc.quote[fused]);
    assertEquals(Doc.Q_OUT, doc.quote[words.indexOf("during")], "the text after the quotation is outside it");
  }
}
