package io.claimwatch.report;

import static io.claimwatch.report.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Inline SVG charts, drawn on the server: bars, stacked bars, a heat map and sparklines. */
final class Charts {
  /** Tableau 10: distinguishable, print-friendly; the last is for "other outlets". */
  static final List<String> PALETTE = List.of(
      "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f");
  static final String OTHER_COLOR = "#bab0ac";
  static final String ACCENT = "#d9480f";

  static final int CHART_WIDTH = 800;

  private Charts() {}

  /** Horizontal layout of a day axis: one slot per day with records, gaps marked between them. */
  static final class DayAxis {
    final List<String> days;
    final int[] epochDays;
    final double slot;
    final int width;

    DayAxis(List<String> days, int width) {
      this.days = days;
      this.width = width;
      this.epochDays = new int[days.size()];
      for (int i = 0; i < days.size(); i++) {
        epochDays[i] = ReportData.epochDay(days.get(i));
      }
      this.slot = days.isEmpty() ? width : (double) width / days.size();
    }

    double center(int i) {
      return slot * (i + 0.5);
    }

    double barWidth() {
      return Math.max(1.5, Math.min(28, slot * 0.72));
    }

    /** Days without records between slot {@code i - 1} and slot {@code i}. */
    int gapBefore(int i) {
      return i == 0 ? 0 : epochDays[i] - epochDays[i - 1] - 1;
    }

    int indexOf(int epochDay) {
      return java.util.Arrays.binarySearch(epochDays, epochDay);
    }

    /** Dashed lines where calendar days without any records were left out. */
    void gaps(StringBuilder svg, double top, double bottom) {
      for (int i = 1; i < days.size(); i++) {
        if (gapBefore(i) > 0) {
          double x = slot * i;
          svg.append(String.format(Locale.ROOT,
              "<line class=\"gap\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"><title>%s</title></line>",
              x, top, x, bottom, escape(gapTitle(gapBefore(i)))));
        }
      }
    }
  }

  static String gapTitle(int days) {
    return days + (days == 1 ? " day" : " days") + " without records left out";
  }

