package io.claimwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What the report shows, read from a run's JSON outputs alone, in a few streaming passes:
 *
 * <ol>
 *   <li>{@code daily/}: each day's totals and top claims (a bounded heap per day) and, per claim, a
 *       compact day → mentions series (for rankings and emerging scores; one small array per claim,
 *       no records or text);
 *   <li>{@code daily/} again: wording, sources and outlets of the few claims the charts show (the
 *       other records are read only as far as their claim id);
 *   <li>{@code mentions/}: per (claim, outlet, day) counts for the charted claims only, and the
 *       mentions of the example articles the report links to (capped per article), whole records
 *       built for those mentions only;
 *   <li>{@code deadletter/} and {@code duplicates/}: counts by stage and reason, one sample each.
 * </ol>
 */
final class ReportData {
  static final int RUN_TOP_CLAIMS = 15;
  static final int TIMELINE_CLAIMS = 8;
  static final int MAX_LISTED_DAYS = 60;
  static final int MAX_CHART_DAYS = 90;
  static final int MAX_EMERGING = 25;
  static final int MAX_ARTICLE_MENTIONS = 40;
  static final int MAX_REASONS = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Per-day order: independent outlets (or outlets), then mentions, then claim id. */
  static final Comparator<JsonNode> TOP = Comparator
      .comparingLong((JsonNode d) -> -outletsOf(d))
      .thenComparingLong(d -> -d.path("mentions").asLong())
      .thenComparing(d -> d.path("claimId").asText());

  final Path directory;
  final int topClaims;
  JsonNode summary = JsonNodeFactory.instance.objectNode();
  boolean summaryFound;

  final TreeMap<String, DayTotals> days = new TreeMap<>();
  final Map<String, List<JsonNode>> topByDay = new TreeMap<>();
  final Map<String, ClaimSeries> series = new HashMap<>();
  int firstEpochDay;
  boolean outletsAreIndependent;

  final List<ClaimSeries> runTop = new ArrayList<>();
  final List<EmergingScore.Scored> emerging = new ArrayList<>();
  long emergingCount;
  final Map<String, ClaimDetail> details = new HashMap<>();

  /** claim → outlet → epoch day → mentions, for {@link #runTop} only. */
  final Map<String, Map<String, Map<Integer, Long>>> perOutlet = new HashMap<>();
  final Map<String, Long> outletTotals = new HashMap<>();
  final Map<String, Article> articles = new TreeMap<>();

  final Map<String, Map<String, ReasonCount>> deadLetters = new TreeMap<>();
  long deadLetterRecords;
  long duplicateRecords;

  private ReportData(Path directory, int topClaims) {
    this.directory = directory;
    this.topClaims = topClaims;
  }

