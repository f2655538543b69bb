package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CheapLemmatizerTest {
  @Test
  void irregularAndRegularInflections() {
    assertEquals("say", CheapLemmatizer.lemma("said", "VBD"));
    assertEquals("tell", CheapLemmatizer.lemma("told", "VBD"));
    assertEquals("be", CheapLemmatizer.lemma("were", "VBD"));
    assertEquals("announce", CheapLemmatizer.lemma("announced", "VBD"));
    assertEquals("state", CheapLemmatizer.lemma("stated", "VBD"));
    assertEquals("stop", CheapLemmatizer.lemma("stopped", "VBD"));
    assertEquals("deny", CheapLemmatizer.lemma("denied", "VBD"));
    assertEquals("note", CheapLemmatizer.lemma("noted", "VBN"));
    assertEquals("report", CheapLemmatizer.lemma("reported", "VBD"));
    assertEquals("warn", CheapLemmatizer.lemma("warning", "VBG"));
    assertEquals("official", CheapLemmatizer.lemma("officials", "NNS"));
    assertEquals("party", CheapLemmatizer.lemma("parties", "NNS"));
    assertEquals("person", CheapLemmatizer.lemma("people", "NNS"));
    assertEquals("line", CheapLemmatizer.lemma("lines", "NNS"));
    assertEquals("kremlin", CheapLemmatizer.lemma("Kremlin", "NNP"));
  }
}
