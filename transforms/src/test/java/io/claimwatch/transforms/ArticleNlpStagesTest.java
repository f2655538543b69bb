package io.claimwatch.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.nlp.Sentence;
import io.claimwatch.nlp.Span;
import io.claimwatch.nlp.Token;
import io.claimwatch.nlp.attribution.Attribution;
import io.claimwatch.nlp.attribution.RuleBasedAttributionExtractor;
import io.claimwatch.nlp.watchlist.Watchlist;
import io.claimwatch.schemas.ClaimMention;
import io.claimwatch.schemas.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each NLP stage alone, on the seed article (copied from ../shared/data/seed). */
@ExtendWith(TestPipelineExtension.class)
class ArticleNlpStagesTest {
  private static final Pattern DOUBLED_WORD = Pattern.compile("(?i)\\b(\\w+)\\s+\\1\\b");

  private static PCollection<SourcedArticle> seed(TestPipeline pipeline) {
    return pipeline.apply(Create.of(Fixtures.seed()).withCoder(SerializableCoder.of(SourcedArticle.class)));
  }

  @Test
  void cleaningMarksTheScraperFaultsAndKeepsTheBody(TestPipeline pipeline) {
    PCollection<CleanedArticle> cleaned = seed(pipeline).apply(new CleanArticles()).get(CleanArticles.CLEANED);
    PAssert.thatSingleton(cleaned).satisfies(c -> {
      assertEquals(c.article().getBody(), c.cleaned().original());
      assertTrue(c.cleaned().cleaned().contains("ready to conclude a deal"));
      assertTrue(c.cleaned().cleaned().contains("open to a ceasefire"));
      assertTrue(c.cleaned().cleaned().contains("\nAddendum\n"));
      assertFalse(DOUBLED_WORD.matcher(c.cleaned().cleaned()).find());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void sentencesAndTokensPointIntoTheOriginalBody(TestPipeline pipeline) {
    PCollection<AnalyzedArticle> analyzed = seed(pipeline)
        .apply(new CleanArticles()).get(CleanArticles.CLEANED)
        .apply(new SplitSentences(2000)).get(SplitSentences.ANALYZED);
    PAssert.thatSingleton(analyzed).satisfies(a -> {
      String body = a.article().getBody();
      List<Sentence> sentences = a.text().sentences();
      assertTrue(sentences.size() >= 15, "sentences: " + sentences.size());
      // Headings on their own line stay their own sentences.
      assertTrue(sentences.stream().anyMatch(s -> s.span().of(body).equals("Details")));
      for (Token t : a.text().tokens()) {
        assertEquals(t.text(), body.substring(t.start(), t.end()), "token text is the body at its offsets");
      }
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void attributionsAndClaimsComeOutOfTheSeed(TestPipeline pipeline) {
    PCollection<AttributedArticle> attributed = seed(pipeline)
        .apply(new CleanArticles()).get(CleanArticles.CLEANED)
        .apply(new SplitSentences(2000)).get(SplitSentences.ANALYZED)
        .apply(new ExtractAttributions(RuleBasedAttributionExtractor::new)).get(ExtractAttributions.ATTRIBUTED);
    PAssert.thatSingleton(attributed).satisfies(a -> {
      String body = a.article().getBody();
      List<String> accordingTo = new ArrayList<>();
      for (Attribution at : a.attributions()) {
        if (at.cue().get(0).of(body).equalsIgnoreCase("according to")) {
          accordingTo.add(at.source().get(0).of(body));
        }
      }
      assertTrue(accordingTo.containsAll(List.of("sources", "U.S. officials", "the newspaper")), accordingTo.toString());
      return null;
    });
    PCollection<ArticleClaims> claims = attributed.apply(new IdentifyClaims(Watchlist.EMPTY)).get(IdentifyClaims.CLAIMS);
    PAssert.thatSingleton(claims).satisfies(c -> {
      String body = Fixtures.seed().article().getBody();
      ClaimMention ceasefire = c.mentions().stream()
          .filter(m -> m.getContent().getText().contains("along the current front line"))
          .findFirst().orElseThrow();
      assertEquals(SourceKind.OFFICIALS, ceasefire.getSource().getKind());
      assertEquals("sources", ceasefire.getSource().getName());
      assertEquals("2023-12-24", ceasefire.getDay());
      assertEquals("unn", ceasefire.getOutlet());
      assertTrue(ceasefire.getAttributed());
      for (ClaimMention m : c.mentions()) {
        List<String> pieces = new ArrayList<>();
        m.getContent().getSpans().forEach(s -> pieces.add(body.substring(s.getStart(), s.getEnd())));
        assertEquals(m.getContent().getText(), String.join(" ", pieces), "content text is its spans' text");
        assertFalse(DOUBLED_WORD.matcher(m.getContent().getText()).find(), m.getContent().getText());
        assertTrue(new Span(m.getSentence().getStart(), m.getSentence().getEnd()).end() <= body.length());
      }
      assertTrue(c.mentions().stream().anyMatch(m -> !m.getAttributed() && m.getCue() == null
          && m.getSource().getKind() == SourceKind.MEDIA && m.getSource().getName().equals("unn")), "own-voice mention");
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
