package io.claimwatch.nlp.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shipped sentence-embedding model ranks a paraphrase above a claim on another subject. */
class ClaimEmbeddingsTest {
  @Test
  void aParaphraseIsCloserThanAnotherSubject() {
    String claim = "putin ready ceasefire freeze fighting along current front line";
    double paraphrase = ClaimEmbeddings.similarity(claim, "kremlin ready negotiate truce army stand");
    double otherSubject = ClaimEmbeddings.similarity(claim, "company report record profit third quarter");
    assertTrue(paraphrase > otherSubject + 0.2, paraphrase + " vs " + otherSubject);
  }

  @Test
  void similarityIsSymmetricBoundedAndOneForTheSameKey() {
    String a = "board trustee give vote not confidence";
    String b = "executive committee issue not vote goldin";
    assertEquals(ClaimEmbeddings.similarity(a, b), ClaimEmbeddings.similarity(b, a));
    assertEquals(1.0, ClaimEmbeddings.similarity(a, a), 1e-3);
    assertEquals(0.0, ClaimEmbeddings.similarity(a, ""));
    double s = ClaimEmbeddings.similarity(a, b);
    assertTrue(s >= 0 && s <= 1);
  }
}
