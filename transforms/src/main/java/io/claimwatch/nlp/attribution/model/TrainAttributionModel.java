package io.claimwatch.nlp.attribution.model;

import io.claimwatch.evaluation.AttributionScorer;
import io.claimwatch.evaluation.EvaluateExtractorDirect;
import io.claimwatch.evaluation.PolnearData;
import io.claimwatch.evaluation.PolnearData.Article;
import io.claimwatch.evaluation.PolnearData.SpanAttribution;
import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.Span;
import io.claimwatch.nlp.TextAnalyzer;
import io.claimwatch.nlp.Token;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

/**
 * Trains the attribution model on PolNeAR-format data.
 *
 * <pre>
 * TrainAttributionModel --train=DIR --out=FILE [--epochs=N] [--seed=N] [--holdout=FRACTION] [--ensemble=N]
 *     [--cueEpochs=N] [--cueBias=F] [--contentBias=F] [--prune=N] [--sweep=F,F.. [--sweepContent=F,..]]
 * </pre>
 *
 * With {@code --ensemble=N}, each stage is trained N times on different shuffles and the N averaged
 * weight vectors are averaged again: the scores of a linear model are linear in its weights, so this
 * is the ensemble that sums the members' scores, at the decoding cost of a single model.
 *
 * Defaults: 8 stage-2 epochs, 15 stage-1 epochs, seed 42, no holdout, an ensemble of 3, cue bias 32
 * (ensemble and bias chosen on a 10% held-out part of train), prune 300 (quantized weights below
 * 300/32767 of the largest are dropped).
 *
 * {@code DIR} holds {@code articles.jsonl} and {@code gold.jsonl}. With a holdout fraction, the last
 * lines of the gold file are kept out of training and scored after every stage-2 epoch. A fixed
 * seed gives a byte-identical model (single-threaded training, order-independent serialization,
 * gzip header without timestamp).
 */
public final class TrainAttributionModel {
  static int cueBits = 20;
  static int roleBits = 21;

  private TrainAttributionModel() {}

  /** An article prepared for training: its analysis and gold aligned to token ranges. */
  static final class Example {
    final Article article;
    final AnalyzedText text;
    final Doc doc;
    final List<SpanAttribution> gold;
    final List<int[]> cues = new ArrayList<>();
    final List<List<int[]>> sources = new ArrayList<>();
    final List<List<int[]>> contents = new ArrayList<>();

    Example(Article article, AnalyzedText text, List<SpanAttribution> gold) {
      this.article = article;
      this.text = text;
      this.doc = new Doc(text);
      this.gold = gold;
      for (SpanAttribution a : gold) {
        if (a.cue().isEmpty() || a.content().isEmpty()) {
          continue;
        }
        int[] cue = tokens(text, a.cue().get(0));
        if (cue == null) {
          continue;
        }
        for (int k = 1; k < a.cue().size(); k++) {
          int[] more = tokens(text, a.cue().get(k));
          if (more != null) {
            cue[0] = Math.min(cue[0], more[0]);
            cue[1] = Math.max(cue[1], more[1]);
          }
        }
        cues.add(cue);
        sources.add(ranges(text, a.source()));
        contents.add(ranges(text, a.content()));
      }
    }

    private static List<int[]> ranges(AnalyzedText text, List<Span> spans) {
      List<int[]> out = new ArrayList<>();
      for (Span s : spans) {
        int[] r = tokens(text, s);
        if (r != null) {
          out.add(r);
        }
      }
      return out;
    }
  }

