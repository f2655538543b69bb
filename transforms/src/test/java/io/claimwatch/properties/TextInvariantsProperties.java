package io.claimwatch.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.ingest.ArticleParser;
import io.claimwatch.ingest.InvalidRecordException;
import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.CleanedText;
import io.claimwatch.nlp.ScraperCleaner;
import io.claimwatch.nlp.Sentence;
import io.claimwatch.nlp.Span;
import io.claimwatch.nlp.TextAnalyzer;
import io.claimwatch.nlp.Token;
import io.claimwatch.nlp.attribution.Attribution;
import io.claimwatch.nlp.attribution.AttributionExtractor;
import io.claimwatch.nlp.attribution.RuleBasedAttributionExtractor;
import io.claimwatch.nlp.attribution.model.TrainedAttributionExtractor;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated input (news-like words, doubled words, quotes, emoji outside the BMP, line breaks,
 * arbitrary characters) never breaks the invariants every output depends on: cleaning only cuts,
 * never moves, text; every token, sentence and attribution span lies inside the body on the text
 * it claims; the parser rejects with a reason and never throws anything else.
 */
class TextInvariantsProperties {
  private static final ScraperCleaner CLEANER = new ScraperCleaner();
  private static final TextAnalyzer ANALYZER = new TextAnalyzer(200);
  private static final List<AttributionExtractor> EXTRACTORS =
      List.of(new RuleBasedAttributionExtractor(), new TrainedAttributionExtractor());
  private static final ArticleParser PARSER =
      new ArticleParser(Instant.parse("1990-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"), 100_000);

  @Provide
  Arbitrary<String> newsLikeText() {
    Arbitrary<String> word = Arbitraries.oneOf(
        Arbitraries.of("said", "says", "according", "to", "the", "a", "a", "officials", "Putin", "NYT", "he",
            "that", "that", "had", "ceasefire", "front", "line", "“", "”", "\"", ",", ".", "?", ":", "\n", "\r\n",
            "😀", "Addendum", "AddendumAddendum", "reported", "told", "reporters", "not", "2", "percent"),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(8));
    return word.list().ofMaxSize(120).map(words -> String.join(" ", words));
  }

  @Property(tries = 300)
  void cleaningOnlyCutsText(@ForAll("newsLikeText") String body) {
    CleanedText cleaned = CLEANER.clean(body);
    assertOnlyCuts(body, cleaned);
    for (int i = 0; i < cleaned.cleaned().length(); i++) {
      assertEquals(cleaned.cleaned().charAt(i), body.charAt(cleaned.toOriginal(i)));
    }
  }

  @Property(tries = 60)
  void everySpanLiesInsideTheBodyOnItsText(@ForAll("newsLikeText") String body) {
    AnalyzedText text = ANALYZER.analyze(body);
    for (Token token : text.tokens()) {
      assertEquals(token.text(), body.substring(token.start(), token.end()));
    }
    for (Sentence sentence : text.sentences()) {
      assertTrue(sentence.span().end() <= body.length());
      int removedInside = 0;
      for (Span removed : text.cleaned().removed()) {
        if (sentence.span().contains(removed)) {
          removedInside += removed.length();
        }
      }
      assertTrue(sentence.span().length() - removedInside <= 200, "sentences are cut at maxSentenceChars");
    }
    for (AttributionExtractor extractor : EXTRACTORS) {
      for (Attribution a : extractor.extract(text)) {
        for (List<Span> role : List.of(a.source(), a.cue(), a.content())) {
          for (Span span : role) {
            assertTrue(span.end() <= body.length() && span.length() > 0);
            assertTrue(!text.cleaned().hasRemovedBetween(span.start(), span.end()), "spans never cover cut text");
          }
        }
      }
    }
  }

  @Property(tries = 500)
  void theParserRejectsWithAReasonAndNeverThrowsAnythingElse(@ForAll String line) {
    try {
      PARSER.parse(line);
    } catch (InvalidRecordException e) {
      assertTrue(!e.getMessage().isBlank());
    }
  }

  /** The cleaned text is the body minus its removed spans, which are ordered, disjoint and non-empty. */
  static void assertOnlyCuts(String body, CleanedText cleaned) {
    StringBuilder rebuilt = new StringBuilder();
    int at = 0;
    for (Span removed : cleaned.removed()) {
      assertTrue(removed.start() >= at && removed.end() <= body.length() && removed.length() > 0);
      rebuilt.append(body, at, removed.start());
      at = removed.end();
    }
    rebuilt.append(body, at, body.length());
    assertEquals(rebuilt.toString(), cleaned.cleaned());
  }
}
