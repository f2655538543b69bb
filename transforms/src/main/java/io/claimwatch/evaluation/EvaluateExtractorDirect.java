package io.claimwatch.evaluation;

import io.claimwatch.evaluation.PolnearData.Article;
import io.claimwatch.evaluation.PolnearData.SpanAttribution;
import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.NlpModels;
import io.claimwatch.nlp.Sentence;
import io.claimwatch.nlp.TextAnalyzer;
import io.claimwatch.nlp.attribution.Attribution;
import io.claimwatch.nlp.attribution.model.TrainedAttributionExtractor;
import io.claimwatch.nlp.attribution.model.AttributionModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;

/**
 * Runs {@link TextAnalyzer} and {@link TrainedAttributionExtractor} in-process (no Beam) over a
 * PolNeAR-format article file, scores against its gold file and times extraction against OpenNLP
 * POS tagging of the same tokens.
 *
 * <pre>
 * EvaluateExtractorDirect --articles=FILE --gold=FILE [--limit=N] [--rounds=N] [--model=FILE]
 *     [--cueBias=F --contentBias=F]
 * </pre>
 *
 * The bias options override the model's decoding biases (to tune them on held-out training data).
 */
public final class EvaluateExtractorDirect {
  private EvaluateExtractorDirect() {}

  /** The extractor's attributions as scorer input. */
  public static List<SpanAttribution> toSpans(List<Attribution> attributions) {
    List<SpanAttribution> out = new ArrayList<>();
    for (Attribution a : attributions) {
      out.add(new SpanAttribution(a.source(), a.cue(), a.content()));
    }
    return out;
  }

  /** Result of a direct run: the scorer and timings in nanoseconds. */
  public record Result(AttributionScorer scorer, long analyzeNanos, long posNanos, long extractNanos) {
    public double extractToPos() {
      return (double) extractNanos / posNanos;
    }
  }

  public static Result run(List<Article> articles, Map<String, List<SpanAttribution>> gold, int rounds) {
    return run(new TrainedAttributionExtractor(), articles, gold, rounds);
  }

  public static Result run(TrainedAttributionExtractor extractor, List<Article> articles,
      Map<String, List<SpanAttribution>> gold, int rounds) {
    TextAnalyzer analyzer = new TextAnalyzer(2000);
    POSTaggerME tagger = new POSTaggerME(NlpModels.pos(), POSTagFormat.PENN);
    Map<String, String> bodies = new HashMap<>();
    for (Article a : articles) {
      bodies.put(a.id(), a.body());
    }
    AttributionScorer scorer = new AttributionScorer((id, span) -> span.of(bodies.get(id)));
    long analyze = 0;
    long pos = 0;
    long extract = 0;
    for (int round = 0; round < rounds; round++) { // the first rounds warm the JIT up
      boolean last = round == rounds - 1;
      analyze = pos = extract = 0;
      for (Article a : articles) {
        long t0 = System.nanoTime();
        AnalyzedText text = analyzer.analyze(a.body());
        long t1 = System.nanoTime();
        for (Sentence s : text.sentences()) {
          String[] words = text.tokens(s).stream().map(t -> t.text()).toArray(String[]::new);
          tagger.tag(words);
        }
        long t2 = System.nanoTime();
        List<Attribution> found = extractor.extract(text);
        long t3 = System.nanoTime();
        analyze += t1 - t0;
        pos += t2 - t1;
        extract += t3 - t2;
        if (last) {
          scorer.add(a.id(), gold.getOrDefault(a.id(), List.of()), toSpans(found));
        }
      }
    }
    return new Result(scorer, analyze, pos, extract);
  }

  public static void main(String[] args) {
    Map<String, String> opts = EvaluateAttributions.options(args);
    List<Article> articles = PolnearData.readArticles(Path.of(opts.get("articles")));
    int limit = Integer.parseInt(opts.getOrDefault("limit", String.valueOf(articles.size())));
    articles = articles.subList(0, Math.min(limit, articles.size()));
    Map<String, List<SpanAttribution>> gold = PolnearData.readGold(Path.of(opts.get("gold")));
    AttributionModel model;
    if (opts.containsKey("model")) { // a model file other than the shipped one
      try (InputStream in = Files.newInputStream(Path.of(opts.get("model")))) {
        model = AttributionModel.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      model = AttributionModel.shipped();
    }
    if (opts.containsKey("cueBias") || opts.containsKey("contentBias")) {
      model = model.withBiases(Float.parseFloat(opts.getOrDefault("cueBias", String.valueOf(model.cueBias()))),
          Float.parseFloat(opts.getOrDefault("contentBias", String.valueOf(model.contentBias()))));
    }
    TrainedAttributionExtractor extractor = new TrainedAttributionExtractor(model);
    Result r = run(extractor, articles, gold, Integer.parseInt(opts.getOrDefault("rounds", "3")));
    System.out.println(r.scorer().report());
    System.out.printf(Locale.ROOT,
        "timing (last of the warm-up rounds): analyze %.0f ms, OpenNLP POS tagging alone %.0f ms, "
            + "extraction %.0f ms; extraction / POS = %.2f%n",
        r.analyzeNanos() / 1e6, r.posNanos() / 1e6, r.extractNanos() / 1e6, r.extractToPos());
  }
}
