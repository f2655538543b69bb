package io.claimwatch.nlp.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.claimwatch.nlp.Analyzed;
import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.Span;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reported-speech patterns the first extractor must know, one sentence each. */
class RuleBasedAttributionExtractorTest {
  private final RuleBasedAttributionExtractor extractor = new RuleBasedAttributionExtractor();

  /** "source | cue | content" for each attribution, fragments of a role joined by " + ". */
  private List<String> extract(String body) {
    AnalyzedText text = Analyzed.text(body);
    return extractor.extract(text).stream()
        .map(a -> join(body, a.source()) + " | " + join(body, a.cue()) + " | " + join(body, a.content()))
        .collect(Collectors.toList());
  }

  private static String join(String body, List<Span> spans) {
    return spans.stream().map(s -> s.of(body)).collect(Collectors.joining(" + "));
  }

  @Test
  void sourceSaidThatContent() {
    assertEquals(List.of("The mayor | said | that the bridge will reopen on Monday"),
        extract("The mayor said that the bridge will reopen on Monday."));
  }

  @Test
  void contentCommaSourceSaid() {
    assertEquals(List.of("officials | said | The bridge will reopen on Monday"),
        extract("The bridge will reopen on Monday, officials said."));
  }

  /** Found by TextInvariantsProperties (jqwik seed -2680322323959169031): it threw instead. */
  @Test
  void aTrailingCueWithNothingBeforeItIsNoAttribution() {
    assertEquals(List.of(), extract("said ? , said officials"));
  }

  @Test
  void quotedContentSaidSource() {
    assertEquals(List.of("the mayor | said | “The bridge will reopen on Monday,”"),
        extract("“The bridge will reopen on Monday,” said the mayor."));
  }

  @Test
  void accordingToSourceContentAndTheReverse() {
    assertEquals(List.of("the police | According to | the road is closed"),
        extract("According to the police, the road is closed."));
    assertEquals(List.of("the police | according to | The road is closed"),
        extract("The road is closed, according to the police."));
  }

  @Test
  void otherReportingVerbsWithAuxiliariesInTheCue() {
    assertEquals(List.of("The ministry | has announced | that talks will resume"),
        extract("The ministry has announced that talks will resume."));
    assertEquals(List.of("Smith | told | that the plan had failed"),
        extract("Smith told reporters that the plan had failed."));
    assertEquals(List.of("Most voters | believe | the economy is getting worse"),
        extract("Most voters believe the economy is getting worse."));
  }

  @Test
  void theNewspaperWrites() {
    assertEquals(List.of("the newspaper | writes | The talks collapsed on Friday"),
        extract("The talks collapsed on Friday, the newspaper writes."));
  }

  @Test
  void quoteSplitByItsCueHasTwoContentFragments() {
    assertEquals(List.of("she | said | “We are ready,” + “We have always been ready.”"),
        extract("“We are ready,” she said, “We have always been ready.”"));
  }

  @Test
  void quoteRunningOverSeveralSentencesIsOneContent() {
    assertEquals(List.of("He | said | “We will win. Nobody can stop us. The war is over.”"),
        extract("He said: “We will win. Nobody can stop us. The war is over.” Then he left."));
  }

  @Test
  void attributionWithoutSource() {
    assertEquals(List.of(" | is noted | that the army has withdrawn"),
        extract("It is noted that the army has withdrawn."));
  }

  @Test
  void noAttributionInAPlainStatement() {
    assertEquals(List.of(), extract("The bridge will reopen on Monday."));
  }
}
