package io.claimwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {
  @Test
  void recordsArriveInFileOrderAcrossBatchesAndBlankLinesAreSkipped() throws IOException {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      file.append("{\"n\":").append(i).append("}\n");
      if (i % 1000 == 0) {
        file.append("  \n");
      }
    }
    List<Integer> seen = new ArrayList<>();
    JsonLinesReader.forEach(new BufferedReader(new StringReader(file.toString())), "test.jsonl",
        (JsonNode record) -> seen.add(record.get("n").asInt()));
    assertEquals(5000, seen.size());
    for (int i = 0; i < seen.size(); i++) {
      assertEquals(i, seen.get(i));
    }
  }

  @Test
  void theFirstLineThatIsNotJsonIsReportedWithItsNumber() {
    StringBuilder file = new StringBuilder();
    for (int i = 1; i <= 3000; i++) {
      file.append(i == 2500 || i == 2900 ? "{broken" : "{\"n\":" + i + "}").append('\n');
    }
    List<JsonNode> seen = new ArrayList<>();
    IOException e = assertThrows(IOException.class,
        () -> JsonLinesReader.forEach(new BufferedReader(new StringReader(file.toString())), "daily.jsonl", seen::add));
    assertTrue(e.getMessage().startsWith("not JSON at daily.jsonl:2500: "), e.getMessage());
    assertEquals(2048, seen.size(), "the batch before the bad line was handed over");
  }
}
