package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VerbLemmasTest {
  private static String lemma(String word, String tag) {
    return VerbLemmas.lemma(word, tag, CheapLemmatizer.lemma(word, tag));
  }

  @Test
  void regularPastsAndParticiplesTakeTheStemWordNetKnows() {
    assertEquals("release", lemma("released", "VBD"));
    assertEquals("praise", lemma("Praised", "VBN"));
    assertEquals("file", lemma("filed", "VBD"));
    assertEquals("increase", lemma("increasing", "VBG"));
    assertEquals("stop", lemma("stopped", "VBD"));
    assertEquals("deny", lemma("denied", "VBN"));
    assertEquals("end", lemma("ended", "VBD"));
  }

  @Test
  void irregularFormsTakeWordNetsBaseForm() {
    assertEquals("forbid", lemma("forbade", "VBD"));
    assertEquals("speed", lemma("sped", "VBD"));
  }

  @Test
  void aBaseFormTaggedAsAPastStaysItself() {
    assertEquals("need", lemma("need", "VBD"));
  }

  @Test
  void otherWordsKeepTheirCheapLemma() {
    assertEquals("release", lemma("releases", "NNS"));
    assertEquals("tired", VerbLemmas.lemma("tired", "JJ", "tired"));
    assertEquals("xyzzed", VerbLemmas.lemma("xyzzed", "VBD", "xyzzed"));
  }
}
