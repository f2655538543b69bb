package io.claimwatch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A run's output directory written by hand: mentions, the daily records derived from them (as the
 * pipeline would), dead letters, duplicates and summary.json. Holds a steady claim, an emerging
 * one, and a hostile one whose text, outlet and source carry markup.
 */
final class ReportFixture {
  static final ObjectMapper JSON = new ObjectMapper();

  static final String STEADY = "aaaa000000000001";
  static final String EMERGING = "bbbb000000000002";
  static final String HOSTILE = "cccc000000000003";
  static final String STEADY_TEXT = "Putin is open to a ceasefire along the current front line";
  static final String EMERGING_TEXT = "the grain corridor will reopen on Monday";
  static final String HOSTILE_TEXT = "<script>document.documentElement.setAttribute('data-xss','1')</script> is harmless";
  static final String HOSTILE_OUTLET = "<i>evil</i> outlet";
  static final String HOSTILE_SOURCE = "<img src=x onerror=alert(1)>";
  static final String FIRST_DAY = "2024-03-01";
  static final String LAST_DAY = "2024-03-10";
  /** No records at all on this day. */
  static final String EMPTY_DAY = "2024-03-05";

  private final List<ObjectNode> mentions = new ArrayList<>();
  private int articles;

  private ReportFixture() {}