  /** The shared day axis under a stack of charts: MM-DD labels, the year where it changes, gap marks. */
  static String axis(DayAxis axis) {
    int height = 34;
    StringBuilder svg = open(axis.width, height, "chart-axis", "Days with records");
    int every = Math.max(1, (int) Math.ceil(44 / axis.slot));
    String lastYear = "";
    for (int i = 0; i < axis.days.size(); i++) {
      String day = axis.days.get(i);
      boolean last = i == axis.days.size() - 1;
      if (i % every != 0 && !(last && (i % every) * axis.slot >= 44)) {
        continue;
      }
      double x = axis.center(i);
      svg.append(String.format(Locale.ROOT, "<line class=\"tick\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"4\"/>", x, x));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"15\" text-anchor=\"middle\">%s</text>",
          x, escape(day.substring(5))));
      String year = day.substring(0, 4);
      if (!year.equals(lastYear)) {
        svg.append(String.format(Locale.ROOT, "<text class=\"year\" x=\"%.1f\" y=\"29\" text-anchor=\"middle\">%s</text>",
            x, escape(year)));
        lastYear = year;
      }
    }
    axis.gaps(svg, 0, 5);
    return svg.append("</svg>").toString();
  }

  /** One stacked segment of a bar. */
  record Segment(String label, long value, String color) {}

  /**
   * Stacked bars over the day axis: {@code stacks.get(i)} is day i's segments, bottom first.
   * {@code marks} are the day indexes to flag with a small triangle (emerging days).
   */
  static String stackedBars(DayAxis axis, List<List<Segment>> stacks, long max, int height, String cssClass,
      String label, List<Integer> marks) {
    StringBuilder svg = open(axis.width, height, cssClass, label);
    double top = 8;
    double bottom = height - 1;
    svg.append(String.format(Locale.ROOT, "<line class=\"base\" x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
        bottom + 0.5, axis.width, bottom + 0.5));
    axis.gaps(svg, 0, bottom);
    double scale = max <= 0 ? 0 : (bottom - top) / max;
    double w = axis.barWidth();
    for (int i = 0; i < stacks.size(); i++) {
      double y = bottom;
      double x = axis.center(i) - w / 2;
      long total = stacks.get(i).stream().mapToLong(Segment::value).sum();
      for (Segment s : stacks.get(i)) {
        if (s.value() <= 0) {
          continue;
        }
        double h = s.value() * scale;
        y -= h;
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
            x, y, w, Math.max(0.5, h - (h > 3 ? 0.6 : 0)), s.color(),
            escape(axis.days.get(i) + " · " + s.label() + ": " + s.value() + (total != s.value() ? " of " + total : ""))));
      }
    }
    for (int i : marks) {
      if (i < 0 || i >= stacks.size()) {
        continue;
      }
      long total = stacks.get(i).stream().mapToLong(Segment::value).sum();
      double x = axis.center(i);
      double y = bottom - total * scale - 2;
      svg.append(String.format(Locale.ROOT,
          "<path class=\"mark\" d=\"M%.1f %.1f l-4 -6 h8 z\"><title>%s</title></path>",
          x, Math.max(6, y), escape(axis.days.get(i) + ": emerging")));
    }
    return svg.append("</svg>").toString();
  }

  /** Plain bars for a claim's mentions per day, with one day highlighted. */
  static String sparkline(DayAxis axis, Map<Integer, Long> counts, int highlightEpochDay, String label) {
    int width = axis.width;
    int height = 26;
    StringBuilder svg = open(width, height, "spark", label);
    long max = 1;
    for (long v : counts.values()) {
      max = Math.max(max, v);
    }
    double bottom = height - 1.5;
    svg.append(String.format(Locale.ROOT, "<line class=\"base\" x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
        bottom + 0.5, width, bottom + 0.5));
    double w = Math.max(1, Math.min(8, axis.slot * 0.7));
    for (int i = 0; i < axis.days.size(); i++) {
      long v = counts.getOrDefault(axis.epochDays[i], 0L);
      if (v <= 0) {
        continue;
      }
      double h = Math.max(1.5, v * (height - 4.0) / max);
      boolean today = axis.epochDays[i] == highlightEpochDay;
      svg.append(String.format(Locale.ROOT,
          "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>",
          today ? "today" : "other", axis.center(i) - w / 2, bottom - h, w, h,
          escape(axis.days.get(i) + ": " + v + (v == 1 ? " mention" : " mentions"))));
    }
    return svg.append("</svg>").toString();
  }

  /** A heat map: rows × columns of counts, with row labels linking into the report. */
  record HeatRow(String label, String title, String href, long[] values) {}

  static String heatMap(List<HeatRow> rows, List<String> columns, String label) {
    int labelWidth = 380;
    int cellW = 54;
    int cellH = 26;
    int longest = columns.stream().mapToInt(c -> Math.min(18, c.length())).max().orElse(4);
    int header = 24 + (int) Math.ceil(longest * 6.8 * Math.sin(Math.toRadians(40)));
    int totalW = 62;
    int width = labelWidth + cellW * columns.size() + totalW;
    int height = header + cellH * rows.size() + 4;
    StringBuilder svg = open(width, height, "heat", label);
    long max = 1;
    for (HeatRow row : rows) {
      for (long v : row.values()) {
        max = Math.max(max, v);
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      double x = labelWidth + cellW * c + cellW / 2.0;
      svg.append(String.format(Locale.ROOT,
          "<text class=\"col\" transform=\"translate(%.1f %d) rotate(-40)\">%s<title>%s</title></text>",
          x + 4, header - 8, escape(Html.abbreviate(columns.get(c), 18)), escape(columns.get(c))));
    }
    svg.append(String.format(Locale.ROOT, "<text class=\"col total\" x=\"%d\" y=\"%d\" text-anchor=\"end\">all outlets</text>",
        width - 6, header - 8));
    for (int r = 0; r < rows.size(); r++) {
      HeatRow row = rows.get(r);
      double y = header + cellH * r;
      svg.append("<a href=\"").append(escape(row.href())).append("\">");
      svg.append(String.format(Locale.ROOT, "<text class=\"row\" x=\"0\" y=\"%.1f\">%s<title>%s</title></text>",
          y + cellH / 2.0 + 4, escape(row.label()), escape(row.title())));
      svg.append("</a>");
      long total = 0;
      for (int c = 0; c < columns.size(); c++) {
        long v = row.values()[c];
        total += v;
        double x = labelWidth + cellW * c;
        double t = v <= 0 ? 0 : Math.sqrt((double) v / max);
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"%s\"><title>%s</title></rect>",
            x + 1, y + 1, cellW - 2, cellH - 2, v <= 0 ? "#f3f5f8" : blend(t),
            escape(columns.get(c) + " · " + row.title() + ": " + v + (v == 1 ? " mention" : " mentions"))));
        if (v > 0) {
          svg.append(String.format(Locale.ROOT, "<text class=\"cell%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
              t > 0.55 ? " dark" : "", x + cellW / 2.0, y + cellH / 2.0 + 4, v));
        }
      }
      svg.append(String.format(Locale.ROOT, "<text class=\"rowtotal\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>",
          width - 6, y + cellH / 2.0 + 4, total));
    }
    return svg.append("</svg>").toString();
  }

  /** From a pale blue (t = 0) to a deep blue (t = 1). */
  static String blend(double t) {
    int[] from = {0xdc, 0xe8, 0xf6};
    int[] to = {0x1d, 0x4e, 0x89};
    int[] c = new int[3];
    for (int i = 0; i < 3; i++) {
      c[i] = (int) Math.round(from[i] + (to[i] - from[i]) * Math.max(0, Math.min(1, t)));
    }
    return String.format(Locale.ROOT, "#%02x%02x%02x", c[0], c[1], c[2]);
  }

  /** A colour per outlet: the palette in the given order, then grey. */
  static String colorOf(List<String> outletOrder, String outlet) {
    int i = outletOrder.indexOf(outlet);
    return i >= 0 && i < PALETTE.size() ? PALETTE.get(i) : OTHER_COLOR;
  }

  static List<Segment> segments(List<String> labels, List<Long> values, List<String> colors) {
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      segments.add(new Segment(labels.get(i), values.get(i), colors.get(i)));
    }
    return segments;
  }

  private static StringBuilder open(int width, int height, String cssClass, String label) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"%s\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "role=\"img\" aria-label=\"%s\">",
        cssClass, width, height, width, height, escape(label)));
  }
}
