package io.claimwatch.nlp.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.claimwatch.nlp.Analyzed;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchlistTest {
  private static final String CEASEFIRE = "(ceasefire | truce | \"freeze the fighting\") AND "
      + "(\"front line\" | \"line of contact\" | \"where they are\")";

  private static List<String> labels(Watchlist watchlist, String text) {
    return watchlist.labels(Analyzed.text(text).tokens());
  }

  @Test
  void matchesWordsByLemmaAndPhrasesInOrder() {
    Watchlist watchlist = Watchlist.parse("claims:\n  - label: frontline ceasefire\n    pattern: '" + CEASEFIRE + "'\n");
    assertEquals(List.of("frontline ceasefire"),
        labels(watchlist, "Putin is open to a truce along the current front lines."));
    assertEquals(List.of("frontline ceasefire"),
        labels(watchlist, "They want to freeze the fighting where they are on the battlefield."));
    assertEquals(List.of(), labels(watchlist, "Putin is open to a truce."));
    assertEquals(List.of(), labels(watchlist, "The line of contact is quiet."));
  }

  @Test
  void readsJsonTooAndSupportsNot() {
    Watchlist watchlist = Watchlist.parse("{\"claims\": [{\"label\": \"talks\", \"pattern\": \"negotiate AND NOT reject\"}]}");
    assertEquals(List.of("talks"), labels(watchlist, "Russia is ready to negotiate."));
    assertEquals(List.of(), labels(watchlist, "Russia rejects calls to negotiate."));
  }

  @Test
  void rejectsMalformedWatchlistsAndPatterns() {
    assertThrows(IllegalArgumentException.class, () -> Watchlist.parse("claims: nope"));
    assertThrows(IllegalArgumentException.class, () -> Watchlist.parse("claims:\n  - label: x\n"));
    assertThrows(IllegalArgumentException.class, () -> TermPattern.parse("(truce | ceasefire"));
    assertThrows(IllegalArgumentException.class, () -> TermPattern.parse("truce AND"));
    assertThrows(IllegalArgumentException.class, () -> TermPattern.parse("\"front line"));
  }
}
