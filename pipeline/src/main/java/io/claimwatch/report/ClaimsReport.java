package io.claimwatch.report;

import static io.claimwatch.report.Html.abbreviate;
import static io.claimwatch.report.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimwatch.report.Charts.DayAxis;
import io.claimwatch.report.Charts.Segment;
import io.claimwatch.report.ReportData.Article;
import io.claimwatch.report.ReportData.ClaimDetail;
import io.claimwatch.report.ReportData.ClaimSeries;
import io.claimwatch.report.ReportData.DayTotals;
import io.claimwatch.report.ReportData.ReasonCount;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The daily claims report: one self-contained HTML file (inline CSS and SVG, no script, no network)
 * built from a run's JSON outputs alone.
 *
 * <p>{@link #write} is called at the end of every successful run ({@code <output>/report.html});
 * {@code scripts/report.sh --input=OUTPUT_DIR} rebuilds it through {@link #main}.
 */
public final class ClaimsReport {
  public static final String FILE_NAME = "report.html";
  public static final int DEFAULT_TOP_CLAIMS = 5;

  private static final DateTimeFormatter DAY_TITLE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final int SPARK_WIDTH = 170;

  private final ReportData data;
  private final StringBuilder html = new StringBuilder(1 << 16);
  private final Map<String, String> articleAnchors = new HashMap<>();
  private final List<String> outletOrder = new ArrayList<>();
  private final String outletsWord;

  private ClaimsReport(ReportData data) {
    this.data = data;
    this.outletsWord = data.outletsAreIndependent ? "independent outlets" : "outlets";
    int n = 0;
    for (String id : data.articles.keySet()) {
      articleAnchors.put(id, "article-" + (++n));
    }
    data.outletTotals.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> outletOrder.add(e.getKey()));
  }

  public static void main(String[] args) {
    String input = null;
    String output = null;
    int topClaims = DEFAULT_TOP_CLAIMS;
    for (String arg : args) {
      if (arg.startsWith("--input=")) {
        input = arg.substring("--input=".length());
      } else if (arg.startsWith("--output=")) {
        output = arg.substring("--output=".length());
      } else if (arg.startsWith("--topClaims=")) {
        topClaims = Integer.parseInt(arg.substring("--topClaims=".length()));
      } else {
        usage(System.err, "unknown argument: " + arg);
        System.exit(2);
      }
    }
    if (input == null) {
      usage(System.err, "--input is required");
      System.exit(2);
    }
    try {
      Path written = output == null
          ? write(Path.of(input), topClaims)
          : write(Path.of(input), topClaims, Path.of(output));
      System.out.println("Report written to " + written);
    } catch (IOException | RuntimeException e) {
      System.err.println("report failed: " + e);
      System.exit(1);
    }
  }

  private static void usage(PrintStream err, String problem) {
    err.println(problem);
    err.println("usage: report.sh --input=OUTPUT_DIR [--output=FILE (default OUTPUT_DIR/report.html)] [--topClaims=N]");
  }

  /** Writes {@code <outputDirectory>/report.html}. */
  public static Path write(Path outputDirectory, int topClaims) throws IOException {
    return write(outputDirectory, topClaims, outputDirectory.resolve(FILE_NAME));
  }

  /** Writes the report to {@code file}, replacing it whole (a reader never sees half a report). */
  public static Path write(Path outputDirectory, int topClaims, Path file) throws IOException {
    String page = render(outputDirectory, topClaims);
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".report-", ".html.tmp");
    try {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: keep its default permissions.
      }
      try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        writer.write(page);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /** The report for a run's output directory, as one HTML document. */
  public static String render(Path outputDirectory, int topClaims) throws IOException {
    return new ClaimsReport(ReportData.read(outputDirectory, topClaims)).build();
  }

  /** A claim's representative wording: its first example's text, else its claimKey. */
  static String wordingOf(JsonNode daily) {
    if (daily == null) {
      return "";
    }
    String text = daily.path("examples").path(0).path("text").asText("").strip();
    return text.isEmpty() ? daily.path("claimKey").asText("") : text;
  }

  // ---------------------------------------------------------------- page

  private String build() {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Claimwatch daily claims report</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    header();
    html.append("<main>\n");
    overview();
    timeline();
    heatMap();
    emerging();
    runTopTable();
    days();
    runFacts();
    articles();
    html.append("</main>\n<footer>Built by <code>io.claimwatch.report.ClaimsReport</code> from the run's JSON outputs alone; ")
        .append("rebuild it with <code>scripts/report.sh --input=").append(escape(data.directory.toAbsolutePath().normalize().toString())).append("</code>. ")
        .append("One self-contained file: no scripts, no network requests.</footer>\n</body>\n</html>\n");
    return html.toString();
  }

  private void header() {
    html.append("<header>\n<h1>Claimwatch <span>daily claims report</span></h1>\n<p>");
    if (data.days.isEmpty()) {
      html.append("No daily claim records in this run.");
    } else {
      html.append(escape(data.days.firstKey())).append(" → ").append(escape(data.days.lastKey())).append(" · ")
          .append(count(data.days.size(), "day")).append(" with claims");
    }
    html.append(" · run output <code>").append(escape(data.directory.toAbsolutePath().normalize().toString()))
        .append("</code></p>\n<nav><a href=\"#overview\">Overview</a><a href=\"#timeline\">Top claims over time</a>")
        .append("<a href=\"#matrix\">Outlets × claims</a><a href=\"#emerging\">Emerging</a>")
        .append("<a href=\"#top-claims\">Top claims</a><a href=\"#days\">Days</a><a href=\"#run\">Run facts</a>")
        .append("<a href=\"#articles\">Articles</a></nav>\n</header>\n");
  }

  private void overview() {
    JsonNode s = data.summary;
    html.append("<section id=\"overview\" class=\"card\">\n<h2>Overview</h2>\n");
    if (!data.summaryFound) {
      html.append("<p class=\"warn\">No summary.json in this output directory; run counts are missing.</p>\n");
    }
    html.append("<div class=\"tiles\">");
    tile(s.path("read").asLong(), "articles read", null);
    tile(s.path("accepted").asLong(), "accepted", null);
    tile(s.path("duplicates").asLong(), "duplicates", null);
    tile(s.path("deadLettered").asLong(), "dead letters", s.path("deadLettered").asLong() > 0 ? "warn" : null);
    tile(s.path("mentions").asLong(), "mentions", null);
    tile(s.path("claims").asLong(), "claim-days", null);
    tile(s.path("days").asLong(), "days", null);
    boolean balanced = s.path("balanced").asBoolean(false);
    html.append("<div class=\"tile").append(balanced ? " ok" : " warn")
        .append("\" title=\"read = accepted + duplicates + dead letters\"><b>")
        .append(balanced ? "✓" : "✗").append("</b><span>").append(balanced ? "balanced" : "NOT balanced")
        .append("</span></div>");
    html.append("</div>\n");
    List<String> chartDays = data.chartDays();
    if (!chartDays.isEmpty()) {
      DayAxis axis = new DayAxis(chartDays, Charts.CHART_WIDTH);
      List<List<Segment>> stacks = new ArrayList<>();
      long max = 0;
      String busiest = null;
      for (String day : data.days.keySet()) {
        if (busiest == null || data.days.get(day).mentions > data.days.get(busiest).mentions) {
          busiest = day;
        }
      }
      for (String day : chartDays) {
        DayTotals t = data.days.get(day);
        stacks.add(List.of(new Segment("attributed", t.attributed, "#4e79a7"),
            new Segment("own-voice", t.ownVoice, "#a0cbe8"),
            new Segment("other", Math.max(0, t.mentions - t.attributed - t.ownVoice), Charts.OTHER_COLOR)));
        max = Math.max(max, t.mentions);
      }
      html.append("<h3>Mentions per day</h3>\n<div class=\"chartrow\"><div class=\"chartlabel\">")
          .append("<div class=\"legend\"><i style=\"background:#4e79a7\"></i>attributed<br><i style=\"background:#a0cbe8\"></i>own-voice</div>")
          .append("<div class=\"muted\">busiest day: ").append(dayLink(busiest)).append(", ").append(count(data.days.get(busiest).mentions, "mention"))
          .append("</div></div>")
          .append(Charts.stackedBars(axis, stacks, max, 110, "chart overview-chart", "Mentions per day", List.of()))
          .append("</div>\n<div class=\"chartrow\"><div></div>").append(Charts.axis(axis)).append("</div>\n");
      axisNote(chartDays);
    }
    html.append("</section>\n");
  }

  private void axisNote(List<String> chartDays) {
    html.append("<p class=\"note\">One bar per day with records (UTC)");
    if (chartDays.size() < data.days.size()) {
      html.append(", the last ").append(chartDays.size()).append(" of ").append(data.days.size());
    }
    html.append("; a dashed line marks calendar days without records, left out.</p>\n");
  }

  private void tile(long value, String label, String cssClass) {
    html.append("<div class=\"tile").append(cssClass == null ? "" : " " + cssClass).append("\"><b>")
        .append(fmt(value)).append("</b><span>").append(escape(label)).append("</span></div>");
  }

  // ---------------------------------------------------------------- top claims over time

  private List<ClaimSeries> timelineClaims() {
    return data.runTop.subList(0, Math.min(ReportData.TIMELINE_CLAIMS, data.runTop.size()));
  }

  private void timeline() {
    html.append("<section id=\"timeline\" class=\"card\">\n<h2>Top claims over time</h2>\n")
        .append("<p class=\"note\">The run's top claims, ranked by ").append(outletsWord)
        .append(" summed over days (outlet-days), then mentions. Bars: mentions per day, coloured by outlet ")
        .append("(counted from <code>mentions/</code>), on the same scale in every row; ")
        .append("<span class=\"markkey\">▼</span> marks a day the claim was emerging.</p>\n");
    List<ClaimSeries> claims = timelineClaims();
    List<String> chartDays = data.chartDays();
    if (claims.isEmpty() || chartDays.isEmpty()) {
      html.append("<p class=\"empty\">No claims in this run.</p>\n</section>\n");
      return;
    }
    legend();
    DayAxis axis = new DayAxis(chartDays, Charts.CHART_WIDTH);
    List<List<List<Segment>>> perClaim = new ArrayList<>();
    long max = 1;
    for (ClaimSeries claim : claims) {
      List<List<Segment>> stacks = stacksOf(claim.claimId, axis);
      for (List<Segment> stack : stacks) {
        max = Math.max(max, stack.stream().mapToLong(Segment::value).sum());
      }
      perClaim.add(stacks);
    }
    html.append("<div class=\"timeline\">\n");
    for (int r = 0; r < claims.size(); r++) {
      ClaimSeries claim = claims.get(r);
      ClaimDetail detail = data.details.get(claim.claimId);
      List<Integer> marks = new ArrayList<>();
      for (int i = 0; i < claim.size; i++) {
        if (claim.counts[i] >= EmergingScore.MIN_MENTIONS && data.scoreOf(claim.claimId, ReportData.day(claim.days[i])).emerging()) {
          marks.add(axis.indexOf(claim.days[i]));
        }
      }
      String wording = detail == null ? claim.claimId : detail.wording();
      html.append("<div class=\"chartrow\"><div class=\"chartlabel ranked\"><span class=\"rank\">").append(r + 1)
          .append("</span><div><a class=\"wording clamp\" href=\"#").append(claimAnchor(claim.claimId)).append("\" title=\"")
          .append(escape(wording)).append("\">").append(escape(abbreviate(wording, 160))).append("</a><div class=\"muted\">")
          .append(count(claim.mentions, "mention")).append(" · ").append(fmt(claim.outletDays)).append(" outlet-days · ")
          .append(count(claim.size, "day")).append("</div></div></div>")
          .append(Charts.stackedBars(axis, perClaim.get(r), max, 46, "chart claim-chart",
              "Mentions per day of: " + abbreviate(wording, 80), marks))
          .append("</div>\n");
    }
    html.append("<div class=\"chartrow\"><div class=\"chartlabel muted\">tallest bar: ").append(count(max, "mention"))
        .append("</div>").append(Charts.axis(axis)).append("</div>\n</div>\n");
    axisNote(chartDays);
    html.append("</section>\n");
  }

  /** Per chart day, the claim's mentions by outlet: coloured outlets in legend order, then the rest together. */
  private List<List<Segment>> stacksOf(String claimId, DayAxis axis) {
    Map<String, Map<Integer, Long>> byOutlet = data.perOutlet.getOrDefault(claimId, Map.of());
    List<List<Segment>> stacks = new ArrayList<>();
    for (int i = 0; i < axis.days.size(); i++) {
      int day = axis.epochDays[i];
      List<Segment> stack = new ArrayList<>();
      long other = 0;
      List<String> others = new ArrayList<>();
      for (String outlet : outletOrder) {
        long v = byOutlet.getOrDefault(outlet, Map.of()).getOrDefault(day, 0L);
        if (v <= 0) {
          continue;
        }
        int rank = outletOrder.indexOf(outlet);
        if (rank < Charts.PALETTE.size()) {
          stack.add(new Segment(outlet, v, Charts.PALETTE.get(rank)));
        } else {
          other += v;
          others.add(outlet);
        }
      }
      if (other > 0) {
        stack.add(new Segment("other outlets (" + abbreviate(String.join(", ", others), 80) + ")", other,
            Charts.OTHER_COLOR));
      }
      stacks.add(stack);
    }
    return stacks;
  }

  private void legend() {
    html.append("<div class=\"legend outlets\">");
    for (int i = 0; i < outletOrder.size() && i < Charts.PALETTE.size(); i++) {
      html.append("<span><i style=\"background:").append(Charts.PALETTE.get(i)).append("\"></i>")
          .append(escape(abbreviate(outletOrder.get(i), 40))).append("</span>");
    }
    if (outletOrder.size() > Charts.PALETTE.size()) {
      html.append("<span><i style=\"background:").append(Charts.OTHER_COLOR).append("\"></i>")
          .append(outletOrder.size() - Charts.PALETTE.size()).append(" other outlets</span>");
    }
    html.append("</div>\n");
  }

  // ---------------------------------------------------------------- outlet × claim matrix

  private void heatMap() {
    html.append("<section id=\"matrix\" class=\"card\">\n<h2>Outlets × claims</h2>\n")
        .append("<p class=\"note\">Mentions of each of the run's top claims by each outlet, all days together ")
        .append("(from <code>mentions/</code>); darker is more.</p>\n");
    if (data.runTop.isEmpty()) {
      html.append("<p class=\"empty\">No claims in this run.</p>\n</section>\n");
      return;
    }
    int maxColumns = 12;
    List<String> columns = new ArrayList<>(outletOrder.subList(0, Math.min(maxColumns, outletOrder.size())));
    boolean other = outletOrder.size() > maxColumns;
    if (other) {
      columns.add("other outlets");
    }
    List<Charts.HeatRow> rows = new ArrayList<>();
    for (int r = 0; r < data.runTop.size(); r++) {
      String claimId = data.runTop.get(r).claimId;
      ClaimDetail detail = data.details.get(claimId);
      String wording = detail == null ? claimId : detail.wording();
      long[] values = new long[columns.size()];
      Map<String, Map<Integer, Long>> byOutlet = data.perOutlet.getOrDefault(claimId, Map.of());
      for (Map.Entry<String, Map<Integer, Long>> e : byOutlet.entrySet()) {
        int rank = outletOrder.indexOf(e.getKey());
        int c = rank >= 0 && rank < maxColumns ? rank : other ? columns.size() - 1 : -1;
        if (c >= 0) {
          values[c] += e.getValue().values().stream().mapToLong(Long::longValue).sum();
        }
      }
      rows.add(new Charts.HeatRow((r + 1) + ". " + abbreviate(wording, 54), wording, "#" + claimAnchor(claimId), values));
    }
    html.append("<div class=\"scroll\">").append(Charts.heatMap(rows, columns, "Mentions by outlet and claim"))
        .append("</div>\n</section>\n");
  }

  // ---------------------------------------------------------------- emerging

  private void emerging() {
    html.append("<section id=\"emerging\" class=\"card\">\n<h2>Emerging claims</h2>\n")
        .append("<div class=\"formula\"><p>A claim is <b>emerging</b> on a day when its mentions that day, <i>c</i>, stand far above ")
        .append("its trailing ").append(EmergingScore.WINDOW_DAYS).append("-day history:</p>")
        .append("<p class=\"eq\">score = (<i>c</i> − mean<sub>7</sub>) / (sd<sub>7</sub> + 1)</p>")
        .append("<p>mean<sub>7</sub> and sd<sub>7</sub> (population standard deviation) are over the claim's mentions on the ")
        .append(EmergingScore.WINDOW_DAYS).append(" calendar days before, a day without a record counting 0; days before ")
        .append("the run's first day are left out (the run's first day has no history and no score). ")
        .append("Emerging means <i>c</i> ≥ ").append(EmergingScore.MIN_MENTIONS).append(" and score ≥ ")
        .append(fmt(EmergingScore.THRESHOLD)).append(". The + 1 keeps a flat history from giving an infinite score ")
        .append("and damps small counts. Same outputs, same scores.</p></div>\n");
    if (data.emerging.isEmpty()) {
      html.append("<p class=\"empty\">No claim is emerging on any day of this run.</p>\n</section>\n");
      return;
    }
    html.append("<p class=\"note\">").append(count(data.emergingCount, "emerging claim-day"));
    if (data.emergingCount > data.emerging.size()) {
      html.append(", the ").append(data.emerging.size()).append(" highest scores shown");
    }
    html.append(".</p>\n<table class=\"emerging\"><thead><tr><th>Day</th><th>Claim</th><th class=\"num\">c</th>")
        .append("<th class=\"num\">mean<sub>7</sub></th><th class=\"num\">sd<sub>7</sub></th><th class=\"num\">history</th>")
        .append("<th class=\"num\">score</th><th>last 8 days</th></tr></thead>\n<tbody>\n");
    for (EmergingScore.Scored e : data.emerging) {
      ClaimDetail detail = data.details.get(e.claimId());
      String day = ReportData.day(e.epochDay());
      String wording = detail == null ? e.claimId() : detail.wording();
      List<String> window = new ArrayList<>();
      for (int d = e.epochDay() - EmergingScore.WINDOW_DAYS; d <= e.epochDay(); d++) {
        window.add(ReportData.day(d));
      }
      ClaimSeries series = data.series.get(e.claimId());
      html.append("<tr><td>").append(dayLink(day)).append("</td>")
          .append("<td><span class=\"wording\">").append(escape(abbreviate(wording, 200))).append("</span>")
          .append("<div class=\"key\">").append(escape(e.claimId())).append("</div></td>")
          .append("<td class=\"num\"><b>").append(e.mentions()).append("</b></td>")
          .append("<td class=\"num\">").append(fmt(e.mean())).append("</td>")
          .append("<td class=\"num\">").append(fmt(e.sd())).append("</td>")
          .append("<td class=\"num\">").append(count(e.historyDays(), "day")).append("</td>")
          .append("<td class=\"num\"><span class=\"badge\">").append(fmt(e.score())).append("</span></td>")
          .append("<td>").append(Charts.sparkline(new DayAxis(window, 96),
              series == null ? Map.of() : series.asMap(), e.epochDay(), "Mentions on the 8 days up to " + day))
          .append("</td></tr>\n");
    }
    html.append("</tbody></table>\n</section>\n");
  }

  // ---------------------------------------------------------------- run-wide top claims

  private void runTopTable() {
    html.append("<section id=\"top-claims\" class=\"card\">\n<h2>Top claims of the run</h2>\n")
        .append("<p class=\"note\">Ranked by ").append(outletsWord).append(" summed over days, then mentions. ")
        .append("Wording: the first example of the claim's busiest day (else its claim key).</p>\n");
    if (data.runTop.isEmpty()) {
      html.append("<p class=\"empty\">No claims in this run.</p>\n</section>\n");
      return;
    }
    html.append("<table class=\"claims\"><thead><tr><th>#</th><th>Claim</th><th class=\"num\">Mentions</th>")
        .append("<th>Outlets</th><th>Sources</th><th>Examples</th></tr></thead>\n<tbody>\n");
    int rank = 0;
    for (ClaimSeries claim : data.runTop) {
      rank++;
      ClaimDetail d = data.details.get(claim.claimId);
      if (d == null) {
        continue;
      }
      html.append("<tr id=\"").append(claimAnchor(claim.claimId)).append("\"><td class=\"rank\">").append(rank).append("</td>")
          .append("<td>").append(wordingCell(d.wording(), d.claimKey, claim.claimId)).append("<div class=\"muted\">")
          .append(count(d.days, "day")).append(", ").append(fmt(claim.outletDays)).append(" outlet-days</div></td>")
          .append("<td class=\"num\"><b>").append(fmt(claim.mentions)).append("</b></td>")
          .append("<td>").append(outletList(new ArrayList<>(d.outletNames))).append("</td><td>");
      List<Map.Entry<String, long[]>> sources = new ArrayList<>(d.sources.entrySet());
      sources.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0]).thenComparing(Map.Entry::getKey));
      sourceList(sources.stream().map(e -> new SourceLine(e.getKey(), d.sourceKinds.get(e.getKey()), e.getValue()[0])).toList());
      html.append("</td><td>");
      examples(d.examples, d.wording());
      html.append("</td></tr>\n");
    }
    html.append("</tbody></table>\n</section>\n");
  }

  // ---------------------------------------------------------------- days

  private void days() {
    html.append("<section id=\"days\" class=\"card\">\n<h2>Top claims per day</h2>\n<p class=\"note\">Newest first. ")
        .append("Each day's top ").append(data.topClaims).append(" claims by ").append(outletsWord)
        .append(", then mentions. The bars on the right are the claim's mentions on every charted day, this day in orange.");
    List<String> listed = data.listedDays();
    if (listed.size() < data.days.size()) {
      html.append(" The ").append(listed.size()).append(" most recent of ").append(data.days.size())
          .append(" days are listed.");
    }
    html.append("</p>\n");
    if (listed.isEmpty()) {
      html.append("<p class=\"empty\">No daily claim records in this run.</p>\n");
    }
    DayAxis spark = new DayAxis(data.chartDays(), SPARK_WIDTH);
    String outletsHeader = data.outletsAreIndependent ? "Indep. outlets" : "Outlets";
    for (String day : listed) {
      DayTotals t = data.days.get(day);
      html.append("<div class=\"day\" id=\"").append(dayAnchor(day)).append("\"><h3>").append(escape(dayTitle(day)))
          .append(" <span class=\"muted\">").append(count(t.claims, "claim")).append(" · ").append(count(t.mentions, "mention"))
          .append(" (").append(fmt(t.attributed)).append(" attributed, ").append(fmt(t.ownVoice)).append(" own-voice)</span></h3>\n")
          .append("<table class=\"claims\"><thead><tr><th>#</th><th>Claim</th><th class=\"num\">").append(outletsHeader)
          .append("</th><th class=\"num\">Mentions</th><th>Sources</th><th>Examples</th><th>Mentions per day</th></tr></thead>\n<tbody>\n");
      int rank = 0;
      for (JsonNode claim : data.topByDay.get(day)) {
        rank++;
        String claimId = claim.path("claimId").asText();
        EmergingScore.Scored score = data.scoreOf(claimId, day);
        html.append("<tr><td class=\"rank\">").append(rank).append("</td><td>")
            .append(wordingCell(wordingOf(claim), claim.path("claimKey").asText(), claimId));
        if (score.emerging()) {
          html.append("<span class=\"badge\" title=\"score ").append(fmt(score.score())).append("\">emerging · ")
              .append(fmt(score.score())).append("</span>");
        }
        html.append("</td><td class=\"num\"><b>").append(fmt(ReportData.outletsOf(claim))).append("</b>")
            .append(outletList(texts(claim.path("outletNames")))).append("</td><td class=\"num\"><b>")
            .append(fmt(claim.path("mentions").asLong())).append("</b><div class=\"muted\">")
            .append(fmt(claim.path("attributedMentions").asLong())).append(" attr.</div></td><td>");
        List<SourceLine> sources = new ArrayList<>();
        claim.path("sources").forEach(s -> sources.add(
            new SourceLine(s.path("name").asText(), s.path("kind").asText(), s.path("mentions").asLong())));
        sourceList(sources);
        html.append("</td><td>");
        List<JsonNode> examples = new ArrayList<>();
        claim.path("examples").forEach(examples::add);
        examples(examples, wordingOf(claim));
        ClaimSeries series = data.series.get(claimId);
        html.append("</td><td>").append(Charts.sparkline(spark, series == null ? Map.of() : series.asMap(),
            ReportData.epochDay(day), "Mentions per day of claim " + claimId)).append("</td></tr>\n");
      }
      html.append("</tbody></table></div>\n");
    }
    html.append("</section>\n");
  }

  private static String dayTitle(String day) {
    try {
      return LocalDate.parse(day).format(DAY_TITLE);
    } catch (RuntimeException e) {
      return day;
    }
  }

  private String wordingCell(String wording, String claimKey, String claimId) {
    return "<div class=\"wording\">" + escape(quoted(abbreviate(wording, 300))) + "</div><div class=\"key\" title=\"claimKey · claimId\">"
        + escape(abbreviate(claimKey, 120)) + " · " + escape(claimId) + "</div>";
  }

  /** The text in curly quotes, unless it already starts with a quotation mark. */
  static String quoted(String text) {
    return !text.isEmpty() && "\"“”‘'«„".indexOf(text.charAt(0)) >= 0 ? text : "“" + text + "”";
  }

  private static String outletList(List<String> outlets) {
    if (outlets.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<div class=\"outlets-list\">");
    int shown = Math.min(6, outlets.size());
    for (int i = 0; i < shown; i++) {
      out.append(i == 0 ? "" : ", ").append(escape(abbreviate(outlets.get(i), 40)));
    }
    if (outlets.size() > shown) {
      out.append(" +").append(outlets.size() - shown).append(" more");
    }
    return out.append("</div>").toString();
  }

  private record SourceLine(String name, String kind, long mentions) {}

  private void sourceList(List<SourceLine> sources) {
    if (sources.isEmpty()) {
      html.append("<span class=\"muted\">none named</span>");
      return;
    }
    html.append("<ul class=\"sources\">");
    int shown = Math.min(4, sources.size());
    for (int i = 0; i < shown; i++) {
      SourceLine s = sources.get(i);
      html.append("<li>").append(escape(abbreviate(s.name(), 60)));
      if (s.kind() != null && !s.kind().isEmpty()) {
        html.append(" <span class=\"kind\">").append(escape(s.kind().toLowerCase(Locale.ROOT))).append("</span>");
      }
      if (s.mentions() > 1) {
        html.append(" ×").append(s.mentions());
      }
      html.append("</li>");
    }
    if (sources.size() > shown) {
      html.append("<li class=\"muted\">+").append(sources.size() - shown).append(" more</li>");
    }
    html.append("</ul>");
  }

  /** Example articles: a link to the article's url when it is a safe http(s) one, and to its mentions in this report. */
  private void examples(List<JsonNode> examples, String wording) {
    html.append("<ul class=\"examples\">");
    for (JsonNode e : examples) {
      String articleId = e.path("articleId").asText();
      String anchor = articleAnchors.get(articleId);
      String outlet = escape(abbreviate(e.path("outlet").asText(), 40));
      html.append("<li>");
      if (anchor != null) {
        html.append("<a class=\"outlet\" href=\"#").append(anchor).append("\" title=\"").append(escape(articleId))
            .append(" (its mentions in this report)\">").append(outlet).append("</a>");
      } else {
        html.append("<span class=\"outlet\" title=\"").append(escape(articleId)).append("\">").append(outlet).append("</span>");
      }
      String text = e.path("text").asText("").strip();
      if (!text.isEmpty() && !text.equals(wording)) {
        html.append(" <span class=\"extext\">").append(escape(quoted(abbreviate(text, 110)))).append("</span>");
      }
      String url = Html.safeHttpUrl(e.path("url").asText(null));
      if (url == null) {
        Article article = data.articles.get(articleId);
        url = article == null ? null : Html.safeHttpUrl(article.url);
      }
      if (url != null) {
        html.append(" <a class=\"ext\" href=\"").append(escape(url)).append("\" rel=\"noopener noreferrer\">↗ source</a>");
      }
      html.append("</li>");
    }
    html.append("</ul>");
  }

  // ---------------------------------------------------------------- run facts

  private void runFacts() {
    JsonNode s = data.summary;
    html.append("<section id=\"run\" class=\"card\">\n<h2>Run facts</h2>\n<div class=\"facts\">\n<div>\n<h3>Counts</h3>")
        .append("<table class=\"kv\"><tbody>");
    kv("articles read", s.path("read"));
    kv("accepted", s.path("accepted"));
    kv("duplicates", s.path("duplicates"));
    kv("dead-lettered", s.path("deadLettered"));
    kv("mentions", s.path("mentions"));
    kv("· attributed", s.path("attributedMentions"));
    kv("· own-voice", s.path("ownVoiceMentions"));
    kv("claim-days (daily records)", s.path("claims"));
    kv("days", s.path("days"));
    html.append("<tr><th>balanced</th><td class=\"num\">").append(escape(s.path("balanced").asText("?"))).append("</td></tr>");
    html.append("</tbody></table>\n</div>\n<div>\n<h3>Dead letters by stage</h3>");
    Map<String, Long> byStage = data.deadLettersByStage();
    if (byStage.isEmpty()) {
      html.append("<p class=\"muted\">None.</p>");
    } else {
      html.append("<table class=\"kv\"><tbody>");
      byStage.forEach((stage, n) -> html.append("<tr><th>").append(escape(stage)).append("</th><td class=\"num\">")
          .append(fmt(n)).append("</td></tr>"));
      html.append("</tbody></table>");
    }
    html.append("<p class=\"muted\">").append(count(data.duplicateRecords, "record")).append(" in <code>duplicates/</code>, ")
        .append(count(data.deadLetterRecords, "record")).append(" in <code>deadletter/</code>.</p>\n</div>\n</div>\n");

    html.append("<h3>Inputs</h3>\n");
    Map<String, JsonNode> files = data.files();
    if (files.isEmpty()) {
      html.append("<p class=\"muted\">No per-file accounting in summary.json.</p>\n");
    } else {
      html.append("<table class=\"inputs\"><thead><tr><th>File</th><th class=\"num\">read</th><th class=\"num\">accepted</th>")
          .append("<th class=\"num\">duplicates</th><th class=\"num\">dead-lettered</th></tr></thead><tbody>\n");
      files.forEach((file, f) -> html.append("<tr><td><code>").append(escape(file)).append("</code></td>")
          .append(numCell(f.path("read"))).append(numCell(f.path("accepted"))).append(numCell(f.path("duplicates")))
          .append(numCell(f.path("deadLettered"))).append("</tr>\n"));
      html.append("</tbody></table>\n");
    }

    html.append("<h3>Dead letters by reason</h3>\n");
    if (data.deadLetters.isEmpty()) {
      html.append("<p class=\"muted\">No dead letters: every record read was accepted or a duplicate.</p>\n");
    } else {
      html.append("<table class=\"reasons\"><thead><tr><th>Stage</th><th>Reason</th><th class=\"num\">Records</th>")
          .append("<th>First seen</th></tr></thead><tbody>\n");
      data.deadLetters.forEach((stage, reasons) -> {
        List<Map.Entry<String, ReasonCount>> sorted = new ArrayList<>(reasons.entrySet());
        sorted.sort(Comparator.comparingLong((Map.Entry<String, ReasonCount> e) -> -e.getValue().count)
            .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, ReasonCount> e : sorted) {
          JsonNode sample = e.getValue().sample;
          html.append("<tr><td>").append(escape(stage)).append("</td><td>").append(escape(e.getKey())).append("</td>")
              .append("<td class=\"num\">").append(fmt(e.getValue().count)).append("</td><td><div class=\"muted\">")
              .append(escape(abbreviate(sample.path("file").asText(""), 90)));
          if (sample.hasNonNull("line")) {
            html.append(":").append(sample.get("line").asLong());
          }
          if (sample.hasNonNull("recordId")) {
            html.append(" · id ").append(escape(abbreviate(sample.get("recordId").asText(), 60)));
          }
          html.append("</div><div class=\"muted\">").append(escape(abbreviate(sample.path("reason").asText(), 160)))
              .append("</div><code class=\"input\">").append(escape(abbreviate(sample.path("input").asText(), 200)))
              .append("</code></td></tr>\n");
        }
      });
      html.append("</tbody></table>\n");
    }
    html.append("</section>\n");
  }

  private void kv(String key, JsonNode value) {
    html.append("<tr><th>").append(escape(key)).append("</th>").append(numCell(value)).append("</tr>");
  }

  private static String numCell(JsonNode value) {
    return "<td class=\"num\">" + (value.isMissingNode() || value.isNull() ? "–" : fmt(value.asLong())) + "</td>";
  }

  // ---------------------------------------------------------------- articles

  private void articles() {
    html.append("<section id=\"articles\" class=\"card\">\n<h2>Example articles</h2>\n<p class=\"note\">The articles the ")
        .append("examples above link to, with the mentions extracted from each (at most ").append(ReportData.MAX_ARTICLE_MENTIONS)
        .append(", in text order).</p>\n");
    if (data.articles.isEmpty()) {
      html.append("<p class=\"empty\">No example articles.</p>\n");
    }
    for (Article a : data.articles.values()) {
      html.append("<div class=\"article\" id=\"").append(articleAnchors.get(a.id)).append("\"><h3>")
          .append(escape(a.id)).append(" <span class=\"muted\">").append(escape(a.outlet)).append(" · ")
          .append(escape(a.publishedAt)).append(" · ").append(count(a.mentionCount, "mention")).append("</span>");
      String url = Html.safeHttpUrl(a.url);
      if (url != null) {
        html.append(" <a class=\"ext\" href=\"").append(escape(url)).append("\" rel=\"noopener noreferrer\">↗ source</a>");
      }
      html.append("</h3>\n<ol class=\"mentions\">");
      for (JsonNode m : a.mentions) {
        html.append("<li>");
        JsonNode source = m.path("source");
        if (source.isObject()) {
          html.append("<span class=\"source\">").append(escape(abbreviate(source.path("name").asText(), 80)))
              .append("</span> <span class=\"kind\">").append(escape(source.path("kind").asText().toLowerCase(Locale.ROOT)))
              .append("</span> ");
        } else {
          html.append("<span class=\"muted\">(no source)</span> ");
        }
        if (m.path("cue").isObject()) {
          html.append("<i>").append(escape(abbreviate(m.path("cue").path("text").asText(), 60))).append("</i> ");
        }
        html.append("“").append(escape(abbreviate(m.path("content").path("text").asText(), 400))).append("”")
            .append(" <span class=\"key\">").append(escape(m.path("claimId").asText())).append("</span></li>");
      }
      html.append("</ol></div>\n");
    }
    html.append("</section>\n");
  }

  // ---------------------------------------------------------------- helpers

  private static String claimAnchor(String claimId) {
    return Html.anchor("claim-", claimId);
  }

  /** A link to the day's list when the day is listed, else the day as text. */
  private String dayLink(String day) {
    return data.listedDays().contains(day)
        ? "<a href=\"#" + dayAnchor(day) + "\">" + escape(day) + "</a>"
        : escape(day);
  }

  private static String dayAnchor(String day) {
    return Html.anchor("day-", day);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String fmt(double x) {
    return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.2f", x);
  }

  private static String count(long n, String noun) {
    return fmt(n) + " " + noun + (n == 1 ? "" : "s");
  }

  private static final String CSS = """
      :root{--fg:#1f2933;--muted:#66788a;--line:#e3e8ef;--bg:#f4f6f9;--link:#1c5fb8;--accent:#d9480f}
      *{box-sizing:border-box}
      body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif;color:var(--fg);background:var(--bg)}
      a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
      code{font:12px/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;word-break:break-all}
      header{background:#1d2b45;color:#fff;padding:18px 32px 0}
      header h1{margin:0;font-size:22px;font-weight:700;letter-spacing:-.01em}header h1 span{font-weight:400;color:#aab8d6}
      header p{margin:4px 0 10px;color:#c3cde3;font-size:13px}header code{color:#dfe6f5}
      nav{display:flex;flex-wrap:wrap;gap:2px}nav a{color:#dfe6f5;padding:6px 12px;border-radius:6px 6px 0 0;font-size:13px}
      nav a:hover{background:#2c3f63;text-decoration:none}
      main{max-width:1240px;margin:0 auto;padding:4px 24px 24px}
      .card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:14px 0;box-shadow:0 1px 2px rgba(16,24,40,.04)}
      h2{font-size:17px;margin:0 0 2px}h3{font-size:14px;margin:14px 0 6px}
      .note{color:var(--muted);font-size:12.5px;margin:2px 0 10px}.muted{color:var(--muted);font-size:12px}
      .empty{color:var(--muted);font-style:italic}.warn{color:#b42318}
      .tiles{display:grid;grid-template-columns:repeat(8,1fr);gap:10px;margin:10px 0 4px}
      .tile{border:1px solid var(--line);border-radius:8px;padding:8px 12px;background:#fafbfc}
      .tile b{display:block;font-size:22px;font-weight:650;font-variant-numeric:tabular-nums}.tile span{color:var(--muted);font-size:12px;line-height:1.25;display:block}
      .tile.ok b{color:#2f7d32}.tile.warn b{color:#b42318}
      .chartrow{display:grid;grid-template-columns:330px 800px;column-gap:16px;align-items:center;border-top:1px solid #f1f3f6;padding:3px 0}
      .chartrow:last-child,.chartrow:has(.chart-axis){border-top:none}
      .chartlabel{font-size:13px;line-height:1.3;min-width:0}
      .chartlabel.ranked{display:grid;grid-template-columns:30px 1fr;align-items:start}
      .chartlabel .rank{width:22px;height:22px;border-radius:50%;background:#eef2f7;color:#3b4a5c;font-size:12px;font-weight:700;text-align:center;line-height:22px}
      .clamp{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
      .wording{color:var(--fg);font-weight:500}a.wording:hover{color:var(--link)}
      svg{display:block;overflow:visible}svg text{font-size:11px;fill:#52606d}
      svg .year{font-weight:700;fill:#1f2933}svg .gapmark{fill:#9aa5b1;font-size:13px}
      svg .base{stroke:#cbd2d9;stroke-width:1}svg .tick{stroke:#cbd2d9}svg .gap{stroke:#cbd2d9;stroke-dasharray:2 3}
      svg .mark{fill:var(--accent)}.markkey{color:var(--accent)}
      svg.spark .other{fill:#9fb3c8}svg.spark .today{fill:var(--accent)}
      svg.heat .row{font-size:12.5px;fill:#1f2933}svg.heat a:hover .row{fill:var(--link)}
      svg.heat .col{font-size:12px;fill:#1f2933}svg.heat .cell{font-size:11.5px;fill:#1f2933}svg.heat .cell.dark{fill:#fff}
      svg.heat .rowtotal{font-weight:700;fill:#1f2933;font-size:12px}svg.heat .total{fill:var(--muted)}
      .legend{font-size:12px;color:#3b4a5c}.legend i{display:inline-block;width:11px;height:11px;border-radius:2px;margin:0 5px -1px 0}
      .legend.outlets{display:flex;flex-wrap:wrap;gap:4px 16px;margin:2px 0 8px}
      .scroll{overflow-x:auto}
      table{border-collapse:collapse;width:100%}
      th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
      thead th{font-size:11px;color:var(--muted);font-weight:650;text-transform:uppercase;letter-spacing:.04em;border-bottom:2px solid var(--line)}
      .num{text-align:right;font-variant-numeric:tabular-nums}td.rank{color:var(--muted);font-weight:700;width:24px}
      .key{color:#8a99a8;font-size:11px;font-family:ui-monospace,Menlo,Consolas,"Liberation Mono",monospace;word-break:break-word}
      .outlets-list{color:var(--muted);font-size:11.5px;text-align:right}
      ul.sources,ul.examples{list-style:none;margin:0;padding:0;font-size:12.5px}ul.sources li,ul.examples li{margin:0 0 2px}
      .kind{font-size:10.5px;color:#52606d;background:#eef2f7;border-radius:4px;padding:0 4px}
      .outlet{font-weight:600;color:#3b4a5c}a.outlet{color:var(--link)}.extext{color:#52606d}
      .badge{display:inline-block;background:#fff4e6;color:var(--accent);border:1px solid #ffd8a8;border-radius:10px;padding:0 7px;font-size:11px;font-weight:700;margin-top:3px}
      .formula{background:#f8fafc;border-left:3px solid var(--accent);padding:6px 14px;margin:6px 0 10px;font-size:13px}
      .formula p{margin:4px 0}.formula .eq{font:15px/1.6 "Latin Modern Math","STIX Two Math","Cambria Math",Georgia,serif;margin:6px 0 6px 12px}
      .day{margin-top:6px}.day h3{margin:18px 0 4px;font-size:15px}
      table.claims td:nth-child(2){width:36%}table.claims td:nth-child(6){width:20%}
      .facts{display:grid;grid-template-columns:1fr 1fr;gap:24px}
      table.kv{width:auto;min-width:320px}table.kv th{font-weight:500;color:#3b4a5c;text-transform:none;letter-spacing:0;font-size:13px}
      code.input{display:block;color:#52606d;background:#f8fafc;padding:2px 6px;border-radius:4px;margin-top:2px;white-space:pre-wrap}
      .article{border-top:1px solid var(--line);padding:4px 0}.article h3{font-size:13px;margin:8px 0 4px;word-break:break-all}
      .article:target{background:#fffbe6;outline:2px solid #ffe58f;border-radius:6px;padding:4px 8px}
      ol.mentions{margin:0 0 6px;padding-left:26px;font-size:12.5px}ol.mentions li{margin:1px 0}.source{font-weight:600}
      tr:target{background:#fffbe6}
      footer{max-width:1240px;margin:0 auto;padding:0 24px 32px;color:var(--muted);font-size:12px}
      @media (max-width:1180px){.chartrow{grid-template-columns:1fr}.tiles{grid-template-columns:repeat(4,1fr)}.scroll svg,.chartrow svg{max-width:100%;height:auto}}
      """;
}
