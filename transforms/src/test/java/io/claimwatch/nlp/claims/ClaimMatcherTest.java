package io.claimwatch.nlp.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.nlp.Analyzed;
import io.claimwatch.nlp.ClaimKeys;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Numbers veto a match only when they contradict; term weights come from the shipped frequency
 * table; the embedding is skipped only where it cannot change the decision.
 */
class ClaimMatcherTest {
  /** Pairs near and far from the threshold: paraphrases, a changed detail, unrelated claims. */
  private static final List<String[]> PAIRS = List.of(
      new String[] {"putin ready ceasefire freeze fighting along current front line", "putin signal ready truce along existing front line"},
      new String[] {"putin ready ceasefire freeze fighting along current front line", "kremlin ready negotiate ceasefire army stand"},
      new String[] {"put severe crimp reserve okeefe say friday during roundtable discussion reporter nasa headquarter",
          "going put severe crimp reserve okeefe say during breakfast reporter"},
      new String[] {"last week executive committee board trustee issue not vote goldin", "last week executive committee board trustee give vote not confidence"},
      new String[] {"market research firm delloro group estimate market total 12 billion 2004",
          "market research firm delloro group estimate gigabit ethernet switch market total us$12 billion 2004"},
      new String[] {"bush say order treasury department freeze asset after suicide bombing jerusalem kill 20 person tuesday",
          "bush say statement order us treasury department act follow tuesdays suicide bombing attack jerusalem kill 20 person"},
      new String[] {"senate pass bill raise minimum wage", "senate committee reject bill raise minimum wage"},
      new String[] {"company report record profit third quarter", "storm close school across state third day"},
      // Two claims of one story (PolNeAR, 2016 primaries) that the network alone scores 0.84.
      new String[] {"bernie sanders winner wisconsin democratic primary tuesday",
          "clinton win ohio florida illinois north carolina tuesday further narrow path democratic nomination sanders"});

  @Test
  void skippingTheEmbeddingNeverChangesADecision() {
    ClaimMatcher matcher = ClaimMatcher.DEFAULT;
    for (String[] pair : PAIRS) {
      ClaimSignature a = ClaimSignature.of(pair[0]);
      ClaimSignature b = ClaimSignature.of(pair[1]);
      boolean vetoed = ClaimMatcher.vetoed(a, b);
      boolean byNetwork = matcher.probability(ClaimMatcher.features(ClaimMatcher.Claim.of(pair[0]), ClaimMatcher.Claim.of(pair[1]))) > matcher.threshold();
      if (!vetoed && byNetwork) {
        assertTrue(matcher.same(pair[0], pair[1]), pair[0] + " / " + pair[1]);
      }
      if (!byNetwork) {
        assertFalse(matcher.same(pair[0], pair[1]), pair[0] + " / " + pair[1]);
      }
    }
    assertTrue(matcher.same(PAIRS.get(0)[0], PAIRS.get(0)[1]), "the seed's paraphrase");
    assertFalse(matcher.same(PAIRS.get(6)[0], PAIRS.get(6)[1]), "a rejection is not the claim");
    assertFalse(matcher.same(PAIRS.get(7)[0], PAIRS.get(7)[1]), "unrelated claims");
  }

  @Test
  void claimsSharingOnlyAStorysNamesAreNotTheSameClaim() {
    String[] pair = PAIRS.get(8);
    ClaimMatcher matcher = ClaimMatcher.DEFAULT;
    assertTrue(matcher.probability(ClaimMatcher.features(ClaimMatcher.Claim.of(pair[0]), ClaimMatcher.Claim.of(pair[1])))
        > matcher.threshold(), "the network alone would join them");
    assertTrue(ClaimMatcher.termJaccard(ClaimSignature.of(pair[0]), ClaimSignature.of(pair[1])) < ClaimMatcher.MIN_TERM_JACCARD);
    assertFalse(matcher.same(pair[0], pair[1]));
  }

  @Test
  void termsMostArticlesHoldDoNotMakeAClaimShared() {
    // Two claims of the 2016 primaries (PolNeAR train) whose shared terms are the race's commonest.
    String headwinds = "headwind ahead trump clinton prevail primary";
    String tennessee = "trump clinton win party primary tennessee";
    ClaimMatcher matcher = ClaimMatcher.DEFAULT;
    assertTrue(matcher.probability(ClaimMatcher.features(ClaimMatcher.Claim.of(headwinds), ClaimMatcher.Claim.of(tennessee)))
        > matcher.threshold(), "the network alone would join them");
    ClaimSignature a = ClaimSignature.of(headwinds);
    ClaimSignature b = ClaimSignature.of(tennessee);
    assertTrue(ClaimMatcher.termJaccard(a, b) >= ClaimMatcher.MIN_TERM_JACCARD, "enough overlap counting every term");
    assertEquals(1, ClaimMatcher.sharedDistinctiveTerms(a, b), "only \"primary\" is not in most articles");
    assertFalse(matcher.same(headwinds, tennessee));
  }

  @Test
  void aSerializedMatcherReadsBackToTheSameModel() {
    ClaimMatcher read = ClaimMatcher.parse(ClaimMatcher.DEFAULT.serialize().lines().toList());
    assertEquals(ClaimMatcher.DEFAULT.serialize(), read.serialize());
    for (String[] pair : PAIRS) {
      double[] features = ClaimMatcher.features(ClaimMatcher.Claim.of(pair[0]), ClaimMatcher.Claim.of(pair[1]));
      assertEquals(ClaimMatcher.DEFAULT.probability(features), read.probability(features));
    }
  }