  /** Writes the fixture into {@code dir} and returns it. */
  static Path write(Path dir) throws IOException {
    ReportFixture f = new ReportFixture();
    for (int d = 1; d <= 10; d++) {
      String day = String.format("2024-03-%02d", d);
      if (day.equals(EMPTY_DAY)) {
        continue;
      }
      f.mention(STEADY, "putin open ceasefire along current front line", STEADY_TEXT, "alpha", day, "U.S. officials", "OFFICIALS");
    }
    f.mention(EMERGING, "grain corridor reopen monday", EMERGING_TEXT, "beta", "2024-03-09", "the ministry", "ORGANIZATION");
    for (String outlet : List.of("alpha", "alpha", "beta", "beta", "gamma", "delta")) {
      f.mention(EMERGING, "grain corridor reopen monday", EMERGING_TEXT, outlet, LAST_DAY, "the ministry", "ORGANIZATION");
    }
    f.mention(HOSTILE, "script harmless", HOSTILE_TEXT, HOSTILE_OUTLET, LAST_DAY, HOSTILE_SOURCE, "PERSON");
    f.mention(HOSTILE, "script harmless", HOSTILE_TEXT, "gamma", LAST_DAY, HOSTILE_SOURCE, "PERSON");

    Map<String, ObjectNode> daily = f.daily();
    // A later pipeline version counts independent outlets: the report ranks by it when present.
    daily.get(HOSTILE + "@" + LAST_DAY).put("independentOutlets", 7);
    // Example urls: a javascript: one must never become a link; an https one must.
    ((ObjectNode) daily.get(HOSTILE + "@" + LAST_DAY).withArray("examples").get(0)).put("url", "javascript:alert(1)");
    ((ObjectNode) daily.get(STEADY + "@" + LAST_DAY).withArray("examples").get(0)).put("url", "https://alpha.example/ceasefire");

    Files.createDirectories(dir);
    lines(dir.resolve("mentions"), "mentions-00000-of-00002.jsonl", f.mentions.subList(0, 5));
    lines(dir.resolve("mentions"), "mentions-00001-of-00002.jsonl", f.mentions.subList(5, f.mentions.size()));
    lines(dir.resolve("daily"), "daily-00000-of-00001.jsonl", new ArrayList<>(daily.values()));

    List<ObjectNode> deadLetters = new ArrayList<>();
    deadLetters.add(deadLetter("parse", "malformed JSON: Unexpected end-of-input", 2, null, "{\"id\": \"x\", <script>alert(2)</script>"));
    deadLetters.add(deadLetter("parse", "malformed JSON: Unexpected character ('<')", 5, null, "<html>"));
    deadLetters.add(deadLetter("parse", "missing body", 7, "no-body", "{\"id\": \"no-body\"}"));
    deadLetters.add(deadLetter("sentences", "sentence splitter failed: boom", null, "a-9", "{\"id\": \"a-9\"}"));
    lines(dir.resolve("deadletter"), "deadletter-00000-of-00001.jsonl", deadLetters);
    lines(dir.resolve("duplicates"), "duplicates-00000-of-00001.jsonl",
        List.of(deadLetter("deduplicate", "duplicate id; kept the copy at in.jsonl:1", 9, "a-1", "{\"id\": \"a-1\"}")));

    ObjectNode summary = JSON.createObjectNode();
    int accepted = f.articles;
    summary.put("read", accepted + 5).put("accepted", accepted).put("duplicates", 1).put("deadLettered", 4)
        .put("mentions", f.mentions.size()).put("attributedMentions", f.mentions.size()).put("ownVoiceMentions", 0)
        .put("claims", daily.size()).put("days", 9).put("balanced", true);
    summary.putObject("deadLettersByStage").put("parse", 3).put("sentences", 1);
    ObjectNode files = summary.putObject("files");
    files.putObject("/data/in.jsonl").put("read", accepted + 4).put("accepted", accepted).put("duplicates", 1).put("deadLettered", 3);
    files.putObject("/data/<b>odd</b>.jsonl").put("read", 1).put("accepted", 0).put("duplicates", 0).put("deadLettered", 1);
    Files.writeString(dir.resolve("summary.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
    return dir;
  }

  private void mention(String claimId, String claimKey, String text, String outlet, String day, String source, String kind) {
    ObjectNode m = JSON.createObjectNode();
    m.put("articleId", outlet.replaceAll("\\W", "") + "-" + day + "-" + (++articles));
    m.put("outlet", outlet).put("publishedAt", day + "T12:00:00Z").put("day", day);
    m.putObject("sentence").put("start", 0).put("end", text.length() + 20);
    ObjectNode s = m.putObject("source");
    s.put("text", source).putArray("spans").addObject().put("start", 0).put("end", source.length());
    s.put("kind", kind).put("name", source);
    ObjectNode cue = m.putObject("cue");
    cue.put("text", "said").putArray("spans").addObject().put("start", 1).put("end", 5);
    ObjectNode content = m.putObject("content");
    content.put("text", text).putArray("spans").addObject().put("start", 6).put("end", 6 + text.length());
    m.put("attributed", true).put("claimId", claimId).put("claimKey", claimKey);
    mentions.add(m);
  }

  /** The daily records the pipeline would aggregate from the mentions, keyed claimId@day. */
  private Map<String, ObjectNode> daily() {
    Map<String, List<ObjectNode>> groups = new TreeMap<>();
    mentions.forEach(m -> groups.computeIfAbsent(m.get("claimId").asText() + "@" + m.get("day").asText(),
        k -> new ArrayList<>()).add(m));
    Map<String, ObjectNode> daily = new LinkedHashMap<>();
    groups.forEach((key, ms) -> {
      ObjectNode d = JSON.createObjectNode();
      ObjectNode first = ms.get(0);
      d.put("day", first.get("day").asText()).put("claimId", first.get("claimId").asText())
          .put("claimKey", first.get("claimKey").asText()).put("mentions", ms.size())
          .put("attributedMentions", ms.size()).put("ownVoiceMentions", 0).put("articles", ms.size());
      Set<String> outlets = new LinkedHashSet<>();
      ms.forEach(m -> outlets.add(m.get("outlet").asText()));
      d.put("outlets", outlets.size());
      ArrayNode names = d.putArray("outletNames");
      outlets.stream().sorted().forEach(names::add);
      d.putArray("sources").addObject().put("name", first.get("source").get("name").asText())
          .put("kind", first.get("source").get("kind").asText()).put("mentions", ms.size());
      d.put("firstSeen", first.get("publishedAt").asText());
      ArrayNode examples = d.putArray("examples");
      Set<String> seen = new LinkedHashSet<>();
      for (ObjectNode m : ms) {
        if (seen.add(m.get("outlet").asText()) && examples.size() < 3) {
          examples.addObject().put("articleId", m.get("articleId").asText()).put("outlet", m.get("outlet").asText())
              .put("text", m.get("content").get("text").asText());
        }
      }
      daily.put(key, d);
    });
    return daily;
  }

  private static ObjectNode deadLetter(String stage, String reason, Integer line, String recordId, String input) {
    ObjectNode d = JSON.createObjectNode();
    d.put("stage", stage).put("reason", reason).put("file", "/data/in.jsonl");
    if (line == null) {
      d.putNull("line");
    } else {
      d.put("line", line);
    }
    d.put("recordId", recordId).put("input", input);
    return d;
  }

  private static void lines(Path dir, String name, List<ObjectNode> records) throws IOException {
    Files.createDirectories(dir);
    StringBuilder out = new StringBuilder();
    for (ObjectNode r : records) {
      out.append(JSON.writeValueAsString(r)).append('\n');
    }
    Files.writeString(dir.resolve(name), out);
  }
}
