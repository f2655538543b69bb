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
  void recordsArriveInFileOrderAndBlankLinesAreSkipped() throws IOException {
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
    assertEquals(2499, seen.size(), "every record before the bad line was handed over");
  }

  @Test
  void aLineIsReadOnlyAsFarAsItsFieldsAreWanted() throws IOException {
    String file = "{\"day\":\"2024-03-01\",\"nested\":{\"day\":\"inner\",\"list\":[1,{\"x\":2}]},\"n\":7,\"gone\":null,\"last\":\"z\"}\n"
        + "\n"
        + "{\"day\":\"2024-03-02\",\"n\":8} trailing garbage is never reached\n";
    List<String> seen = new ArrayList<>();
    JsonLinesReader.forEachLine(new BufferedReader(new StringReader(file)), "daily.jsonl", line -> {
      JsonNode fields = line.fields(java.util.Set.of("day", "nested", "n", "gone"));
      seen.add(fields.path("day").asText() + "|" + fields.path("n").asLong() + "|" + fields.has("nested") + "|"
          + fields.path("gone").asText() + "|" + fields.has("last"));
    });
    // A nested object is skipped, not returned; a null reads as the whole record's would ("null").
    assertEquals(List.of("2024-03-01|7|false|null|false", "2024-03-02|8|false||false"), seen);
  }

  @Test
  void aWholeRecordAsksForTheWholeLineAndItsErrorsNameTheLine() {
    String file = "{\"n\":1}\n{\"n\":2,\"x\":}\n";
    List<Long> seen = new ArrayList<>();
    IOException e = assertThrows(IOException.class, () -> JsonLinesReader.forEachLine(
        new BufferedReader(new StringReader(file)), "mentions.jsonl", line -> seen.add(line.record().path("n").asLong())));
    assertEquals(List.of(1L), seen);
    assertTrue(e.getMessage().startsWith("not JSON at mentions.jsonl:2: "), e.getMessage());
    IOException notAnObject = assertThrows(IOException.class, () -> JsonLinesReader.forEachLine(
        new BufferedReader(new StringReader("[1,2]\n")), "daily.jsonl", line -> line.fields(java.util.Set.of("n"))));
    assertTrue(notAnObject.getMessage().startsWith("not JSON at daily.jsonl:1: "), notAnObject.getMessage());
  }
}
