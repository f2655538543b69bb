package io.claimwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteLineReaderTest {
  @Test
  void splitsOnNewlinesDropsCarriageReturnsAndNumbersLines() throws Exception {
    ByteLineReader reader = reader("a\r\nbb\n\nccc", 100);
    assertLine(reader.next(), "a", 1);
    assertLine(reader.next(), "bb", 2);
    assertLine(reader.next(), "", 3);
    assertLine(reader.next(), "ccc", 4);
    assertNull(reader.next());
  }

  @Test
  void cutsOverLongLinesAndKeepsReadingAfterThem() throws Exception {
    ByteLineReader reader = reader("x".repeat(200_000) + "\nok\n", 10);
    ByteLineReader.Line longLine = reader.next();
    assertTrue(longLine.truncated());
    assertEquals(10, longLine.bytes().length);
    assertEquals(200_000, longLine.fullLength());
    ByteLineReader.Line next = reader.next();
    assertFalse(next.truncated());
    assertLine(next, "ok", 2);
    assertNull(reader.next());
  }

  @Test
  void emptyStreamHasNoLines() throws Exception {
    assertNull(reader("", 10).next());
  }

  private static ByteLineReader reader(String text, int max) {
    return new ByteLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  private static void assertLine(ByteLineReader.Line line, String text, long number) {
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), line.bytes());
    assertEquals(number, line.number());
  }
}