  /** Token range {@code [first, end)} of the tokens overlapping a span, or null. */
  static int[] tokens(AnalyzedText text, Span span) {
    List<Token> tokens = text.tokens();
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) { // first token ending after span.start
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).end() <= span.start()) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int first = lo;
    int end = first;
    while (end < tokens.size() && tokens.get(end).start() < span.end()) {
      end++;
    }
    return end > first ? new int[] {first, end} : null;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new IllegalArgumentException("usage: --train=DIR --out=FILE [--epochs=N] [--seed=N] [--holdout=F]");
      }
      opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
    }
    Path train = Path.of(required(opts, "train"));
    Path out = Path.of(required(opts, "out"));
    int epochs = Integer.parseInt(opts.getOrDefault("epochs", "8"));
    int cueEpochs = Integer.parseInt(opts.getOrDefault("cueEpochs", "15"));
    long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
    double holdout = Double.parseDouble(opts.getOrDefault("holdout", "0"));
    int ensemble = Integer.parseInt(opts.getOrDefault("ensemble", "3"));
    int prune = Integer.parseInt(opts.getOrDefault("prune", "300"));
    float cueBias = Float.parseFloat(opts.getOrDefault("cueBias", "32"));
    float contentBias = Float.parseFloat(opts.getOrDefault("contentBias", "0"));
    cueBits = Integer.parseInt(opts.getOrDefault("cueBits", String.valueOf(cueBits)));
    roleBits = Integer.parseInt(opts.getOrDefault("roleBits", String.valueOf(roleBits)));

    long t0 = System.nanoTime();
    List<Article> articles = PolnearData.readArticles(train.resolve("articles.jsonl"));
    Map<String, List<SpanAttribution>> gold = PolnearData.readGold(train.resolve("gold.jsonl"));
    List<String> ids = new ArrayList<>(gold.keySet());
    int cut = (int) Math.round(ids.size() * (1 - holdout));
    List<String> trainIds = ids.subList(0, cut);
    List<String> heldIds = ids.subList(cut, ids.size());
    Map<String, Article> byId = new HashMap<>();
    for (Article a : articles) {
      byId.put(a.id(), a);
    }
    List<Example> trainSet = prepare(trainIds, byId, gold);
    List<Example> heldSet = prepare(heldIds, byId, gold);
    System.err.printf(Locale.ROOT, "prepared %d train / %d held-out articles in %.1fs%n", trainSet.size(),
        heldSet.size(), (System.nanoTime() - t0) / 1e9);

    Random random = new Random(seed);
    List<LinearModel> cueMembers = new ArrayList<>();
    for (int m = 0; m < ensemble; m++) {
      cueMembers.add(trainCues(trainSet, cueEpochs, random));
    }
    LinearModel cueModel = LinearModel.mean(cueMembers);
    System.err.printf(Locale.ROOT, "stage 1 done at %.1fs%n", (System.nanoTime() - t0) / 1e9);
    if (!heldSet.isEmpty()) {
      System.err.println("    held-out stage 1 alone: " + scoreCues(cueModel, cueBias, heldSet,
          opts.containsKey("cueErrors") ? Path.of(opts.get("cueErrors")) : null));
    }
    if (Boolean.parseBoolean(opts.getOrDefault("stage1Only", "false"))) {
      return;
    }
    List<List<int[]>> predictedCues = jackknifeCues(trainSet, cueEpochs, seed, cueBias);
    System.err.printf(Locale.ROOT, "jackknifed cues done at %.1fs%n", (System.nanoTime() - t0) / 1e9);
    List<LinearModel> roleMembers = new ArrayList<>();
    for (int m = 0; m < ensemble; m++) {
      roleMembers.add(trainRoles(trainSet, predictedCues, heldSet, cueModel, cueBias, epochs, random));
    }
    LinearModel roleModel = LinearModel.mean(roleMembers);
    System.err.printf(Locale.ROOT, "stage 2 done at %.1fs%n", (System.nanoTime() - t0) / 1e9);
    AttributionModel model = new AttributionModel(cueModel, roleModel, cueBias, contentBias);
    if (!heldSet.isEmpty() && opts.containsKey("sweep")) {
      for (String b : opts.get("sweep").split(",")) {
        for (String c : opts.getOrDefault("sweepContent", String.valueOf(contentBias)).split(",")) {
          AttributionScorer s = score(model.withBiases(Float.parseFloat(b), Float.parseFloat(c)), heldSet);
          System.err.printf(Locale.ROOT, "  cueBias %s contentBias %s: %s%n", b, c, summary(s));
        }
      }
    }
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (OutputStream file = Files.newOutputStream(out);
        GZIPOutputStream gz = new GZIPOutputStream(file, 1 << 16)) {
      model.write(gz, prune);
    }
    System.err.printf(Locale.ROOT, "wrote %s (%d bytes) at %.1fs%n", out, Files.size(out),
        (System.nanoTime() - t0) / 1e9);
    if (!heldSet.isEmpty()) {
      AttributionModel reread;
      try (var in = Files.newInputStream(out)) {
        reread = AttributionModel.read(in);
      }
      System.out.println("held-out (" + heldSet.size() + " articles), shipped (pruned) model:");
      System.out.println(score(reread, heldSet).report());
    }
  }

  static String summary(AttributionScorer s) {
    return String.format(Locale.ROOT, "exact P/R/F1 source %.1f/%.1f/%.1f cue %.1f/%.1f/%.1f content %.1f/%.1f/%.1f,"
        + " content overlap F1 %.1f", s.exact(PolnearData.Role.SOURCE)[0], s.exact(PolnearData.Role.SOURCE)[1],
        s.exact(PolnearData.Role.SOURCE)[2], s.exact(PolnearData.Role.CUE)[0], s.exact(PolnearData.Role.CUE)[1],
        s.exact(PolnearData.Role.CUE)[2], s.exact(PolnearData.Role.CONTENT)[0], s.exact(PolnearData.Role.CONTENT)[1],
        s.exact(PolnearData.Role.CONTENT)[2], s.overlap(PolnearData.Role.CONTENT)[2]);
  }

  private static String required(Map<String, String> opts, String key) {
    String v = opts.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + key + "=...");
    }
    return v;
  }

  static List<Example> prepare(List<String> ids, Map<String, Article> byId, Map<String, List<SpanAttribution>> gold)
      throws Exception {
    Example[] out = new Example[ids.size()];
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        final int shard = t;
        futures.add(pool.submit(() -> {
          TextAnalyzer analyzer = new TextAnalyzer(2000);
          for (int i = shard; i < ids.size(); i += threads) {
            Article a = byId.get(ids.get(i));
            out[i] = new Example(a, analyzer.analyze(a.body()), gold.get(a.id()));
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return Arrays.asList(out);
  }

  static AttributionScorer score(AttributionModel model, List<Example> set) {
    TrainedAttributionExtractor extractor = new TrainedAttributionExtractor(model);
    Map<String, String> bodies = new HashMap<>();
    for (Example e : set) {
      bodies.put(e.article.id(), e.article.body());
    }
    AttributionScorer scorer = new AttributionScorer((id, span) -> span.of(bodies.get(id)));
    for (Example e : set) {
      scorer.add(e.article.id(), e.gold, EvaluateExtractorDirect.toSpans(extractor.extract(e.text)));
    }
    return scorer;
  }

  // ---------------------------------------------------------------- stage 1

  /**
   * Exact-match P/R/F1 of stage-1 cue token ranges against the gold cues of a held-out set (stage 2
   * may still extend a cue); with {@code errors}, writes each missed and spurious cue in its sentence.
   */
  static String scoreCues(LinearModel m, float bias, List<Example> set, Path errors) throws IOException {
    Decoder decoder = new Decoder(null);
    long gold = 0;
    long pred = 0;
    long match = 0;
    StringBuilder log = new StringBuilder();
    for (Example ex : set) {
      List<int[]> found = decoder.cues(ex.doc, m, bias);
      java.util.Set<List<Integer>> g = new java.util.HashSet<>();
      for (int[] c : ex.cues) {
        g.add(List.of(c[0], c[1]));
      }
      java.util.Set<List<Integer>> p = new java.util.HashSet<>();
      for (int[] c : found) {
        p.add(List.of(c[0], c[1]));
      }
      gold += g.size();
      pred += p.size();
      for (List<Integer> c : p) {
        if (g.contains(c)) {
          match++;
        }
      }
      if (errors != null) {
        for (List<Integer> c : g) {
          if (!p.contains(c)) {
            log.append("MISSED   ").append(inContext(ex, c.get(0), c.get(1))).append('\n');
          }
        }
        for (List<Integer> c : p) {
          if (!g.contains(c)) {
            log.append("SPURIOUS ").append(inContext(ex, c.get(0), c.get(1))).append('\n');
          }
        }
      }
    }
    if (errors != null) {
      Files.writeString(errors, log);
    }
    double precision = pred == 0 ? 0 : 100.0 * match / pred;
    double recall = gold == 0 ? 0 : 100.0 * match / gold;
    double f = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return String.format(Locale.ROOT, "cue P/R/F1 %.1f/%.1f/%.1f (gold %d, predicted %d)", precision, recall, f,
        gold, pred);
  }

  private static String inContext(Example ex, int from, int to) {
    List<Token> tokens = ex.text.tokens();
    int s = ex.doc.sent[from];
    StringBuilder b = new StringBuilder();
    for (int i = ex.doc.sentStart[s]; i < ex.doc.sentEnd[s]; i++) {
      b.append(i == from ? "[[" : "").append(tokens.get(i).text()).append(i == to - 1 ? "]]" : "").append(' ');
    }
    return b.toString().replace('\n', ' ');
  }

  static LinearModel trainCues(List<Example> set, int epochs, Random random) {
    LinearModel.Trainer trainer = new LinearModel.Trainer(cueBits, CueFeatures.LABELS, CueFeatures.allowed());
    List<int[]> sentences = new ArrayList<>(); // {example, sentence}
    List<int[]> goldLabels = new ArrayList<>();
    for (int e = 0; e < set.size(); e++) {
      Example ex = set.get(e);
      int[] labels = new int[ex.doc.n];
      for (int[] c : ex.cues) {
        for (int i = c[0]; i < c[1]; i++) {
          if (labels[i] == CueFeatures.O) {
            labels[i] = i == c[0] ? CueFeatures.B : CueFeatures.I;
          }
        }
      }
      for (int s = 0; s < ex.doc.sentStart.length; s++) {
        int from = ex.doc.sentStart[s];
        int to = ex.doc.sentEnd[s];
        if (to > from) {
          sentences.add(new int[] {e, s});
          int[] g = Arrays.copyOfRange(labels, from, to);
          if (g[0] == CueFeatures.I) {
            g[0] = CueFeatures.B;
          }
          goldLabels.add(g);
        }
      }
    }
    Decoder decoder = new Decoder(null);
    Integer[] order = new Integer[sentences.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      int errors = 0;
      for (int idx : order) {
        int[] es = sentences.get(idx);
        Doc d = set.get(es[0]).doc;
        int from = d.sentStart[es[1]];
        int to = d.sentEnd[es[1]];
        decoder.cueFeatures(d, from, to, trainer.model);
        int[] pred = decoder.decode(trainer.model, to - from, null);
        int[] g = goldLabels.get(idx);
        if (!Arrays.equals(pred, g)) {
          errors++;
          trainer.update(decoder.feats, decoder.counts, to - from, g, pred);
        }
        trainer.tick();
      }
      System.err.printf(Locale.ROOT, "  cue epoch %d: %d/%d sentences wrong%n", epoch + 1, errors, order.length);
    }
    return trainer.averaged();
  }

  // ---------------------------------------------------------------- stage 2

  /**
   * Stage-1 predictions on the training articles as a model that did not see them would make them
   * (two folds: even and odd articles), so stage 2 learns from realistic cues, including false ones.
   */
  static List<List<int[]>> jackknifeCues(List<Example> set, int epochs, long seed, float bias) {
    List<List<int[]>> out = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) {
      out.add(null);
    }
    for (int fold = 0; fold < 2; fold++) {
      List<Example> part = new ArrayList<>();
      for (int i = 0; i < set.size(); i++) {
        if (i % 2 != fold) {
          part.add(set.get(i));
        }
      }
      LinearModel m = trainCues(part, epochs, new Random(seed + 1 + fold));
      Decoder decoder = new Decoder(null);
      for (int i = fold; i < set.size(); i += 2) {
        out.set(i, decoder.cues(set.get(i).doc, m, bias));
      }
    }
    return out;
  }

  static LinearModel trainRoles(List<Example> set, List<List<int[]>> predictedCues, List<Example> held,
      LinearModel cueModel, float cueBias, int epochs, Random random) {
    LinearModel.Trainer trainer = new LinearModel.Trainer(roleBits, RoleFeatures.LABELS, RoleFeatures.allowed());
    // Items {example, gold attribution or -1, cue start, cue end}: every gold attribution with its
    // gold cue, plus every jackknifed cue that is not exactly a gold cue, labelled with the roles of
    // a gold attribution whose cue it overlaps, else with nothing (stage 2 then learns to drop it).
    List<int[]> items = new ArrayList<>();
    List<boolean[][]> cueMarks = new ArrayList<>();
    int falseCues = 0;
    for (int e = 0; e < set.size(); e++) {
      Example ex = set.get(e);
      boolean[] cueTok = new boolean[ex.doc.n];
      boolean[] cueStart = new boolean[ex.doc.n];
      List<int[]> marks = predictedCues.get(e);
      for (int[] c : marks) {
        cueStart[c[0]] = true;
        for (int i = c[0]; i < c[1]; i++) {
          cueTok[i] = true;
        }
      }
      cueMarks.add(new boolean[][] {cueTok, cueStart});
      for (int a = 0; a < ex.cues.size(); a++) {
        items.add(new int[] {e, a, ex.cues.get(a)[0], ex.cues.get(a)[1]});
      }
      for (int[] c : marks) {
        int match = -1;
        boolean exact = false;
        for (int a = 0; a < ex.cues.size(); a++) {
          int[] g = ex.cues.get(a);
          if (g[0] == c[0] && g[1] == c[1]) {
            exact = true;
          } else if (match < 0 && g[0] < c[1] && c[0] < g[1]) {
            match = a;
          }
        }
        if (!exact) {
          items.add(new int[] {e, match, c[0], c[1]});
          falseCues++;
        }
      }
    }
    System.err.printf(Locale.ROOT, "  stage 2: %d windows, %d from cues that are not gold%n", items.size(), falseCues);
    Decoder decoder = new Decoder(null);
    Integer[] order = new Integer[items.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      int errors = 0;
      for (int idx : order) {
        int[] ea = items.get(idx);
        Example ex = set.get(ea[0]);
        int[] cue = {ea[2], ea[3]};
        boolean[][] marks = cueMarks.get(ea[0]);
        RoleFeatures.CueContext ctx = new RoleFeatures.CueContext(ex.doc, cue[0], cue[1], marks[0], marks[1]);
        int[] win = RoleFeatures.window(ex.doc, cue[0], cue[1]);
        int[] g = ea[1] < 0 ? roleLabels(win, cue, cue, List.of(), List.of())
            : roleLabels(win, cue, ex.cues.get(ea[1]), ex.sources.get(ea[1]), ex.contents.get(ea[1]));
        int[] pred = decoder.roles(ctx, win, trainer.model);
        if (!Arrays.equals(pred, g)) {
          errors++;
          trainer.update(decoder.feats, decoder.counts, g.length, g, pred);
        }
        trainer.tick();
      }
      System.err.printf(Locale.ROOT, "  role epoch %d: %d/%d windows wrong%n", epoch + 1, errors, order.length);
      if (!held.isEmpty() && (epoch + 1) % 2 == 0) {
        AttributionScorer s = score(new AttributionModel(cueModel, trainer.averaged(), cueBias, 0f), held);
        System.err.printf(Locale.ROOT, "    held-out %s%n", summary(s));
      }
    }
    return trainer.averaged();
  }

  /**
   * Gold stage-2 labels for a window: roles of the gold attribution, X on the (stage-1) cue and on
   * the rest of the gold cue it overlaps (so stage 2 learns to extend cues to their gold extent).
   */
  static int[] roleLabels(int[] win, int[] cue, int[] goldCue, List<int[]> sources, List<int[]> contents) {
    int n = win[1] - win[0];
    int[] g = new int[n];
    mark(g, win[0], sources, RoleFeatures.BS, RoleFeatures.IS);
    mark(g, win[0], contents, RoleFeatures.BC, RoleFeatures.IC);
    int from = Math.min(cue[0], goldCue[0]);
    int to = Math.max(cue[1], goldCue[1]);
    if (goldCue[1] < cue[0] || cue[1] < goldCue[0]) { // not touching: keep the cue only
      from = cue[0];
      to = cue[1];
    }
    for (int i = from; i < to; i++) {
      if (i >= win[0] && i < win[1]) {
        g[i - win[0]] = RoleFeatures.X;
      }
    }
    // Repair sequences broken by the cue pinning: an inside label must follow its begin.
    for (int i = 0; i < n; i++) {
      int prev = i == 0 ? RoleFeatures.O : g[i - 1];
      if (g[i] == RoleFeatures.IS && prev != RoleFeatures.BS && prev != RoleFeatures.IS) {
        g[i] = RoleFeatures.BS;
      } else if (g[i] == RoleFeatures.IC && prev != RoleFeatures.BC && prev != RoleFeatures.IC) {
        g[i] = RoleFeatures.BC;
      }
    }
    return g;
  }

  private static void mark(int[] g, int offset, List<int[]> ranges, int begin, int inside) {
    for (int[] r : ranges) {
      for (int i = Math.max(r[0], offset); i < Math.min(r[1], offset + g.length); i++) {
        g[i - offset] = i == Math.max(r[0], offset) ? begin : inside;
      }
    }
  }

  private static void shuffle(Integer[] a, Random random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Integer t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
