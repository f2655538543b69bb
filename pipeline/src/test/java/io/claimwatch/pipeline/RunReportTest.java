package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
  @TempDir Path out;

  private static String daily(String day, String claimId, int outlets, int mentions) {
    return String.format("{\"day\":\"%s\",\"claimId\":\"%s\",\"outlets\":%d,\"mentions\":%d,\"examples\":[{\"text\":\"claim %s\"}]}",
        day, claimId, outlets, mentions, claimId);
  }

  @Test
  void eachDayShowsItsClaimCountAndOnlyItsTopClaimsInOrder() throws Exception {
    Files.writeString(out.resolve("summary.json"), "{\"read\": 3}");
    Files.createDirectories(out.resolve("daily"));
    Files.write(out.resolve("daily/part-0.jsonl"), List.of(
        daily("2023-12-24", "low", 1, 1), daily("2023-12-24", "top", 3, 2), daily("2023-12-25", "next", 1, 1)));
    Files.write(out.resolve("daily/part-1.jsonl"), List.of(daily("2023-12-24", "second", 3, 1)));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    RunReport.print(out.toString(), 2, new PrintStream(printed, true, StandardCharsets.UTF_8));

    String report = printed.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("Top claims on 2023-12-24 (3 claims):"), report);
    assertTrue(report.indexOf("claim top") < report.indexOf("claim second"), report);
    assertFalse(report.contains("claim low"), "beyond the top 2 of its day");
    assertTrue(report.contains("Top claims on 2023-12-25 (1 claims):"), report);
    assertEquals(2, report.split("Top claims on").length - 1);
  }
}
