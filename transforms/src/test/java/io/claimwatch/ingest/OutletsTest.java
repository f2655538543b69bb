package io.claimwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutletsTest {
  @TempDir Path dir;

  @Test
  void normalizesHostsInOnePlace() {
    assertEquals("nytimes.com", Outlets.normalizeHost("WWW.NYTimes.com."));
    assertEquals("bbc.co.uk", Outlets.normalizeHost("m.bbc.co.uk"));
    assertEquals("theguardian.com", Outlets.normalizeHost("amp.theguardian.com"));
    assertEquals("example.com", Outlets.normalizeHost("www.m.example.com"));
    assertEquals("m.com", Outlets.normalizeHost("m.com"));
    assertEquals("news.example.org", Outlets.normalizeHost("news.example.org"));
  }

  @Test
  void mapsHostsAndTheirSubdomainsToOutlets() throws Exception {
    Outlets outlets = Outlets.of(Map.of("nytimes.com", "The New York Times", "https://www.nyti.ms/", "The New York Times",
        "cn.nytimes.com", "NYT Chinese"));
    assertEquals("The New York Times", outlets.outletForUrl("https://www.nytimes.com/2024/x.html"));
    assertEquals("The New York Times", outlets.outletForUrl("https://nyti.ms/abc"));
    assertEquals("The New York Times", outlets.outletForUrl("https://amp.dealbook.nytimes.com/x"));
    assertEquals("NYT Chinese", outlets.outletForUrl("https://m.cn.nytimes.com/x"));
    assertEquals("bbc.com", outlets.outletForUrl("https://www.bbc.com/news"));
    assertThrows(InvalidRecordException.class, () -> outlets.outletForUrl("not a url at all"));
    assertThrows(InvalidRecordException.class, () -> outlets.outletForUrl(null));
  }

  @Test
  void loadsAJsonObjectOrATwoColumnCsv() throws Exception {
    Path json = dir.resolve("outlets.json");
    Files.writeString(json, "{\"www.washingtonpost.com\": \"Washington Post\", \"wapo.st\": \"Washington Post\"}");
    Path csv = dir.resolve("outlets.csv");
    Files.writeString(csv, "host,outlet\n# a comment\nwashingtonpost.com, Washington Post\n\"wapo.st\",\"Washington Post\"\n");
    for (Path file : new Path[] {json, csv}) {
      Outlets outlets = Outlets.load(file.toString());
      assertEquals(2, outlets.size(), file.toString());
      assertEquals("Washington Post", outlets.outletForUrl("https://m.washingtonpost.com/politics/x"));
      assertEquals("Washington Post", outlets.outletForUrl("https://wapo.st/3xyz"));
    }
    assertEquals(0, Outlets.load(null).size());
    Files.writeString(csv, "washingtonpost.com\n");
    assertThrows(IllegalArgumentException.class, () -> Outlets.load(csv.toString()));
  }

  @Test
  void theParserUsesTheMappingOnlyWhenARecordHasNoOutlet() throws Exception {
    ArticleParser parser = new ArticleParser(Instant.parse("1990-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"),
        1000, Outlets.of(Map.of("washingtonpost.com", "Washington Post")));
    assertEquals("washington post", parser.parse("{\"id\":\"a\",\"url\":\"https://amp.washingtonpost.com/x\","
        + "\"publishedAt\":\"2024-01-01\",\"body\":\"B.\"}").getOutlet());
    assertEquals("wp", parser.parse("{\"id\":\"a\",\"outlet\":\"WP\",\"url\":\"https://amp.washingtonpost.com/x\","
        + "\"publishedAt\":\"2024-01-01\",\"body\":\"B.\"}").getOutlet());
  }
}
