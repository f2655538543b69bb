package io.claimwatch.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
  private static List<String> sentences(String body) {
    AnalyzedText text = Analyzed.text(body);
    return text.sentences().stream().map(s -> s.span().of(text.body())).toList();
  }

  @Test
  void abbreviationsInsideASentenceDoNotEndIt() {
    // Shapes of MSRP train sentences that OpenNLP's detector split.
    assertEquals(1, sentences("Less than a mile away, across a river, St. Joseph features trendy restaurants.").size());
    assertEquals(1, sentences("California Gov. Gray Davis signed the bill on Monday.").size());
    assertEquals(1, sentences("The affidavit says al-Amoudi was detained Aug. 16 attempting to travel to Damascus.").size());
    assertEquals(1, sentences("Former President George H. W. Bush spoke at the ceremony.").size());
    assertEquals(1, sentences("Operating revenues rose to $1.45 billion from $1.38 billion last year.").size(),
        "a decimal point is not a sentence end");
    assertEquals(1, sentences("Results from PepsiCo Inc. PEP.N were likely to be in the spotlight.").size(), "a ticker");
    assertEquals(1, sentences("The boycott led then-Gov. Walter J. Hickel to impose a moratorium.").size());
    assertEquals(1, sentences("The robot, due to be launched at 2:05 p.m. (7:05 p.m.) on Sunday, was named by children.").size());
  }

  @Test
  void realSentenceEndsStay() {
    assertEquals(List.of("The index rose 16 points.", "Traders were relieved."),
        sentences("The index rose 16 points. Traders were relieved."));
    assertEquals(List.of("The deal was signed by Microsoft Corp.", "Shares rose."),
        sentences("The deal was signed by Microsoft Corp. Shares rose."));
    assertEquals(List.of("The deal was signed by Microsoft Corp.", "U.S. shares rose."),
        sentences("The deal was signed by Microsoft Corp. U.S. shares rose."));
  }

  private static String words(String body) {
    return String.join(" ", Analyzed.text(body).tokens().stream().map(Token::text).toList());
  }

  @Test
  void cliticsAreTokensOfTheirOwn() {
    assertEquals("The results do n't include Compaq 's figures .", words("The results don't include Compaq's figures."));
    assertEquals("It wo n't rain , they 're sure .", words("It won't rain, they're sure."));
    assertEquals("putin not agree", ClaimKeys.key(Analyzed.text("Putin won't agree.").tokens()), "the negation survives");
  }

  @Test
  void aNumberCutAtItsThousandsSeparatorIsJoined() {
    assertEquals("The Dow closed at 8,829 .", words("The Dow closed at 8,829."));
  }

  @Test
  void aNumberCutInsideIsJoinedAndTheSentencePeriodIsATokenOfItsOwn() {
    // MSRP train sentences: the tokenizer gave "9011.5" "3." and left the period on "AIDS.".
    assertEquals("The Dow fell 98.32 , or about 1.1 percent , to 9011.53 .",
        words("The Dow fell 98.32, or about 1.1 percent, to 9011.53."));
    assertEquals("South Africa has 4.7 million people infected with HIV or AIDS .",
        words("South Africa has 4.7 million people infected with HIV or AIDS."));
    assertEquals("The semiconductors were made by Hynix Semiconductor Inc.",
        words("The semiconductors were made by Hynix Semiconductor Inc."), "an abbreviation keeps its period");
  }
}
