package io.claimwatch.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.nlp.Analyzed;
import io.claimwatch.nlp.ClaimKeys;
import io.claimwatch.nlp.claims.ClaimMatcher;
import io.claimwatch.nlp.claims.ParaphraseClusters;
import io.claimwatch.schemas.ClaimMention;
import io.claimwatch.schemas.Span;
import io.claimwatch.schemas.SpanGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Paraphrases from different outlets and days share one claimId; denials and other numbers do not. */
@ExtendWith(TestPipelineExtension.class)
class ClusterClaimsTest {
  private static ClaimMention mention(String articleId, String day, String content) {
    String key = ClaimKeys.key(Analyzed.text(content).tokens());
    return ClaimMention.newBuilder()
        .setArticleId(articleId).setOutlet("outlet-" + articleId).setPublishedAt(day + "T12:00:00Z").setDay(day)
        .setSentence(new Span(0, content.length())).setSource(null).setCue(null)
        .setContent(new SpanGroup(content, List.of(new Span(0, content.length()))))
        .setAttributed(false).setClaimKey(key).setClaimId(ClaimKeys.id(key)).build();
  }

  /** An attributed mention whose content is cut from a longer sentence. */
  private static ClaimMention attributed(String articleId, String content, String sentenceWithoutSourceAndCue) {
    String key = ClaimKeys.key(Analyzed.text(content).tokens());
    return ClaimMention.newBuilder(mention(articleId, "2023-12-24", content))
        .setAttributed(true).setClaimKey(key).setClaimId(ClaimKeys.id(key))
        .setSentenceKey(ClaimKeys.key(Analyzed.text(sentenceWithoutSourceAndCue).tokens())).build();
  }

