package io.claimwatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimwatch.nlp.AnalyzedText;
import io.claimwatch.nlp.ClaimMentionBuilder;
import io.claimwatch.nlp.NlpModels;
import io.claimwatch.nlp.ScraperCleaner;
import io.claimwatch.nlp.TextAnalyzer;
import io.claimwatch.nlp.attribution.Attribution;
import io.claimwatch.nlp.attribution.model.TrainedAttributionExtractor;
import io.claimwatch.nlp.claims.ClaimMatcher;
import io.claimwatch.nlp.claims.ClaimSignature;
import io.claimwatch.nlp.claims.MinHashBands;
import io.claimwatch.nlp.watchlist.Watchlist;
import io.claimwatch.schemas.Article;
import io.claimwatch.schemas.ClaimMention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of the per-article kernels, one article per operation, cycling through a corpus
 * (PolNeAR dev by default, {@code -p articles=FILE} for another JSON Lines file): the yardstick
 * (bare OpenNLP tokenize + POS), cleaning, analysis (sentences, tokens, tags, lemmas), attribution
 * extraction on analysed text, claim keys (mentions from extracted attributions), and claim
 * identity's signatures and band keys. Scores are operations (articles) per second.
 *
 * <pre>scripts/bench.sh --jmh   # or: java -cp the shaded jar org.openjdk.jmh.Main KernelBenchmarks</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KernelBenchmarks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MinHashBands BANDS = new MinHashBands(16, 2);

  @Param({"../shared/data/polnear/dev/articles.jsonl"})
  public String articles;

  private final ScraperCleaner cleaner = new ScraperCleaner();
  private final TextAnalyzer analyzer = new TextAnalyzer(2000);
  private final TrainedAttributionExtractor extractor = new TrainedAttributionExtractor();
  private final ClaimMentionBuilder mentionBuilder = new ClaimMentionBuilder(Watchlist.EMPTY);
  private TokenizerME tokenizer;
  private POSTaggerME tagger;

  private List<Article> corpus;
  private List<AnalyzedText> analyzed;
  private List<List<Attribution>> attributions;
  private List<List<String>> claimKeys;
  private int next;

  @Setup(Level.Trial)
  public void load() throws IOException {
    tokenizer = new TokenizerME(NlpModels.tokens());
    tagger = new POSTaggerME(NlpModels.pos(), POSTagFormat.UD);
    corpus = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(articles))) {
      if (!line.isBlank()) {
        corpus.add(Article.newBuilder().setId("a" + corpus.size()).setOutlet("bench")
            .setPublishedAt("2020-01-01T00:00:00Z").setBody(JSON.readTree(line).get("body").asText()).build());
      }
    }
    analyzed = new ArrayList<>();
    attributions = new ArrayList<>();
    claimKeys = new ArrayList<>();
    for (Article article : corpus) {
      AnalyzedText text = analyzer.analyze(article.getBody());
      List<Attribution> found = extractor.extract(text);
      List<String> keys = new ArrayList<>();
      for (ClaimMention mention : mentionBuilder.build(article, "2020-01-01", text, found).mentions()) {
        if (!mention.getClaimKey().isEmpty()) {
          keys.add(mention.getClaimKey());
        }
      }
      analyzed.add(text);
      attributions.add(found);
      claimKeys.add(keys);
    }
  }

  private int nextArticle() {
    next = (next + 1) % corpus.size();
    return next;
  }

  /** The yardstick of issue 6: OpenNLP's tokenizer and POS tagger over each line of the body. */
  @Benchmark
  public void bareTokenizeAndTag(Blackhole sink) {
    for (String line : corpus.get(nextArticle()).getBody().split("\n")) {
      String[] tokens = tokenizer.tokenize(line);
      if (tokens.length > 0) {
        sink.consume(tagger.tag(tokens));
      }
    }
  }

  @Benchmark
  public Object clean() {
    return cleaner.clean(corpus.get(nextArticle()).getBody());
  }

  @Benchmark
  public AnalyzedText analyze() {
    return analyzer.analyze(corpus.get(nextArticle()).getBody());
  }

  @Benchmark
  public List<Attribution> extractAttributions() {
    return extractor.extract(analyzed.get(nextArticle()));
  }

  @Benchmark
  public ClaimMentionBuilder.Result claimKeys() {
    int i = nextArticle();
    return mentionBuilder.build(corpus.get(i), "2020-01-01", analyzed.get(i), attributions.get(i));
  }

  /** Claim identity's per-mention work (signature, MinHash band keys) and one pair check per mention. */
  @Benchmark
  public void claimSignaturesAndMatches(Blackhole sink) {
    List<String> keys = claimKeys.get(nextArticle());
    for (int k = 0; k < keys.size(); k++) {
      sink.consume(BANDS.bandKeys(ClaimSignature.of(keys.get(k)).terms()));
      if (k > 0) {
        sink.consume(ClaimMatcher.DEFAULT.same(keys.get(k - 1), keys.get(k)));
      }
    }
  }
}
