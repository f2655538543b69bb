package io.claimwatch.nlp.claims;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Numbers veto a match only when they contradict; weights come from the shipped frequency table. */
class ClaimMatcherTest {
  @Test
  void numbersDisagreeWhenEachClaimStatesANumberTheOtherLacks() {
    assertTrue(ClaimMatcher.numbersDisagree(ClaimSignature.of("bank raise rate 2 percent"), ClaimSignature.of("bank raise rate 3 percent")));
    assertTrue(ClaimMatcher.numbersDisagree(ClaimSignature.of("share rise 8 cent 30.50"), ClaimSignature.of("share rise 48 cent 30")));
  }

  @Test
  void aClaimStatingMoreNumbersAddsDetailWithoutContradiction() {
    assertFalse(ClaimMatcher.numbersDisagree(ClaimSignature.of("share rise 8 cent"), ClaimSignature.of("share rise 8 cent 30.50")));
    assertFalse(ClaimMatcher.numbersDisagree(ClaimSignature.of("share rise"), ClaimSignature.of("share rise 8 cent")));
    assertFalse(ClaimMatcher.DEFAULT.same("bank raise key rate 2 percent friday", "bank raise key rate 3 percent friday"),
        "the veto holds whatever the model says");
  }

  @Test
  void commonTermsWeighLessThanRareOnes() {
    TermWeights weights = TermWeights.shipped();
    assertTrue(weights.weight("say") < weights.weight("ceasefire"));
    assertTrue(weights.weight("ceasefire") < weights.weight("zzzunseenword"));
    assertTrue(weights.weight("say") >= 0);
  }
}
