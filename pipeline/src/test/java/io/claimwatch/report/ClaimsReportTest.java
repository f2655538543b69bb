package io.claimwatch.report;

import static io.claimwatch.report.ReportFixture.EMERGING;
import static io.claimwatch.report.ReportFixture.HOSTILE;
import static io.claimwatch.report.ReportFixture.LAST_DAY;
import static io.claimwatch.report.ReportFixture.STEADY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's HTML, from a hand-written output directory (no pipeline run, no browser). */
class ClaimsReportTest {
  @TempDir Path dir;

  private String render() throws IOException {
    return ClaimsReport.render(ReportFixture.write(dir), 5);
  }

  @Test
  void articleTextOutletsAndSourcesAreEscaped() throws IOException {
    String html = render();
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element at all");
    assertTrue(html.contains("&lt;script&gt;document.documentElement.setAttribute(&#39;data-xss&#39;,&#39;1&#39;)&lt;/script&gt;"));
    assertTrue(html.contains("&lt;i&gt;evil&lt;/i&gt; outlet"));
    assertFalse(html.contains("<i>evil"));
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assertFalse(html.contains("<img"));
    assertTrue(html.contains("/data/&lt;b&gt;odd&lt;/b&gt;.jsonl"), "input file names are escaped too");
    assertTrue(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), "dead-letter input is shown, escaped");
  }

  @Test
  void onlyHttpUrlsBecomeLinks() throws IOException {
    String html = render();
    assertFalse(html.contains("javascript:"), "a javascript: url is dropped, not linked");
    assertTrue(html.contains("href=\"https://alpha.example/ceasefire\""));
  }

  @Test
  void selfContainedWithNoScriptsOrRemoteResources() throws IOException {
    String html = render();
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""),
        "a Content-Security-Policy forbids scripts and network requests");
    for (String remote : new String[] {"<link", "@import", "url(", "<iframe", "<object", "<embed", "<img"}) {
      assertFalse(html.contains(remote), remote);
    }
    // Every '<' in text is escaped, so a '<' always starts a real tag: none may load anything.
    assertFalse(Pattern.compile("<[^>]*\\s(src|srcset|poster|background|xlink:href)\\s*=").matcher(html).find());
  }

  @Test
  void everyInternalLinkHasATarget() throws IOException {
    String html = render();
    Set<String> ids = matches(html, " id=\"([^\"]+)\"");
    Set<String> targets = matches(html, "href=\"#([^\"]+)\"");
    assertFalse(targets.isEmpty());
    targets.removeAll(ids);
    assertEquals(Set.of(), targets, "links without a target");
    assertTrue(ids.contains("day-" + LAST_DAY));
    assertTrue(ids.contains("claim-" + EMERGING));
  }

  @Test
  void daysRankClaimsByIndependentOutletsWhenPresentThenOutlets() throws IOException {
    String html = render();
    String day = section(html, "id=\"day-" + LAST_DAY + "\"", "</table>");
    int hostile = day.indexOf(HOSTILE);
    int emerging = day.indexOf(EMERGING);
    int steady = day.indexOf(STEADY);
    assertTrue(hostile >= 0 && emerging >= 0 && steady >= 0, day);
    assertTrue(hostile < emerging && emerging < steady, "7 independent outlets, then 4 outlets, then 1");
    assertTrue(html.contains("Indep. outlets"), "the column says what it counts");
    assertTrue(html.indexOf("id=\"day-" + LAST_DAY + "\"") < html.indexOf("id=\"day-2024-03-09\""), "newest day first");
    assertFalse(html.contains("id=\"day-" + ReportFixture.EMPTY_DAY + "\""));
  }

  @Test
  void emergingClaimIsScoredAndTheFormulaStated() throws IOException {
    String html = render();
    String emerging = section(html, "id=\"emerging\"", "</section>");
    assertTrue(emerging.contains("score = (<i>c</i> − mean<sub>7</sub>) / (sd<sub>7</sub> + 1)"));
    double expected = (6 - 1.0 / 7) / (Math.sqrt(6) / 7 + 1);
    assertTrue(emerging.contains(EMERGING), emerging);
    assertTrue(emerging.contains(String.format(Locale.ROOT, "%.2f", expected)), "score " + expected);
    assertFalse(emerging.contains(STEADY), "1 mention a day is not emerging");
    assertTrue(emerging.contains("1 emerging claim-day"));
    String day = section(html, "id=\"day-" + LAST_DAY + "\"", "</table>");
    assertTrue(day.contains("emerging · " + String.format(Locale.ROOT, "%.2f", expected)), "badge in the day's list");
  }

  @Test
  void chartsCountMentionsPerOutletFromMentions() throws IOException {
    String html = render();
    assertEquals(3, count(html, "class=\"chart claim-chart\""), "one timeline row per top claim");
    assertTrue(html.contains("class=\"heat\""));
    assertTrue(html.contains("<title>alpha · the grain corridor will reopen on Monday: 2 mentions</title>"));
    assertTrue(html.contains("<title>" + LAST_DAY + " · beta: 2 of 6</title>"), "stacked by outlet");
    assertTrue(html.contains("<title>1 day without records left out</title>"), "the empty day is marked");
    String timeline = section(html, "id=\"timeline\"", "</section>");
    assertTrue(timeline.indexOf(STEADY) < timeline.indexOf(HOSTILE) && timeline.indexOf(HOSTILE) < timeline.indexOf(EMERGING),
        "run ranking: outlet-days 9, 7, 5");
  }

  @Test
  void runFactsShowInputsCountsAndDeadLettersByReason() throws IOException {
    String html = render();
    String run = section(html, "id=\"run\"", "</section>");
    assertTrue(run.contains("<code>/data/in.jsonl</code>"));
    assertTrue(run.matches("(?s).*<td>parse</td><td>malformed JSON</td><td class=\"num\">2</td>.*"), run);
    assertTrue(run.contains("<td>parse</td><td>missing body</td><td class=\"num\">1</td>"));
    assertTrue(run.contains("<td>sentences</td><td>sentence splitter failed</td><td class=\"num\">1</td>"));
    assertTrue(run.contains("<tr><th>sentences</th><td class=\"num\">1</td></tr>"), "by stage, from summary.json");
    assertTrue(run.contains("1 record in <code>duplicates/</code>"));
  }

  @Test
  void reasonsGroupWithoutTheirParticulars() {
    assertEquals("malformed JSON", ReportData.reasonGroup("malformed JSON: Unexpected end-of-input"));
    assertEquals("implausible publishedAt",
        ReportData.reasonGroup("implausible publishedAt 2999-01-01T00:00:00Z (accepted: 1990-01-01T00:00:00Z to 2100-01-01T00:00:00Z)"));
    assertEquals("duplicate id", ReportData.reasonGroup("duplicate id; kept the copy at in.jsonl:1"));
    assertEquals("missing body", ReportData.reasonGroup("missing body"));
    assertEquals("(no reason given)", ReportData.reasonGroup(""));
  }

  @Test
  void sameOutputsSameReport() throws IOException {
    assertEquals(render(), ClaimsReport.render(dir, 5));
  }

  @Test
  void theReportDoesNotDependOnTheOrderOfRecords() throws IOException {
    // Output files are sharded at random: the same records may come in any order. Here the steady
    // claim's key differs by day, so a key taken from whichever day came last would differ, and
    // two dead letters share the reason "malformed JSON", so would a sample taken first or last.
    ReportFixture.write(dir);
    Path deadLetters = dir.resolve("deadletter").resolve("deadletter-00000-of-00001.jsonl");
    List<String> letters = new ArrayList<>(Files.readAllLines(deadLetters));
    Path daily = dir.resolve("daily").resolve("daily-00000-of-00001.jsonl");
    List<String> records = new ArrayList<>();
    for (String line : Files.readAllLines(daily)) {
      ObjectNode record = (ObjectNode) ReportFixture.JSON.readTree(line);
      if (record.path("claimId").asText().equals(STEADY)) {
        record.put("claimKey", "steady key of " + record.path("day").asText());
      }
      records.add(ReportFixture.JSON.writeValueAsString(record));
    }
    Files.write(daily, records);
    String inOrder = ClaimsReport.render(dir, 5);
    Collections.reverse(records);
    Files.write(daily, records);
    Collections.reverse(letters);
    Files.write(deadLetters, letters);
    try (var files = Files.list(dir.resolve("mentions"))) {
      for (Path file : files.toList()) {
        List<String> mentions = new ArrayList<>(Files.readAllLines(file));
        Collections.reverse(mentions);
        Files.write(file, mentions);
      }
    }
    assertEquals(inOrder, ClaimsReport.render(dir, 5));
    // One mention a day: the representative day is the earliest.
    assertTrue(inOrder.contains("steady key of " + ReportFixture.FIRST_DAY), "the representative day's key");
  }

  @Test
  void writesReportHtmlBesideTheOutputs() throws IOException {
    Path written = ClaimsReport.write(ReportFixture.write(dir), 5);
    assertEquals(dir.resolve("report.html").toAbsolutePath(), written);
    assertTrue(Files.readString(written).contains("Claimwatch"));
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
  }

  @Test
  void anEmptyRunStillHasAReport() throws IOException {
    String html = ClaimsReport.render(dir, 5);
    assertTrue(html.contains("No daily claim records in this run."));
    assertTrue(html.contains("No summary.json"));
    assertThrows(IOException.class, () -> ClaimsReport.render(dir.resolve("missing"), 5));
  }

  private static String section(String html, String start, String end) {
    int from = html.indexOf(start);
    assertTrue(from >= 0, start);
    int to = html.indexOf(end, from);
    return html.substring(from, to < 0 ? html.length() : to);
  }

  private static Set<String> matches(String html, String regex) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile(regex).matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static int count(String html, String needle) {
    int n = 0;
    for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
