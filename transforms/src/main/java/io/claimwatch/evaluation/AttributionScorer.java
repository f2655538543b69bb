package io.claimwatch.evaluation;

import io.claimwatch.evaluation.PolnearData.Role;
import io.claimwatch.evaluation.PolnearData.SpanAttribution;
import io.claimwatch.nlp.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores predicted attributions against PolNeAR-style gold, per role (source, cue, content).
 *
 * <p><b>Exact match.</b> Each span fragment of each attribution is one item, counted exactly as the
 * gold file lists them: a source shared by two gold attributions is two gold items, and a quote
 * split by its cue gives two content items. Predictions are counted the same way, per predicted
 * attribution, after collapsing predicted attributions that are identical in all three roles (a
 * pipeline emitting the same mention twice must not be rewarded or punished twice). Items of one
 * role in one article are matched as multisets on (start, end): matches = sum over distinct spans of
 * min(gold count, predicted count). So a shared source predicted for both of its attributions scores
 * two matches, predicted for one scores one.
 *
 * <p><b>Overlap.</b> For each gold item, its best character IoU with any predicted fragment of the
 * same role in the same article; the mean over gold items is the recall-like score, the mean over
 * predicted items of their best IoU with gold is the precision-like score, and overlap F1 is their
 * harmonic mean.
 *
 * <p>Besides the scores it gathers the largest error groups (missed and spurious cue texts,
 * content/source boundary errors, missed pronoun sources, no-source attributions, split contents).
 */
