package io.claimwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublicationTimesTest {
  @Test
  void readsTheDatesThatPagesAndFeedsWrite() {
    assertEquals(Instant.parse("2024-03-01T07:30:00Z"), PublicationTimes.parseLenient("2024-03-01T09:30:00+02:00"));
    assertEquals(Instant.parse("2024-03-01T07:30:00Z"), PublicationTimes.parseLenient("2024-03-01T09:30:00+0200"));
    assertEquals(Instant.parse("2024-03-01T07:30:00.5Z"), PublicationTimes.parseLenient("2024-03-01T09:30:00.500+0200"));
    assertEquals(Instant.parse("2024-03-01T00:00:00Z"), PublicationTimes.parseLenient(" 2024-03-01 "));
    assertEquals(Instant.parse("2024-03-01T10:00:00Z"), PublicationTimes.parseLenient("Fri, 01 Mar 2024 10:00:00 GMT"));
    assertEquals(Instant.parse("2024-03-01T10:00:00Z"), PublicationTimes.parseLenient("Fri, 1 Mar 2024 10:00:00 +0000"));
    assertEquals(Instant.parse("2024-03-01T15:00:00Z"), PublicationTimes.parseLenient("Fri, 01 Mar 2024 10:00:00 EST"));
    assertEquals(Instant.parse("2024-03-01T10:00:00Z"), PublicationTimes.parseLenient("1 Mar 2024 10:00 UT"));
    assertNull(PublicationTimes.parseLenient("last Friday"));
    assertNull(PublicationTimes.parseLenient(""));
    assertNull(PublicationTimes.parseLenient(null));
  }
}
