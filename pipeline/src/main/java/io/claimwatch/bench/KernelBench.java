package io.claimwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.ClaimMentionBuilder;
import io.claimwatch.nlp.NlpModels;
import io.claimwatch.nlp.TextAnalyzer;
import io.claimwatch.nlp.attribution.model.TrainedAttributionExtractor;
import io.claimwatch.nlp.watchlist.Watchlist;
import io.claimwatch.schemas.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;

/**
 * Two measurements on the same articles, in one JVM: bare OpenNLP tokenize + POS on one thread (the
 * yardstick), and Claimwatch's per-article work (clean, sentences, tokens, tags, attributions,
 * mentions) in a plain Java loop over all cores. Prints articles/s and MB/s of each.
 *
 * <pre>KernelBench --articles=FILE [--yardstick-only]</pre>
 */
public final class KernelBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KernelBench() {}

  public static void main(String[] args) throws Exception {
    String articles = null;
    boolean yardstickOnly = false;
    for (String arg : args) {
      if (arg.startsWith("--articles=")) {
        articles = arg.substring("--articles=".length());
      } else if (arg.equals("--yardstick-only")) {
        yardstickOnly = true;
      } else {
        throw new IllegalArgumentException("usage: KernelBench --articles=FILE [--yardstick-only]");
      }
    }
    if (articles == null) {
      throw new IllegalArgumentException("usage: KernelBench --articles=FILE [--yardstick-only]");
    }
    List<String> bodies = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(articles))) {
      JsonNode article = JSON.readTree(line);
      bodies.add(article.get("body").asText());
    }
    long chars = bodies.stream().mapToLong(String::length).sum();
    // Warm up both paths (JIT, model loading) on a slice before timing.
    List<String> warmUp = bodies.subList(0, Math.min(50, bodies.size()));
    bareTokenizeAndTag(warmUp);
    long start = System.nanoTime();
    bareTokenizeAndTag(bodies);
    double bareSeconds = (System.nanoTime() - start) / 1e9;
    report("bare OpenNLP tokenize+POS, 1 thread", bodies.size(), chars, bareSeconds, bareSeconds);
    if (yardstickOnly) {
      return;
    }

    kernel(warmUp, 1);
    int threads = Runtime.getRuntime().availableProcessors();
    start = System.nanoTime();
    kernel(bodies, threads);
    double kernelSeconds = (System.nanoTime() - start) / 1e9;

    report("Claimwatch kernel, " + threads + " threads", bodies.size(), chars, kernelSeconds, bareSeconds);
  }

  private static void report(String name, int articles, long chars, double seconds, double bareSeconds) {
    System.out.printf("%-40s %6d articles %7.1f s %8.1f articles/s %6.2f MB/s  %.2fx bare%n", name, articles,
        seconds, articles / seconds, chars * 2 / 1e6 / seconds, bareSeconds / seconds);
  }

  /** What the POS-tagging yardstick costs: OpenNLP's tokenizer and tagger over every body. */
  private static void bareTokenizeAndTag(List<String> bodies) {
    TokenizerME tokenizer = new TokenizerME(NlpModels.tokens());
    POSTaggerME tagger = new POSTaggerME(NlpModels.pos(), POSTagFormat.UD);
    for (String body : bodies) {
      for (String line : body.split("\n")) {
        String[] tokens = tokenizer.tokenize(line);
        if (tokens.length > 0) {
          tagger.tag(tokens);
        }
      }
    }
  }

  private static void kernel(List<String> bodies, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        TextAnalyzer analyzer = new TextAnalyzer(2000);
        TrainedAttributionExtractor extractor = new TrainedAttributionExtractor();
        ClaimMentionBuilder builder = new ClaimMentionBuilder(Watchlist.EMPTY);
        for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
          AnalyzedText text = analyzer.analyze(bodies.get(i));
          Article article = Article.newBuilder().setId("a" + i).setOutlet("o").setPublishedAt("2020-01-01T00:00:00Z")
              .setBody(bodies.get(i)).build();
          builder.build(article, "2020-01-01", text, extractor.extract(text));
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
  }
}
