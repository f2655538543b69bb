package io.claimwatch.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.schemas.Article;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class DetectLanguageTest {
  private static SourcedArticle article(String id, String declaredLanguage, String body) {
    return new SourcedArticle("f.jsonl", 1, Article.newBuilder().setId(id).setOutlet("o")
        .setPublishedAt("2024-05-10T00:00:00Z").setLanguage(declaredLanguage).setBody(body).build());
  }

  @Test
  void everyArticleLeavesTaggedWithItsDetectedLanguage(TestPipeline pipeline) {
    PCollectionTuple languages = pipeline
        .apply(Create.of(
            article("de", "en", "Der Minister sagte am Montag, dass die Regierung die Steuern im nächsten Jahr senken "
                + "werde. Die Opposition kritisierte den Plan als unbezahlbar."),
            article("en", null, "The finance minister said on Monday that the government would cut taxes next year, "
                + "and the opposition called the plan unaffordable."))
            .withCoder(SerializableCoder.of(SourcedArticle.class)))
        .apply(new DetectLanguage());

    PAssert.that(languages.get(DetectLanguage.TAGGED).apply("IdAndLanguage", MapElements.into(TypeDescriptors.strings())
        .via(a -> a.article().getId() + ":" + a.article().getLanguage())))
        .containsInAnyOrder("de:deu", "en:eng");
    PAssert.thatSingleton(languages.get(DetectLanguage.ENGLISH)).satisfies(a -> {
      assertEquals("eng", a.article().getLanguage());
      return null;
    });
    PAssert.thatSingleton(languages.get(DetectLanguage.OTHER_LANGUAGE)).satisfies(a -> {
      assertEquals(List.of("de", "deu"), List.of(a.articleId(), a.language()));
      assertTrue(a.mentions().isEmpty());
      return null;
    });
    pipeline.run().waitUntilFinish();
  }
}
