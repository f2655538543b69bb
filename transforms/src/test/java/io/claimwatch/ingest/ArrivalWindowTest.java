package io.claimwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which publication days a file under an arrival-day directory may hold. */
class ArrivalWindowTest {
  private static final ArrivalWindow THREE_DAYS = new ArrivalWindow(3);
  private static final String FILE = "/data/incoming/2026-03-05/feed.jsonl.gz";

  @Test
  void theArrivalDayIsTheFilesDirectory() {
    assertEquals(LocalDate.of(2026, 3, 5), ArrivalWindow.arrivalDay(FILE));
    assertEquals(LocalDate.of(2026, 3, 5), ArrivalWindow.arrivalDay("C:\\incoming\\2026-03-05\\a.jsonl"));
    assertNull(ArrivalWindow.arrivalDay("/data/2026-03-05/incoming/a.jsonl"), "only the file's own directory");
    assertNull(ArrivalWindow.arrivalDay("/data/incoming/2026-13-05/a.jsonl"), "not a date");
    assertNull(ArrivalWindow.arrivalDay("a.jsonl"));
  }

  @Test
  void articlesUpToTheLookbackAreAccepted() {
    assertNull(THREE_DAYS.violation(FILE, Instant.parse("2026-03-05T23:59:59Z")));
    assertNull(THREE_DAYS.violation(FILE, Instant.parse("2026-03-02T00:00:00Z")), "three days late");
  }

  @Test
  void laterArticlesAndArticlesFromAfterTheArrivalDayAreNot() {
    String late = THREE_DAYS.violation(FILE, Instant.parse("2026-03-01T23:59:59Z"));
    assertNotNull(late);
    assertTrue(late.contains("4 days after its publication day 2026-03-01"), late);
    String early = THREE_DAYS.violation(FILE, Instant.parse("2026-03-06T00:00:00Z"));
    assertTrue(early.contains("after its arrival day 2026-03-05"), early);
  }

  @Test
  void filesOutsideArrivalDirectoriesAreNotChecked() {
    assertNull(THREE_DAYS.violation("/data/articles.jsonl", Instant.parse("1999-01-01T00:00:00Z")));
    assertThrows(IllegalArgumentException.class, () -> new ArrivalWindow(-1));
  }
}
