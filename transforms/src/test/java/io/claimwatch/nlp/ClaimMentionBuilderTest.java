package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.nlp.attribution.Attribution;
import io.claimwatch.nlp.watchlist.Watchlist;
import io.claimwatch.schemas.Article;
import io.claimwatch.schemas.ClaimMention;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every distinct attribution becomes a mention, so the mentions score as the extractor does. */
class ClaimMentionBuilderTest {
  private static final String BODY = "Smith said the bridge will reopen. Jones agreed. Brown did not think so.";

  private static Article article() {
    return Article.newBuilder().setId("a1").setOutlet("unn").setPublishedAt("2023-12-24T09:00:00Z")
        .setBody(BODY).build();
  }

  private static List<Span> at(String text) {
    return at(BODY, text, "");
  }

  /** The span of a text's first occurrence after an anchor. */
  private static List<Span> at(String body, String text, String after) {
    int start = body.indexOf(text, body.indexOf(after) + after.length());
    return List.of(new Span(start, start + text.length()));
  }

  /** All mentions of an article with this body and these attributions. */
  private static List<ClaimMention> mentionsOf(String body, List<Attribution> attributions) {
    return new ClaimMentionBuilder(Watchlist.EMPTY).build(Article.newBuilder(article()).setBody(body).build(), "2023-12-24",
        Analyzed.text(body), attributions).mentions();
  }

  private static List<ClaimMention> attributed(List<Attribution> attributions) {
    AnalyzedText text = Analyzed.text(BODY);
    return new ClaimMentionBuilder(Watchlist.EMPTY).build(article(), "2023-12-24", text, attributions).mentions().stream()
        .filter(ClaimMention::getAttributed).toList();
  }

  @Test
  void twoSourcesOfOneContentAreTwoMentionsButAnIdenticalAttributionIsOne() {
    Attribution smith = new Attribution(at("Smith"), at("said"), at("the bridge will reopen"));
    Attribution jones = new Attribution(at("Jones"), at("agreed"), at("the bridge will reopen"));
    List<ClaimMention> mentions = attributed(List.of(smith, jones, smith));
    assertEquals(2, mentions.size());
    assertEquals("Smith", mentions.get(0).getSource().getText());
    assertEquals("Jones", mentions.get(1).getSource().getText());
    assertEquals(mentions.get(0).getClaimId(), mentions.get(1).getClaimId());
    assertFalse(mentions.get(0).getClaimId().isEmpty());
  }

  @Test
  void aSentenceGivesItsWholeSentenceKeyToItsMainClaimOnly() {
    String body = "The old bridge will reopen in May after repairs, the mayor said. Taxes rise, Smith said, and fares "
        + "fall, Jones said. The council voted to close the old road for the whole summer.";
    List<Attribution> attributions = List.of(
        new Attribution(at(body, "the mayor", ""), at(body, "said", "the mayor"), at(body, "will reopen", "")),
        new Attribution(at(body, "Smith", ""), at(body, "said", "Smith"), at(body, "Taxes rise", "")),
        new Attribution(at(body, "Jones", ""), at(body, "said", "Jones"), at(body, "fares fall", "")));
    List<ClaimMention> mentions = mentionsOf(body, attributions);

    assertEquals("reopen", mentions.get(0).getClaimKey());
    assertEquals(ClaimKeys.key(Analyzed.text("The old bridge will reopen in May after repairs, the mayor said.").tokens()),
        mentions.get(0).getSentenceKey(), "the whole sentence, the mayor and said included");
    assertNull(mentions.get(1).getSentenceKey(), "the sentence's shorter claim: two claims of one sentence stay two");
    assertEquals(ClaimKeys.key(Analyzed.text("Taxes rise, Smith said, and fares fall, Jones said.").tokens()),
        mentions.get(2).getSentenceKey(), "the sentence's longest claim");
    ClaimMention ownVoice = mentions.get(3);
    assertFalse(ownVoice.getAttributed());
    assertNull(ownVoice.getSentenceKey(), "an own-voice content is its sentence");
  }

  @Test
  void aContentWithoutContentWordsIsKeptWithoutClaimIdentity() {
    Attribution so = new Attribution(at("Brown"), at("did not think"), at("so"));
    List<ClaimMention> mentions = attributed(List.of(so));
    assertEquals(1, mentions.size());
    assertEquals("so", mentions.get(0).getContent().getText());
    assertTrue(mentions.get(0).getClaimKey().isEmpty());
    assertTrue(mentions.get(0).getClaimId().isEmpty());
  }

  @Test
  void aContentWithoutAVerbIsMarkedAsANounPhrase() {
    String body = "Clinton attacked her Republican rival Donald Trump. Smith said the bridge will reopen. "
        + "Jones denied the allegations. The index rose 16 points, traders said. Brown urged voters to stay home.";
    List<Attribution> attributions = List.of(
        new Attribution(at(body, "Clinton", ""), at(body, "attacked", ""), at(body, "her Republican rival Donald Trump", "")),
        new Attribution(at(body, "Smith", ""), at(body, "said", "Smith"), at(body, "the bridge will reopen", "")),
        new Attribution(at(body, "Jones", ""), at(body, "denied", ""), at(body, "the allegations", "")),
        new Attribution(at(body, "traders", ""), at(body, "said", "traders"), at(body, "The index rose 16 points", "")),
        new Attribution(at(body, "Brown", ""), at(body, "urged", ""), at(body, "voters to stay home", "")));
    List<ClaimMention> mentions = mentionsOf(body, attributions);

    assertEquals(List.of(true, false, true, false, false), mentions.stream().map(ClaimMention::getNounPhrase).toList(),
        "rival and allegations name a topic; reopen, rose (tagged a noun) and stay are verbs");
    assertFalse(mentions.get(0).getClaimId().isEmpty(), "a noun phrase keeps the id of its own words");
    assertEquals(ClaimKeys.key(Analyzed.text("Jones denied the allegations.").tokens()), mentions.get(2).getSentenceKey(),
        "its sentence states something and is matched for it");
  }