public final class AttributionScorer {
  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "i", "we", "you", "it",
      "him", "her", "them", "us", "me", "who", "his", "their", "one");

  /** Text of a body span of an article, or null when unknown. */
  public interface TextLookup {
    String text(String articleId, Span span);
  }

  private final TextLookup texts;
  private final long[] gold = new long[3];
  private final long[] pred = new long[3];
  private final long[] match = new long[3];
  private final double[] iouGold = new double[3];
  private final double[] iouPred = new double[3];
  private final Map<String, Integer> missedCues = new HashMap<>();
  private final Map<String, Integer> spuriousCues = new HashMap<>();
  private final Map<String, Integer> groups = new TreeMap<>();
  private int articles;

  public AttributionScorer(TextLookup texts) {
    this.texts = texts;
  }

  /** Adds one article's gold and predicted attributions. */
  public void add(String articleId, List<SpanAttribution> goldAttributions, List<SpanAttribution> predicted) {
    articles++;
    List<SpanAttribution> predictedUnique = new ArrayList<>(new LinkedHashSet<>(predicted));
    for (Role role : Role.values()) {
      int r = role.ordinal();
      List<Span> g = items(goldAttributions, role);
      List<Span> p = items(predictedUnique, role);
      gold[r] += g.size();
      pred[r] += p.size();
      Map<Span, Integer> gc = counts(g);
      Map<Span, Integer> pc = counts(p);
      for (Map.Entry<Span, Integer> e : gc.entrySet()) {
        match[r] += Math.min(e.getValue(), pc.getOrDefault(e.getKey(), 0));
      }
      for (Span s : g) {
        iouGold[r] += bestIou(s, pc.keySet());
      }
      for (Span s : p) {
        iouPred[r] += bestIou(s, gc.keySet());
      }
    }
    errorGroups(articleId, goldAttributions, predictedUnique);
  }

  private static List<Span> items(List<SpanAttribution> attributions, Role role) {
    List<Span> items = new ArrayList<>();
    for (SpanAttribution a : attributions) {
      items.addAll(a.role(role));
    }
    return items;
  }

  private static Map<Span, Integer> counts(List<Span> spans) {
    Map<Span, Integer> counts = new HashMap<>();
    for (Span s : spans) {
      counts.merge(s, 1, Integer::sum);
    }
    return counts;
  }

  static double iou(Span a, Span b) {
    int inter = Math.min(a.end(), b.end()) - Math.max(a.start(), b.start());
    if (inter <= 0) {
      return 0;
    }
    int union = Math.max(a.end(), b.end()) - Math.min(a.start(), b.start());
    return union == 0 ? 1 : (double) inter / union;
  }

  private static double bestIou(Span s, Collection<Span> others) {
    double best = 0;
    for (Span o : others) {
      best = Math.max(best, iou(s, o));
    }
    return best;
  }

  private void count(String group) {
    groups.merge(group, 1, Integer::sum);
  }

  private String text(String articleId, Span s) {
    String t = texts == null ? null : texts.text(articleId, s);
    return t == null ? s.toString() : t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private void errorGroups(String id, List<SpanAttribution> goldAs, List<SpanAttribution> predAs) {
    Set<Span> predCues = new java.util.HashSet<>(items(predAs, Role.CUE));
    Set<Span> goldCues = new java.util.HashSet<>(items(goldAs, Role.CUE));
    Set<Span> predContents = new java.util.HashSet<>(items(predAs, Role.CONTENT));
    Set<Span> predSources = new java.util.HashSet<>(items(predAs, Role.SOURCE));
    for (Span c : goldCues) {
      if (!predCues.contains(c)) {
        boolean overlap = predCues.stream().anyMatch(c::overlaps);
        count(overlap ? "cue: gold cue overlapped but not exact" : "cue: gold cue missed entirely");
        missedCues.merge(text(id, c), 1, Integer::sum);
      }
    }
    for (Span c : predCues) {
      if (!goldCues.contains(c)) {
        boolean overlap = goldCues.stream().anyMatch(c::overlaps);
        count(overlap ? "cue: predicted cue overlaps gold, not exact" : "cue: spurious predicted cue");
        spuriousCues.merge(text(id, c), 1, Integer::sum);
      }
    }
    for (SpanAttribution g : goldAs) {
      for (Span s : g.content()) {
        if (predContents.contains(s)) {
          continue;
        }
        Span best = null;
        double bestIou = 0;
        for (Span p : predContents) {
          double v = iou(s, p);
          if (v > bestIou) {
            bestIou = v;
            best = p;
          }
        }
        if (best == null) {
          count("content: gold fragment with no overlapping prediction");
        } else if (best.start() == s.start()) {
          count("content: start right, end " + (best.end() > s.end() ? "too late" : "too early"));
        } else if (best.end() == s.end()) {
          count("content: end right, start " + (best.start() < s.start() ? "too early" : "too late"));
        } else {
          count("content: both boundaries off");
        }
      }
      if (g.source().isEmpty()) {
        count("attributions without gold source");
      }
      for (Span s : g.source()) {
        boolean pronoun = PRONOUNS.contains(text(id, s));
        if (pronoun) {
          count("source: gold pronoun sources");
        }
        if (predSources.contains(s)) {
          continue;
        }
        boolean overlap = predSources.stream().anyMatch(s::overlaps);
        count("source: " + (pronoun ? "pronoun" : "non-pronoun") + " gold source "
            + (overlap ? "overlapped, not exact" : "missed"));
      }
      if (g.content().size() > 1) {
        count("split content: gold attributions with >1 content fragment");
      }
      // Attribution-level view: the predicted attribution with the same cue.
      if (g.cue().isEmpty()) {
        continue;
      }
      SpanAttribution p = null;
      for (SpanAttribution cand : predAs) {
        if (cand.cue().equals(g.cue())) {
          p = cand;
          break;
        }
      }
      if (p == null) {
        continue;
      }
      count("given exact cue: attributions");
      if (p.content().equals(g.content())) {
        count("given exact cue: content all fragments exact");
      }
      if (p.source().equals(g.source())) {
        count("given exact cue: source exact (incl. both empty)");
      }
      if (g.source().isEmpty() && !p.source().isEmpty()) {
        count("given exact cue: gold has no source, predicted one");
      }
      if (!g.source().isEmpty() && p.source().isEmpty()) {
        count("given exact cue: gold has source, predicted none");
      }
      if (g.content().size() > 1) {
        count("given exact cue: split gold content");
        if (p.content().equals(g.content())) {
          count("given exact cue: split gold content all exact");
        }
        if (p.content().size() == 1) {
          count("given exact cue: split gold content predicted as one fragment");
        }
      }
    }
  }

  /** Precision, recall, F1 (0..100) of exact match for a role. */
  public double[] exact(Role role) {
    int r = role.ordinal();
    return prf(match[r], pred[r], gold[r]);
  }

  /** Precision-like, recall-like and F1 (0..100) of character-IoU overlap for a role. */
  public double[] overlap(Role role) {
    int r = role.ordinal();
    double p = pred[r] == 0 ? 0 : 100 * iouPred[r] / pred[r];
    double rec = gold[r] == 0 ? 0 : 100 * iouGold[r] / gold[r];
    return new double[] {p, rec, p + rec == 0 ? 0 : 2 * p * rec / (p + rec)};
  }

  private static double[] prf(long m, long p, long g) {
    double precision = p == 0 ? 0 : 100.0 * m / p;
    double recall = g == 0 ? 0 : 100.0 * m / g;
    double f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new double[] {precision, recall, f};
  }

  /** The score table and error groups as text. */
  public String report() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "articles: %d%n", articles));
    b.append(String.format(Locale.ROOT, "%-8s %6s %6s %6s | %6s %6s %6s | %6s %6s %6s%n", "role", "gold",
        "pred", "match", "P", "R", "F1", "ovP", "ovR", "ovF1"));
    for (Role role : Role.values()) {
      int r = role.ordinal();
      double[] e = exact(role);
      double[] o = overlap(role);
      b.append(String.format(Locale.ROOT, "%-8s %6d %6d %6d | %6.1f %6.1f %6.1f | %6.1f %6.1f %6.1f%n",
          role.label(), gold[r], pred[r], match[r], e[0], e[1], e[2], o[0], o[1], o[2]));
    }
    b.append("\nerror groups:\n");
    groups.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %6d  %s%n", v, k)));
    b.append("\nmost missed gold cues: ").append(top(missedCues, 25)).append('\n');
    b.append("most spurious predicted cues: ").append(top(spuriousCues, 25)).append('\n');
    return b.toString();
  }

  private static String top(Map<String, Integer> counts, int n) {
    List<Map.Entry<String, Integer>> list = new ArrayList<>(counts.entrySet());
    list.sort((a, c) -> c.getValue() != a.getValue().intValue()
        ? Integer.compare(c.getValue(), a.getValue()) : a.getKey().compareTo(c.getKey()));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(n, list.size()); i++) {
      b.append(i == 0 ? "" : ", ").append('"').append(list.get(i).getKey()).append("\" ")
          .append(list.get(i).getValue());
    }
    return b.toString();
  }
}