  @Test
  void anAverageOfNetworksScoresTheMeanOfTheirLogOdds() {
    ClaimMatcher first = ClaimMatcher.DEFAULT;
    // Another network over the same standardized inputs: halved output weights, another bias.
    ClaimMatcher second = ClaimMatcher.parse(first.serialize().lines().map(line -> line.startsWith("output ")
        ? "output" + Arrays.stream(line.split(" ")).skip(1).map(w -> " " + Double.parseDouble(w) / 2).collect(Collectors.joining())
        : line.startsWith("outputBias ") ? "outputBias -0.75" : line).toList());
    ClaimMatcher average = ClaimMatcher.average(List.of(first, second));
    for (String[] pair : PAIRS) {
      double[] features = ClaimMatcher.features(ClaimMatcher.Claim.of(pair[0]), ClaimMatcher.Claim.of(pair[1]));
      assertEquals((logOdds(first.probability(features)) + logOdds(second.probability(features))) / 2,
          logOdds(average.probability(features)), 1e-9, pair[0] + " / " + pair[1]);
    }
    ClaimMatcher otherInputs = ClaimMatcher.parse(first.serialize().lines()
        .map(line -> line.startsWith("mean ") ? line.replaceFirst("mean \\S+", "mean 2") : line).toList());
    assertThrows(IllegalArgumentException.class, () -> ClaimMatcher.average(List.of(first, otherInputs)));
  }

  private static boolean numbersDisagree(String keyA, String keyB) {
    return ClaimMatcher.numbersDisagree(ClaimSignature.of(keyA), ClaimSignature.of(keyB));
  }

  private static double logOdds(double probability) {
    return Math.log(probability / (1 - probability));
  }

  @Test
  void aMatcherFileWithoutItsArraysIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ClaimMatcher.parse(List.of("threshold 0.5", "mean 0 0")));
  }

  @Test
  void numbersDisagreeWhenEachClaimStatesANumberTheOtherLacks() {
    assertTrue(numbersDisagree("bank raise rate 2 percent", "bank raise rate 3 percent"));
    assertTrue(numbersDisagree("share rise 8 cent 30.50", "share rise 48 cent 30"));
  }

  @Test
  void aContractedNegationIsANegation() {
    String denial = key("Putin won't agree to a ceasefire along the current front line.");
    assertEquals(key("Putin will not agree to a ceasefire along the current front line."), denial);
    assertFalse(ClaimMatcher.DEFAULT.same(key("Putin will agree to a ceasefire along the current front line."), denial));
  }

  private static String key(String sentence) {
    return ClaimKeys.key(Analyzed.text(sentence).tokens());
  }

  /** MSRP pairs the veto refused for a number's spelling, not its value (held-out part). */
  @Test
  void aNumbersSpellingIsNotADisagreement() {
    assertFalse(numbersDisagree("protest lead 47- hour standoff police", "protest trigger 47 hour standoff police"));
    assertFalse(numbersDisagree("1990 board find budget cut", "1990s board find budget cut"));
    assertFalse(numbersDisagree("prism experience sept 11", "prism experience sept 11th"));
    assertTrue(numbersDisagree("gang member arrest 55", "gang member arrest 57"));
    assertEquals("2:40", ClaimSignature.number("2:40"));
  }

  /** Figures MSRP's tuning pairs give for one statement. */
  @Test
  void aRoundedFigureAgreesWithTheFigureItRounds() {
    assertFalse(numbersDisagree("bulk fund 65 billion military operation iraq", "bulk bill 64.7 billion military operation iraq"));
    assertFalse(numbersDisagree("earnings 446 million revenue 6.3 billion", "profit 446 million revenue 6.32 billion"));
    assertTrue(numbersDisagree("revenue 6.4 billion", "revenue 6.32 billion"));
    assertTrue(numbersDisagree("loss 2.5 million job", "loss 2.7 million job"));
  }

  @Test
  void aFigureGivenAsApproximateAgreesWithinAFifth() {
    assertFalse(numbersDisagree("least ~23 us troop kill hostile fire", "least ~26 us troop kill hostile fire"));
    assertFalse(numbersDisagree("~55 gang member arrest", "57 gang member arrest"));
    assertTrue(numbersDisagree("~55 gang member arrest", "70 gang member arrest"));
    assertTrue(numbersDisagree("~2 percent", "3 percent"));
    assertEquals(ClaimSignature.of("55 gang member arrest").terms(), ClaimSignature.of("~55 gang member arrest").terms());
    assertEquals("55 gang member arrest", ClaimSignature.normalizedText("~55 gang member arrest"));
  }

  @Test
  void aDecadeHoldsItsYears() {
    assertFalse(numbersDisagree("even 90s lacy work change baseball", "even turn 94 lacy work change baseball"));
    assertTrue(numbersDisagree("even 90s lacy work change baseball", "even turn 88 lacy work change baseball"));
    assertTrue(numbersDisagree("bribe judge 1980", "bribe judge 1985"));
  }

  @Test
  void aClaimStatingMoreNumbersAddsDetailWithoutContradiction() {
    assertFalse(numbersDisagree("share rise 8 cent", "share rise 8 cent 30.50"));
    assertFalse(numbersDisagree("share rise", "share rise 8 cent"));
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
