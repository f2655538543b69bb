package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syndicated copies, relayed reporting, watchlist labels and the sources output, end to end. */
class ClaimIdentityPipelineTest {
  @TempDir Path out;

  @Test
  void wireCopiesAreOneIndependentOutlet() throws Exception {
    assertEquals(PipelineResult.State.DONE,
        PipelineRuns.run(PipelineRuns.fixture("syndicated-bridge.jsonl").toString(), out));

    for (JsonNode m : PipelineRuns.records(out, "mentions")) {
      String article = m.get("articleId").asText();
      if (article.startsWith("wire-")) {
        assertEquals("wire-a", m.get("syndicationGroup").asText(), m.toString());
      } else {
        assertTrue(m.get("syndicationGroup").isNull(), m.toString());
      }
    }
    JsonNode bridge = PipelineRuns.records(out, "daily").stream()
        .filter(d -> d.get("outletNames").size() == 4)
        .findFirst().orElseThrow(() -> new AssertionError("no claim seen in all four outlets"));
    assertEquals(4, bridge.get("outlets").asLong());
    assertEquals(2, bridge.get("independentOutlets").asLong(), bridge.toString());
    assertEquals(4, bridge.get("mentions").asLong());
    assertEquals(2, bridge.get("independentMentions").asLong());
    assertTrue(bridge.get("paraphrases").size() >= 2, bridge.toString());
  }

  @Test
  void theSeedRelaysTheNewYorkTimesAndCarriesItsWatchlistLabel() throws Exception {
    Path seed = PipelineRuns.sharedData().resolve("seed/articles.jsonl");
    String watchlist = Path.of("../samples/watchlist/ceasefire.yaml").toAbsolutePath().normalize().toString();
    assertEquals(PipelineResult.State.DONE, PipelineRuns.run(seed.toString(), out, "--watchlist=" + watchlist));

    List<JsonNode> mentions = PipelineRuns.records(out, "mentions");
    mentions.forEach(m -> assertEquals("The New York Times", m.get("relayedFrom").asText()));
    JsonNode labelled = mentions.stream()
        .filter(m -> m.get("content").get("text").asText().contains("along the current front line"))
        .findFirst().orElseThrow();
    assertEquals("ceasefire along current front line", labelled.get("labels").get(0).asText());

    List<JsonNode> rows = PipelineRuns.records(out, "watchlist");
    assertEquals(1, rows.size());
    JsonNode row = rows.get(0);
    assertEquals("ceasefire along current front line", row.get("label").asText());
    assertEquals("2023-12-24", row.get("day").asText());
    assertTrue(row.get("mentions").asLong() >= 1);
    assertEquals("The New York Times", row.get("relays").get(0).get("relayedFrom").asText());

    List<JsonNode> sources = PipelineRuns.records(out, "sources");
    JsonNode nyt = sources.stream().filter(s -> s.get("source").asText().equals("The New York Times"))
        .findFirst().orElseThrow();
    assertEquals("MEDIA", nyt.get("kind").asText());
    assertNotNull(nyt.get("claims"));
    assertNull(sources.stream().filter(s -> s.get("source").asText().equals("unn")).findFirst().orElse(null),
        "own-voice mentions are not citations");
  }
}