  static ReportData read(Path directory, int topClaims) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new NoSuchFileException(directory + " (not a run's output directory)");
    }
    ReportData data = new ReportData(directory, Math.max(1, topClaims));
    Path summary = directory.resolve("summary.json");
    if (Files.isRegularFile(summary)) {
      data.summary = JSON.readTree(summary.toFile());
      data.summaryFound = true;
    }
    data.readDaily();
    data.rankAndScore();
    data.readDetails();
    data.readMentions();
    data.readDeadLetters();
    return data;
  }

  static long outletsOf(JsonNode daily) {
    JsonNode independent = daily.get("independentOutlets");
    return independent != null && independent.isNumber() ? independent.asLong() : daily.path("outlets").asLong();
  }

  static int epochDay(String day) {
    return (int) LocalDate.parse(day).toEpochDay();
  }

  static String day(int epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  // ---- pass 1: daily totals, per-day top claims, per-claim series

  private void readDaily() throws IOException {
    Map<String, TopRecords> tops = new HashMap<>();
    forEachLine("daily", line -> {
      JsonNode d = line.fields(DAILY_COUNTS);
      String day = d.path("day").asText();
      String claimId = d.path("claimId").asText();
      if (day.isEmpty() || claimId.isEmpty()) {
        return;
      }
      long mentions = d.path("mentions").asLong();
      outletsAreIndependent |= d.has("independentOutlets");
      days.computeIfAbsent(day, k -> new DayTotals()).add(d);
      tops.computeIfAbsent(day, k -> new TopRecords(TOP, topClaims)).offer(d, line);
      series.computeIfAbsent(claimId, ClaimSeries::new).add(epochDay(day), mentions, outletsOf(d));
    });
    tops.forEach((day, top) -> topByDay.put(day, top.inOrder()));
    firstEpochDay = days.isEmpty() ? 0 : epochDay(days.firstKey());
  }

  private void rankAndScore() {
    Comparator<ClaimSeries> byRun = Comparator
        .comparingLong((ClaimSeries s) -> -s.outletDays)
        .thenComparingLong(s -> -s.mentions)
        .thenComparing(s -> s.claimId);
    PriorityQueue<ClaimSeries> top = new PriorityQueue<>(byRun.reversed());
    Comparator<EmergingScore.Scored> byScore = Comparator
        .comparingDouble((EmergingScore.Scored s) -> -s.score())
        .thenComparingLong(s -> -s.mentions())
        .thenComparingInt(s -> -s.epochDay())
        .thenComparing(EmergingScore.Scored::claimId);
    PriorityQueue<EmergingScore.Scored> emergingHeap = new PriorityQueue<>(byScore.reversed());
    for (ClaimSeries s : series.values()) {
      s.sort();
      top.add(s);
      if (top.size() > RUN_TOP_CLAIMS) {
        top.poll();
      }
      Map<Integer, Long> counts = null;
      for (int i = 0; i < s.size; i++) {
        if (s.counts[i] < EmergingScore.MIN_MENTIONS) {
          continue;
        }
        if (counts == null) {
          counts = s.asMap();
        }
        EmergingScore.Scored scored = EmergingScore.scoreDay(s.claimId, counts, s.days[i], firstEpochDay);
        if (scored.emerging()) {
          emergingCount++;
          emergingHeap.add(scored);
          if (emergingHeap.size() > MAX_EMERGING) {
            emergingHeap.poll();
          }
        }
      }
    }
    runTop.addAll(top);
    runTop.sort(byRun);
    emerging.addAll(emergingHeap);
    emerging.sort(byScore);
  }

  /** The claim's score on {@code day}, from its series. */
  EmergingScore.Scored scoreOf(String claimId, String day) {
    ClaimSeries s = series.get(claimId);
    return EmergingScore.scoreDay(claimId, s == null ? Map.of() : s.asMap(), epochDay(day), firstEpochDay);
  }

  // ---- pass 2: details of the charted and emerging claims

  private void readDetails() throws IOException {
    Set<String> wanted = new HashSet<>();
    runTop.forEach(s -> wanted.add(s.claimId));
    emerging.forEach(s -> wanted.add(s.claimId()));
    forEachLine("daily", line -> {
      String claimId = line.fields(CLAIM_ID).path("claimId").asText();
      if (wanted.contains(claimId)) {
        details.computeIfAbsent(claimId, ClaimDetail::new).add(line.record());
      }
    });
  }

  // ---- pass 3: mentions

  private void readMentions() throws IOException {
    Set<String> charted = new HashSet<>();
    runTop.forEach(s -> charted.add(s.claimId));
    Set<String> linked = new HashSet<>();
    for (String day : listedDays()) {
      for (JsonNode claim : topByDay.get(day)) {
        claim.path("examples").forEach(e -> linked.add(e.path("articleId").asText()));
      }
    }
    details.values().forEach(d -> d.examples.forEach(e -> linked.add(e.path("articleId").asText())));
    linked.remove("");
    linked.forEach(id -> articles.put(id, new Article(id)));

    forEachLine("mentions", line -> {
      JsonNode m = line.fields(MENTION_FIELDS);
      String claimId = m.path("claimId").asText();
      String outlet = m.path("outlet").asText();
      if (charted.contains(claimId)) {
        String day = m.path("day").asText();
        if (!day.isEmpty()) {
          perOutlet.computeIfAbsent(claimId, k -> new HashMap<>())
              .computeIfAbsent(outlet, k -> new HashMap<>())
              .merge(epochDay(day), 1L, Long::sum);
          outletTotals.merge(outlet, 1L, Long::sum);
        }
      }
      Article article = articles.get(m.path("articleId").asText());
      if (article != null) {
        article.add(line.record());
      }
    });
    articles.values().forEach(Article::sort);
  }

  /** The days listed one by one: the most recent {@value #MAX_LISTED_DAYS}, newest first. */
  List<String> listedDays() {
    List<String> listed = new ArrayList<>(days.descendingKeySet());
    return listed.subList(0, Math.min(MAX_LISTED_DAYS, listed.size()));
  }

  /** The days the charts cover: the most recent {@value #MAX_CHART_DAYS} days with records, oldest first. */
  List<String> chartDays() {
    List<String> all = new ArrayList<>(days.keySet());
    return all.subList(Math.max(0, all.size() - MAX_CHART_DAYS), all.size());
  }

  // ---- pass 4: dead letters and duplicates

  private void readDeadLetters() throws IOException {
    forEachRecord("deadletter", d -> {
      deadLetterRecords++;
      String stage = d.path("stage").asText("?");
      deadLetters.computeIfAbsent(stage, k -> new TreeMap<>())
          .computeIfAbsent(reasonGroup(d.path("reason").asText("")), k -> new ReasonCount()).add(d);
    });
    // Dead-letter files are sharded at random: which reasons are kept apart must not depend on the
    // order records arrive in, so the most frequent are (ties by name), the rest folded together.
    deadLetters.replaceAll((stage, reasons) -> {
      if (reasons.size() <= MAX_REASONS) {
        return reasons;
      }
      List<Map.Entry<String, ReasonCount>> ranked = new ArrayList<>(reasons.entrySet());
      ranked.sort(Comparator.comparingLong((Map.Entry<String, ReasonCount> e) -> -e.getValue().count)
          .thenComparing(Map.Entry::getKey));
      Map<String, ReasonCount> kept = new TreeMap<>();
      ReasonCount other = new ReasonCount();
      for (int i = 0; i < ranked.size(); i++) {
        if (i < MAX_REASONS - 1) {
          kept.put(ranked.get(i).getKey(), ranked.get(i).getValue());
        } else {
          other.addAll(ranked.get(i).getValue());
        }
      }
      kept.put("(other reasons)", other);
      return kept;
    });
    forEachRecord("duplicates", d -> duplicateRecords++);
  }

  /** A reason without the particulars of one record: "malformed JSON: Unexpected …" → "malformed JSON". */
  static String reasonGroup(String reason) {
    String group = reason.replaceAll("(: | \\(|; | \\d{4}-\\d{2}).*", "").strip();
    return group.isEmpty() ? "(no reason given)" : group;
  }

  // ---- reading

  private static final Set<String> CLAIM_ID = Set.of("claimId");
  /** What {@link #readDaily} reads of every daily record: {@link DayTotals}, {@link #TOP} and the series. */
  private static final Set<String> DAILY_COUNTS = Set.of("day", "claimId", "mentions", "attributedMentions",
      "ownVoiceMentions", "outlets", "independentOutlets");
  private static final Set<String> MENTION_FIELDS = Set.of("claimId", "outlet", "day", "articleId");

  private void forEachLine(String subdirectory, JsonLinesReader.LineAction action) throws IOException {
    for (Path file : jsonLinesFiles(subdirectory)) {
      try (BufferedReader reader = Files.newBufferedReader(file)) {
        JsonLinesReader.forEachLine(reader, file.toString(), action);
      }
    }
  }

  private void forEachRecord(String subdirectory, Consumer<JsonNode> action) throws IOException {
    for (Path file : jsonLinesFiles(subdirectory)) {
      try (BufferedReader reader = Files.newBufferedReader(file)) {
        JsonLinesReader.forEach(reader, file.toString(), action);
      }
    }
  }

  /** The {@code .jsonl} files of an output subdirectory, in name order (none when it is absent). */
  private List<Path> jsonLinesFiles(String subdirectory) throws IOException {
    Path dir = directory.resolve(subdirectory);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  // ---- value classes

  static final class DayTotals {
    long claims;
    long mentions;
    long attributed;
    long ownVoice;

    void add(JsonNode d) {
      claims++;
      mentions += d.path("mentions").asLong();
      attributed += d.path("attributedMentions").asLong();
      ownVoice += d.path("ownVoiceMentions").asLong();
    }
  }

  /** A claim's mentions per day (epoch days), as two parallel arrays. */
  static final class ClaimSeries {
    final String claimId;
    long outletDays;
    long mentions;
    int[] days = new int[1];
    long[] counts = new long[1];
    int size;

    ClaimSeries(String claimId) {
      this.claimId = claimId;
    }

    void add(int day, long count, long outlets) {
      if (size == days.length) {
        days = Arrays.copyOf(days, size * 2);
        counts = Arrays.copyOf(counts, size * 2);
      }
      days[size] = day;
      counts[size] = count;
      size++;
      mentions += count;
      outletDays += outlets;
    }

    void sort() {
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingInt(i -> days[i]));
      int[] d = new int[size];
      long[] c = new long[size];
      for (int i = 0; i < size; i++) {
        d[i] = days[order[i]];
        c[i] = counts[order[i]];
      }
      days = d;
      counts = c;
    }

    Map<Integer, Long> asMap() {
      Map<Integer, Long> map = new HashMap<>();
      for (int i = 0; i < size; i++) {
        map.merge(days[i], counts[i], Long::sum);
      }
      return map;
    }

    long on(int day) {
      long total = 0;
      for (int i = 0; i < size; i++) {
        if (days[i] == day) {
          total += counts[i];
        }
      }
      return total;
    }
  }

  /** Wording, sources and outlets of one claim over the whole run. */
  static final class ClaimDetail {
    final String claimId;
    String claimKey = "";
    JsonNode best;
    final Map<String, long[]> sources = new HashMap<>();
    final Map<String, String> sourceKinds = new HashMap<>();
    final Set<String> outletNames = new TreeSet<>();
    final List<JsonNode> examples = new ArrayList<>();
    int days;

    ClaimDetail(String claimId) {
      this.claimId = claimId;
    }

    /**
     * Adds a day of the claim. Daily files are sharded at random, so nothing may depend on the
     * order days arrive in: the key shown is the representative day's, and a source named with
     * several kinds shows the first in alphabetical order.
     */
    void add(JsonNode d) {
      days++;
      // Representative: the day with the most mentions; ties go to the earliest day.
      if (best == null || d.path("mentions").asLong() > best.path("mentions").asLong()
          || d.path("mentions").asLong() == best.path("mentions").asLong()
          && d.path("day").asText().compareTo(best.path("day").asText()) < 0) {
        best = d;
        claimKey = d.path("claimKey").asText("");
        examples.clear();
        d.path("examples").forEach(examples::add);
      }
      for (JsonNode s : d.path("sources")) {
        String name = s.path("name").asText();
        sources.computeIfAbsent(name, k -> new long[1])[0] += s.path("mentions").asLong();
        sourceKinds.merge(name, s.path("kind").asText(), (kind, other) -> kind.compareTo(other) <= 0 ? kind : other);
      }
      d.path("outletNames").forEach(o -> outletNames.add(o.asText()));
    }

    String wording() {
      return ClaimsReport.wordingOf(best);
    }
  }

  /** An example article: its mentions in the run (capped), for the report's article list. */
  static final class Article {
    final String id;
    String outlet = "";
    String publishedAt = "";
    String url;
    long mentionCount;
    final List<JsonNode> mentions = new ArrayList<>();

    Article(String id) {
      this.id = id;
    }

    void add(JsonNode m) {
      mentionCount++;
      outlet = m.path("outlet").asText(outlet);
      publishedAt = m.path("publishedAt").asText(publishedAt);
      if (url == null && m.hasNonNull("url")) {
        url = m.get("url").asText();
      }
      mentions.add(m);
      if (mentions.size() > MAX_ARTICLE_MENTIONS) {
        sort();
        mentions.remove(mentions.size() - 1);
      }
    }

    /** Text order; mentions alike in place and claim (two sources of one content) by their JSON, so the order is total. */
    void sort() {
      mentions.sort(Comparator.comparingLong((JsonNode m) -> m.path("sentence").path("start").asLong())
          .thenComparingLong(m -> m.path("content").path("spans").path(0).path("start").asLong())
          .thenComparing(m -> m.path("claimId").asText())
          .thenComparing(JsonNode::toString));
    }
  }

  /**
   * How many dead letters gave a reason, and one of them: the first in input order (file, line,
   * then its JSON text), whatever order the dead letters came in.
   */
  static final class ReasonCount {
    private static final Comparator<JsonNode> INPUT_ORDER = Comparator
        .comparing((JsonNode d) -> d.path("file").asText(""))
        .thenComparingLong(d -> d.path("line").asLong(Long.MAX_VALUE))
        .thenComparing(JsonNode::toString);
    JsonNode sample;
    long count;

    void add(JsonNode record) {
      count++;
      keepEarlier(record);
    }

    void addAll(ReasonCount other) {
      count += other.count;
      keepEarlier(other.sample);
    }

    private void keepEarlier(JsonNode record) {
      if (sample == null || INPUT_ORDER.compare(record, sample) < 0) {
        sample = record;
      }
    }
  }

  /** Inputs per file from {@code summary.json}, in file name order. */
  Map<String, JsonNode> files() {
    Map<String, JsonNode> files = new TreeMap<>();
    summary.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue()));
    return files;
  }

  /** Dead letters by stage from {@code summary.json}, or from {@code deadletter/} when absent. */
  Map<String, Long> deadLettersByStage() {
    Map<String, Long> byStage = new LinkedHashMap<>();
    summary.path("deadLettersByStage").fields().forEachRemaining(e -> byStage.put(e.getKey(), e.getValue().asLong()));
    if (byStage.isEmpty()) {
      deadLetters.forEach((stage, reasons) ->
          byStage.put(stage, reasons.values().stream().mapToLong(r -> r.count).sum()));
    }
    return byStage;
  }
}
