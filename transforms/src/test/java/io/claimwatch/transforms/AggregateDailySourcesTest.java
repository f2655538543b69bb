package io.claimwatch.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.claimwatch.nlp.Analyzed;
import io.claimwatch.nlp.ClaimMentionBuilder;
import io.claimwatch.nlp.Span;
import io.claimwatch.nlp.attribution.Attribution;
import io.claimwatch.nlp.watchlist.Watchlist;
import io.claimwatch.schemas.Article;
import io.claimwatch.schemas.ClaimMention;
import io.claimwatch.schemas.SourceDailyCount;
import io.claimwatch.schemas.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One person or paper, however each article names it, is one row of the daily sources. */
@ExtendWith(TestPipelineExtension.class)
class AggregateDailySourcesTest {
  /** An article whose every "SOURCE said CONTENT." sentence is an attribution, sources given in body order. */
  private static List<ClaimMention> mentions(String outlet, String body, String... sources) {
    Article article = Article.newBuilder().setId(outlet + "-1").setOutlet(outlet)
        .setPublishedAt("2023-12-24T09:00:00Z").setBody(body).build();
    List<Attribution> attributions = new ArrayList<>();
    int from = 0;
    for (String source : sources) {
      int start = body.indexOf(source + " said ", from);
      int cue = start + source.length() + 1;
      int end = body.indexOf('.', cue);
      attributions.add(new Attribution(List.of(new Span(start, start + source.length())), List.of(new Span(cue, cue + 4)),
          List.of(new Span(cue + 5, end))));
      from = end;
    }
    return new ClaimMentionBuilder(Watchlist.EMPTY).build(article, "2023-12-24", Analyzed.text(body), attributions)
        .mentions().stream().filter(ClaimMention::getAttributed).toList();
  }

  @Test
  void namesAliasesRolesAndPronounsOfOneSourceCountOnce(TestPipeline pipeline) {
    List<ClaimMention> all = new ArrayList<>();
    all.addAll(mentions("unn", "Russian President Vladimir Putin said the talks would go on. Putin said the front "
        + "would hold. He said the sanctions had failed. The New York Times said the talks had stalled. The "
        + "newspaper said officials were worried.", "Russian President Vladimir Putin", "Putin", "He",
        "The New York Times", "The newspaper"));
    all.addAll(mentions("wire", "Putin said the sanctions had failed. The NYT said the talks had stalled.", "Putin", "The NYT"));
    all.addAll(mentions("daily", "The Russian president said the front would hold.", "The Russian president"));

    PCollection<SourceDailyCount> sources = pipeline
        .apply(Create.of(all).withCoder(AvroCoder.of(ClaimMention.class)))
        .apply(new AggregateDailySources(4));

    PAssert.that(sources).satisfies(rows -> {
      Map<String, SourceDailyCount> byName = new TreeMap<>();
      rows.forEach(r -> byName.put(r.getSource(), r));
      assertEquals(List.of("The New York Times", "Vladimir Putin"), List.copyOf(byName.keySet()), byName.toString());
      SourceDailyCount putin = byName.get("Vladimir Putin");
      assertEquals(SourceKind.PERSON, putin.getKind());
      assertEquals(5, putin.getMentions());
      assertEquals(List.of("daily", "unn", "wire"), putin.getOutletNames());
      assertEquals(3, putin.getClaims(), "the talks, the front (twice), the sanctions (twice)");
      SourceDailyCount times = byName.get("The New York Times");
      assertEquals(SourceKind.MEDIA, times.getKind());
      assertEquals(3, times.getMentions());
      assertEquals(2, times.getOutlets());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