  private static boolean isOwnVoiceClaim(String sentence) {
    Article article = Article.newBuilder().setId("a2").setOutlet("wire").setPublishedAt("2004-01-01T12:00:00Z")
        .setBody(sentence).build();
    List<ClaimMention> mentions = new ClaimMentionBuilder(Watchlist.EMPTY)
        .build(article, "2004-01-01", Analyzed.text(sentence), List.of()).mentions();
    return mentions.size() == 1 && !mentions.get(0).getAttributed();
  }

  @Test
  void anOutletsDeclarativeSentencesAreClaimsEvenWhenTheyTalkAboutSubscribersOrCopyright() {
    // MSRP train sentences that were dropped: boilerplate words inside other words or topics,
    // a verb tagged as an adjective, a decimal taken for a sentence end, a period left on a word.
    for (String sentence : List.of(
        "BellSouth added 111,000 DSL customers during the quarter to reach a total of 1.3m subscribers.",
        "\"The GPL violates the U.S. Constitution, together with copyright, antitrust and export control laws,\" SCO states.",
        "The new Finder puts a user's folders and removable media in one location, providing one-click access.",
        "Its shares fell 71 cents, or 3.5 percent, in after-hours trading to $19.55.",
        "Operating revenues rose to $1.45 billion from $1.38 billion last year.",
        "The Commerce Department imposed a 44.71 percent tariff on chips made by Hynix Semiconductor Inc.",
        "The Dow Jones Industrial Average fell 98.32, or about 1.1 percent, to 9011.53.",
        // Verbs the tagger took for nouns or adjectives, and contractions it took for possessives.
        "The council comprises 13 Shi'ites, five Sunni Arabs, five Kurds, an Assyrian Christian and a Turkmen.",
        "The lawsuit names Shelley, a Democrat, and registrars in Los Angeles, Orange and San Diego counties.",
        "Germans account for more than 40 percent of foreign visitors coming to Italy.",
        "In the United States, 20.7 percent of all women smoke.",
        "The Dow Jones industrial average closed down 18.06, or 0.2 per cent, at 9266.51.",
        "Durst, a millionaire, pleaded self-defense in the death of his neighbor Morris Black.",
        "It's the first such drill since the September 11 terrorist attacks on New York and Washington.",
        "We're losing one or two American soldiers every day.")) {
      assertTrue(isOwnVoiceClaim(sentence), sentence);
    }
  }

  @Test
  void questionsFragmentsAndBoilerplateAreNotClaims() {
    for (String sentence : List.of(
        "Will the ceasefire along the current front line hold through the winter?",
        "His first Father's Day as a dad, his first major as a champion.",
        "Staff writer Dave Michaels contributed to this report.",
        "Subscribe to our newsletter for daily updates on the war in Ukraine.",
        "Click here to read the full story about the ceasefire talks.",
        "Copyright 2024 Daily Example Media Group. All rights reserved.",
        "Reporting by Pavel Polityuk; editing by Peter Graff and Alex Richardson.",
        // Captions: nouns side by side, no verb.
        "Lord of the Rings director Peter Jackson and longtime companion Fran Walsh.",
        "Keanu Reeves and Hugo Weaving in a scene from the motion picture The Matrix Revolutions.",
        "Chairman Michael Powell and FCC colleagues at the Wednesday hearing.",
        "The film's first-time screenwriters Elizabeth Hunter and Saladin K. Patterson at the premiere.")) {
      assertFalse(isOwnVoiceClaim(sentence), sentence);
    }
  }

  @Test
  void anAttributionOfAPronounDoesNotKeepItsSentenceFromBeingAClaim() {
    // MSRP train: the extractor took "vetoed" for a cue and "them" for a content.
    String body = "Congress twice before passed similar restrictions, but President Bill Clinton vetoed them.";
    List<ClaimMention> mentions = mentionsOf(body,
        List.of(new Attribution(at(body, "President Bill Clinton", ""), at(body, "vetoed", ""), at(body, "them", "vetoed"))));
    assertEquals(2, mentions.size());
    assertTrue(mentions.get(0).getAttributed());
    assertTrue(mentions.get(0).getClaimId().isEmpty(), "a pronoun has no claim identity");
    assertFalse(mentions.get(1).getAttributed());
    assertEquals(body.substring(0, body.length() - 1), mentions.get(1).getContent().getText());
    assertFalse(mentions.get(1).getClaimId().isEmpty());

    String said = "The bridge over the river will reopen in May, Smith said.";
    List<ClaimMention> attributedOnly = mentionsOf(said,
        List.of(new Attribution(at(said, "Smith", ""), at(said, "said", ""), at(said, "The bridge over the river will reopen in May", ""))));
    assertEquals(1, attributedOnly.size(), "a content with words keeps its sentence from being own-voice");
  }
}