  @Test
  void mentionsWhoseSentencesMatchShareAnIdThoughTheirContentsAreCutDifferently(TestPipeline pipeline) {
    ClaimMention cut = attributed("wire", "to curb inflation",
        "The central bank will raise its key rate by 2 percent on Friday to curb inflation");
    ClaimMention whole = mention("daily", "2023-12-24", "The central bank raised its key rate by 2 percent on Friday to curb inflation");
    ClaimMention otherNumber = mention("tass", "2023-12-24", "The central bank raised its key rate by 3 percent on Friday to curb inflation");
    String expected = ClaimKeys.id(whole.getClaimKey());
    PCollection<ClaimMention> clustered = pipeline
        .apply(Create.of(cut, whole, otherNumber).withCoder(AvroCoder.of(ClaimMention.class)))
        .apply(new ClusterClaims(ClaimMatcher.DEFAULT, 4, 400, ParaphraseClusters.DEFAULT_SUPPORT));

    PAssert.that(clustered).satisfies(all -> {
      Map<String, String> ids = new HashMap<>();
      all.forEach(m -> ids.put(m.getArticleId(), m.getClaimId()));
      assertEquals(expected, ids.get("daily"), "named by the smallest claim key, never by a sentence");
      assertEquals(expected, ids.get("wire"), "the sentences match though the contents do not");
      assertNotEquals(expected, ids.get("tass"), "another number is another claim");
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  /** A 10k PolNeAR run joined these two claims of one Washington Post sentence through it. */
  @Test
  void twoClaimsOfOneSentenceAreNotJoinedThroughThatSentence(TestPipeline pipeline) {
    String sentence = "At the time Trump seemed to suggest he had silenced his former wife: "
        + "\"She signed a confidentiality agreement,\" he told The New York Times.";
    ClaimMention main = attributed("post", "She signed a confidentiality agreement", sentence);
    ClaimMention beside = ClaimMention.newBuilder(mention("post", "2023-12-24", "Trump he had silenced his former wife"))
        .setAttributed(true).build();
    ClaimMatcher.Claim sentenceClaim = ClaimMatcher.Claim.of(main.getSentenceKey());
    ClaimMatcher.Claim besideClaim = ClaimMatcher.Claim.of(beside.getClaimKey());
    assertTrue(ClaimMatcher.DEFAULT.same(sentenceClaim, besideClaim), "the sentence contains the other claim, so it matches it");
    PCollection<ClaimMention> clustered = pipeline
        .apply(Create.of(main, beside).withCoder(AvroCoder.of(ClaimMention.class)))
        .apply(new ClusterClaims(ClaimMatcher.DEFAULT, 4, 400, ParaphraseClusters.DEFAULT_SUPPORT));

    PAssert.that(clustered).satisfies(all -> {
      Map<String, String> ids = new HashMap<>();
      all.forEach(m -> ids.put(m.getClaimKey(), m.getClaimId()));
      assertEquals(ClaimKeys.id(main.getClaimKey()), ids.get(main.getClaimKey()));
      assertEquals(ClaimKeys.id(beside.getClaimKey()), ids.get(beside.getClaimKey()));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aSentenceListsTheOtherClaimsStatedInIt(TestPipeline pipeline) {
    ClaimMention main = attributed("post", "the senator will vote against the bill",
        "The senator will vote against the bill and the governor will veto it");
    ClaimMention beside = ClaimMention.newBuilder(mention("post", "2023-12-24", "the governor will veto it"))
        .setAttributed(true).build();
    ClaimMention elsewhere = attributed("daily", "the governor will veto it", "Aides said the governor will veto it");
    ClaimMention ownVoice = mention("wire", "2023-12-24", "The senator from Ohio votes against the farm bill on Friday");
    PCollection<KV<String, String>> within = ClusterClaims.claimsWithinSentences(pipeline
        .apply(Create.of(main, beside, elsewhere, ownVoice).withCoder(AvroCoder.of(ClaimMention.class))), 4);

    PAssert.that(within).containsInAnyOrder(KV.of(ClusterClaims.sentenceNodeOf(main), beside.getClaimKey()));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void nounPhrasesSharingATopicKeepTheirOwnIdsUnlessTheirSentencesMatch(TestPipeline pipeline) {
    ClaimMention rival = ClaimMention.newBuilder(attributed("a", "her Republican rival Donald Trump",
        "Clinton attacked her Republican rival Donald Trump on Friday")).setNounPhrase(true).build();
    // The other sentences share the phrase's terms and little else (term Jaccard under the veto's
    // 0.25), so whether they match does not hang on the network: "Sanders praised the Republican
    // front-runner Donald Trump" scores 0.55 against the first, above the threshold: a wrong join.
    ClaimMention nominee = ClaimMention.newBuilder(attributed("b", "the Republican front-runner Donald Trump",
        "Sanders told voters in Wisconsin that the Republican front-runner Donald Trump had offered little on jobs"))
        .setNounPhrase(true).build();
    ClaimMention statement = mention("c", "2023-12-24", "Clinton attacked her Republican rival Donald Trump on Friday");
    ClaimMention sameWords = ClaimMention.newBuilder(attributed("d", "her Republican rival Donald Trump",
        "A Quinnipiac poll of likely voters released Tuesday put her Republican rival Donald Trump two points ahead in Ohio and Florida")).setNounPhrase(true).build();
    PCollection<ClaimMention> clustered = pipeline
        .apply(Create.of(rival, nominee, statement, sameWords).withCoder(AvroCoder.of(ClaimMention.class)))
        .apply(new ClusterClaims(ClaimMatcher.DEFAULT, 4, 400, ParaphraseClusters.DEFAULT_SUPPORT));

    PAssert.that(clustered).satisfies(all -> {
      Map<String, String> ids = new HashMap<>();
      all.forEach(m -> ids.put(m.getArticleId(), m.getClaimId()));
      assertEquals(ClaimKeys.id(nominee.getClaimKey()), ids.get("b"), "a topic alone is compared with nothing");
      assertEquals(ids.get("c"), ids.get("a"), "its sentence states what the other outlet's sentence does");
      assertNotEquals(ids.get("a"), ids.get("b"));
      assertEquals(ClaimKeys.id(sameWords.getClaimKey()), ids.get("d"),
          "the same phrase in a sentence that matched nothing is not moved with the one that did");
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void paraphrasesShareAnIdAcrossOutletsAndDays(TestPipeline pipeline) {
    PCollection<ClaimMention> mentions = pipeline.apply(Create.of(
            mention("unn", "2023-12-24", "Putin is open to a ceasefire that would freeze the fighting along the current front line"),
            mention("wire", "2023-12-24", "Putin signals he is ready for a truce along the existing front lines"),
            mention("daily", "2023-12-25", "the Kremlin is ready to negotiate a ceasefire where the armies stand"),
            mention("tass", "2023-12-25", "Putin rejects any ceasefire"),
            mention("unn2", "2023-12-26", "Putin is not open to a ceasefire along the current front line"),
            mention("bank1", "2023-12-24", "The central bank raised its key rate by 2 percent on Friday"),
            mention("bank2", "2023-12-24", "The central bank raised its key rate by 3 percent on Friday"),
            mention("bank3", "2023-12-25", "On Friday the central bank raised its key interest rate by 2 percent"))
        .withCoder(AvroCoder.of(ClaimMention.class)));

    PCollection<ClaimMention> clustered = mentions.apply(new ClusterClaims(ClaimMatcher.DEFAULT, 4, 400, ParaphraseClusters.DEFAULT_SUPPORT));

    PAssert.that(clustered).satisfies(all -> {
      Map<String, String> ids = new HashMap<>();
      all.forEach(m -> ids.put(m.getArticleId(), m.getClaimId()));
      assertEquals(ids.get("unn"), ids.get("wire"), "paraphrase");
      assertEquals(ids.get("unn"), ids.get("daily"), "paraphrase on the next day");
      assertNotEquals(ids.get("unn"), ids.get("tass"), "a rejection is another claim");
      assertNotEquals(ids.get("unn"), ids.get("unn2"), "a negation is another claim");
      assertEquals(ids.get("bank1"), ids.get("bank3"), "same number, other wording, next day");
      assertNotEquals(ids.get("bank1"), ids.get("bank2"), "another number is another claim");
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void theSameInputGivesTheSameIdsWhateverItsOrder(TestPipeline pipeline) {
    List<ClaimMention> forward = List.of(
        mention("a", "2023-12-24", "Putin is open to a ceasefire that would freeze the fighting along the current front line"),
        mention("b", "2023-12-24", "Putin signals he is ready for a truce along the existing front lines"));
    String expected = ClaimKeys.id(List.of(forward.get(0).getClaimKey(), forward.get(1).getClaimKey()).stream()
        .min(String::compareTo).orElseThrow());
    PCollection<ClaimMention> clustered = pipeline
        .apply(Create.of(List.of(forward.get(1), forward.get(0))).withCoder(AvroCoder.of(ClaimMention.class)))
        .apply(new ClusterClaims(ClaimMatcher.DEFAULT, 4, 400, ParaphraseClusters.DEFAULT_SUPPORT));
    PAssert.that(clustered).satisfies(all -> {
      all.forEach(m -> assertEquals(expected, m.getClaimId(), "the id of the cluster's smallest key"));
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
