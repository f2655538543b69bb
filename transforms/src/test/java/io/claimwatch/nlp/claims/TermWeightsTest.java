package io.claimwatch.nlp.claims;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A common term is one held by more than three fifths of the reference articles, no fewer. */
class TermWeightsTest {
  @Test
  void aTermInMoreThanThreeFifthsOfTheArticlesIsCommon() {
    TermWeights weights = new TermWeights(10, Map.of("say", 7, "president", 6, "ceasefire", 1));
    assertTrue(weights.isCommon("say"));
    assertFalse(weights.isCommon("president"), "exactly three fifths");
    assertFalse(weights.isCommon("ceasefire"));
    assertFalse(weights.isCommon("unseen"), "a term the table lacks is rare");
  }

  @Test
  void theShippedTableHoldsNewsCommonestTermsAndNotTheSeedsClaim() {
    TermWeights shipped = TermWeights.shipped();
    assertTrue(shipped.isCommon("say"));
    assertTrue(shipped.isCommon("trump"));
    assertFalse(shipped.isCommon("ceasefire"));
    assertFalse(shipped.isCommon("putin"));
  }
}
