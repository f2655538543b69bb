package io.claimwatch.pipeline;

import io.claimwatch.ingest.ArrivalWindow;
import io.claimwatch.ingest.ArticleParser;
import io.claimwatch.ingest.Outlets;
import io.claimwatch.ingest.PublicationTimes;
import io.claimwatch.ingest.InvalidRecordException;
import io.claimwatch.nlp.attribution.RuleBasedAttributionExtractor;
import io.claimwatch.nlp.claims.ClaimMatcher;
import io.claimwatch.nlp.attribution.model.TrainedAttributionExtractor;
import io.claimwatch.report.ClaimsReport;
import io.claimwatch.schemas.Article;
import io.claimwatch.schemas.ClaimDailyCount;
import io.claimwatch.schemas.ClaimMention;
import io.claimwatch.schemas.DeadLetter;
import io.claimwatch.schemas.SourceDailyCount;
import io.claimwatch.nlp.watchlist.Watchlist;
import io.claimwatch.transforms.AggregateDailyClaims;
import io.claimwatch.transforms.AggregateDailySources;
import io.claimwatch.transforms.FindSyndicatedCopies;
import io.claimwatch.transforms.MarkSyndication;
import io.claimwatch.transforms.ArticleClaims;
import io.claimwatch.transforms.AssignEventTime;
import io.claimwatch.transforms.CleanArticles;
import io.claimwatch.transforms.ClusterClaims;
import io.claimwatch.transforms.DailyWindows;
import io.claimwatch.transforms.DeadLetters;
import io.claimwatch.transforms.DeduplicateArticles;
import io.claimwatch.transforms.DetectLanguage;
import io.claimwatch.transforms.ExtractAttributions;
import io.claimwatch.transforms.IdentifyClaims;
import io.claimwatch.transforms.ParseArticles;
import io.claimwatch.transforms.ReadArticleRecords;
import io.claimwatch.transforms.ReportSharedUrls;
import io.claimwatch.transforms.SourcedArticle;
import io.claimwatch.transforms.SplitSentences;
import io.claimwatch.transforms.SummarizeRun;
import io.claimwatch.transforms.WriteAvroFiles;
import io.claimwatch.transforms.WriteJsonLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsValidator;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claimwatch: news articles in; claim/source tuples and daily cross-outlet claim counts out.
 *
 * <p>read → parse/validate → deduplicate → clean → sentences → attributions → source and claim
 * identity → event time → daily windows → aggregate → write, with every failure flattened into one
 * dead-letter sink and the run's accounting in {@code summary.json}. A successful run with a local
 * output ends by writing {@code report.html} beside its outputs ({@link ClaimsReport}).
 */
public final class ClaimwatchPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimwatchPipeline.class);

  private ClaimwatchPipeline() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(options(args)) == PipelineResult.State.DONE ? 0 : 1);
  }

  /**
   * Parses and validates command-line options: the runner's needs first (with messages that say
   * what to pass), then Beam's validation of every option interface.
   */
  public static ClaimwatchOptions options(String... args) {
    PipelineOptionsFactory.register(ClaimwatchOptions.class);
    ClaimwatchOptions options = PipelineOptionsFactory.fromArgs(args).as(ClaimwatchOptions.class);
    RunnerChecks.validate(options);
    return PipelineOptionsValidator.validate(ClaimwatchOptions.class, options);
  }

  /**
   * Runs the pipeline and waits for it. A local output is written into a staging directory and
   * published only if the run succeeds; any other output (gs://, s3://...) is written in place,
   * since staged outputs are moved with java.nio, which reaches local files only.
   */
  public static PipelineResult.State run(ClaimwatchOptions options) throws IOException {
    RunnerChecks.validate(options);
    OutputPublisher publisher = OutputPublisher.isLocal(options.getOutput()) ? OutputPublisher.prepare(options.getOutput()) : null;
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, options, publisher == null ? options.getOutput() : publisher.stagingDirectory());
    LOG.info("Reading {} into {}{}",
        options.getInputFiles() == null ? options.getInput() : options.getInputFiles().size() + " listed files",
        options.getOutput(),
        publisher == null ? " (not a local path: written in place, not staged)" : "");
    PipelineResult.State state;
    try {
      PipelineResult result = pipeline.run();
      if (result.getClass().getSimpleName().equals("DataflowTemplateJob")) {
        // --templateLocation: the Dataflow runner wrote a job specification and ran nothing.
        LOG.info("Wrote a Dataflow job template (--templateLocation); nothing ran");
        if (publisher != null) {
          publisher.discard();
        }
        return PipelineResult.State.DONE;
      }
      state = result.waitUntilFinish();
      counterTotals(result).forEach((name, value) -> LOG.info("counter {} = {}", name, value));
    } catch (RuntimeException e) {
      if (publisher != null) {
        publisher.discard();
      }
      throw e;
    }
    if (state != PipelineResult.State.DONE) {
      if (publisher != null) {
        publisher.discard();
        LOG.error("Run ended {}; previous outputs in {} are untouched", state, options.getOutput());
      } else {
        LOG.error("Run ended {}; outputs in {} may be partial", state, options.getOutput());
      }
      return state;
    }
    if (publisher != null) {
      publisher.publish();
    }
    // The report reads and writes with java.nio, which cannot reach a gs:// output: not an error there.
    Path report = OutputPublisher.isLocal(options.getOutput()) ? writeReport(options) : null;
    RunReport.print(options.getOutput(), options.getTopClaims(), System.out);
    if (report != null) {
      System.out.println();
      System.out.println("Report: " + report);
    }
    return state;
  }

  /**
   * Every counter of a finished run (drops, dead letters, matcher work) summed over the steps that
   * report it, by "Namespace.name", so a run's log shows what no output file does. Empty when the
   * runner reports no metrics.
   */
  static SortedMap<String, Long> counterTotals(PipelineResult result) {
    SortedMap<String, Long> totals = new TreeMap<>();
    try {
      for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder().build()).getCounters()) {
        String namespace = counter.getName().getNamespace();
        totals.merge(namespace.substring(namespace.lastIndexOf('.') + 1) + "." + counter.getName().getName(),
            counter.getAttempted(), Long::sum);
      }
    } catch (UnsupportedOperationException e) {
      LOG.info("This runner reports no metrics");
    }
    return totals;
  }

  /**
   * Writes {@code <output>/report.html} from the published outputs. The outputs are complete without
   * it, so a failure is logged, not thrown: {@code scripts/report.sh --input=<output>} rebuilds it.
   */
  static Path writeReport(ClaimwatchOptions options) {
    try {
      return ClaimsReport.write(Path.of(options.getOutput()), options.getTopClaims());
    } catch (IOException | RuntimeException e) {
      LOG.error("Could not write {}/{}; rebuild it with scripts/report.sh --input={}",
          options.getOutput(), ClaimsReport.FILE_NAME, options.getOutput(), e);
      return null;
    }
  }

  /** Builds the whole graph, writing under {@code outputDirectory}. */
  public static void build(Pipeline pipeline, ClaimwatchOptions options, String outputDirectory) {
    ArticleParser parser = new ArticleParser(
        instant(options.getEarliestPublishedAt()), instant(options.getLatestPublishedAt()), options.getMaxBodyChars(),
        Outlets.load(options.getOutletMap()));
    ExtractAttributions.ExtractorFactory extractors = extractorFactory(options.getExtractor());

    PCollectionTuple read = pipeline.apply("ReadArticleRecords", options.getInputFiles() == null
        ? ReadArticleRecords.from(options.getInput(), options.getMaxRecordBytes(), options.getShuffleBuckets())
        : ReadArticleRecords.fromFiles(options.getInputFiles(), options.getMaxRecordBytes(), options.getShuffleBuckets()));
    PCollectionTuple parsed = read.get(ReadArticleRecords.RECORDS).apply("ParseArticles",
        new ParseArticles(parser, options.getMaxLatenessDays() == null ? null : new ArrivalWindow(options.getMaxLatenessDays())));
    PCollectionTuple unique = parsed.get(ParseArticles.ARTICLES).apply("DeduplicateArticles", new DeduplicateArticles(options.getShuffleBuckets()));
    PCollectionTuple languages = unique.get(DeduplicateArticles.UNIQUE).apply("DetectLanguage", new DetectLanguage());
    PCollectionTuple cleaned = languages.get(DetectLanguage.ENGLISH).apply("CleanArticles", new CleanArticles());
    PCollectionTuple analyzed = cleaned.get(CleanArticles.CLEANED)
        .apply("SplitSentences", new SplitSentences(options.getMaxSentenceChars()));
    PCollectionTuple attributed = analyzed.get(SplitSentences.ANALYZED)
        .apply("ExtractAttributions", new ExtractAttributions(extractors));
    PCollectionTuple identified = attributed.get(ExtractAttributions.ATTRIBUTED)
        .apply("IdentifyClaims", new IdentifyClaims(watchlist(options.getWatchlist())));
    PCollectionView<Map<String, String>> syndication = languages.get(DetectLanguage.ENGLISH)
        .apply("FindSyndicatedCopies", new FindSyndicatedCopies(options.getShuffleBuckets()));

    PCollection<ArticleClaims> accepted = PCollectionList
        .of(List.of(identified.get(IdentifyClaims.CLAIMS), languages.get(DetectLanguage.OTHER_LANGUAGE)))
        .apply("AllAcceptedArticles", Flatten.pCollections());
    PCollection<ClaimMention> mentions = accepted
        .apply("MentionsOfArticles", FlatMapElements.into(TypeDescriptor.of(ClaimMention.class))
            .via(ArticleClaims::mentions))
        .setCoder(AvroCoder.of(ClaimMention.class))
        .apply("ClusterClaims", new ClusterClaims(ClaimMatcher.DEFAULT, options.getShuffleBuckets(), options.getMaxBlockSize(),
            options.getClaimClusterSupport()))
        .apply("MarkSyndication", new MarkSyndication(syndication));
    PCollection<ClaimMention> windowed = mentions
        .apply("AssignEventTime", new AssignEventTime())
        .apply("DailyWindows", new DailyWindows<>());
    PCollection<ClaimDailyCount> daily = windowed
        .apply("AggregateDailyClaims", new AggregateDailyClaims(options.getExamplesPerClaim(), options.getAggregationBuckets()))
        .apply("UnwindowDaily", Window.into(new GlobalWindows()));
    PCollection<ClaimDailyCount> watchlistDaily = windowed
        .apply("AggregateDailyLabels", AggregateDailyClaims.perWatchlistLabel(options.getExamplesPerClaim(), options.getAggregationBuckets()))
        .apply("UnwindowLabels", Window.into(new GlobalWindows()));
    PCollection<SourceDailyCount> sourcesDaily = windowed
        .apply("AggregateDailySources", new AggregateDailySources(options.getAggregationBuckets()))
        .apply("UnwindowSources", Window.into(new GlobalWindows()));

    PCollection<DeadLetter> deadLetters = PCollectionList.of(List.of(
            read.get(DeadLetters.TAG), parsed.get(DeadLetters.TAG), languages.get(DeadLetters.TAG), cleaned.get(DeadLetters.TAG),
            analyzed.get(DeadLetters.TAG), attributed.get(DeadLetters.TAG), identified.get(DeadLetters.TAG)))
        .apply("AllDeadLetters", Flatten.pCollections());
    PCollection<DeadLetter> duplicates = unique.get(DeduplicateArticles.DUPLICATES);
    unique.get(DeduplicateArticles.UNIQUE)
        .apply("ReportSharedUrls", new ReportSharedUrls(options.getShuffleBuckets()))
        .apply("WriteSharedUrls", TextIO.write().to(outputDirectory + "/shared-urls/shared-urls").withSuffix(".jsonl"));

    mentions.apply("WriteMentionsJson", new WriteJsonLines<>(outputDirectory + "/mentions", "mentions"));
    mentions.apply("WriteMentionsAvro", new WriteAvroFiles<>(ClaimMention.getClassSchema(), outputDirectory + "/avro/mentions", "mentions"));
    daily.apply("WriteDailyJson", new WriteJsonLines<>(outputDirectory + "/daily", "daily"));
    daily.apply("WriteDailyAvro", new WriteAvroFiles<>(ClaimDailyCount.getClassSchema(), outputDirectory + "/avro/daily", "daily"));
    watchlistDaily.apply("WriteWatchlistJson", new WriteJsonLines<>(outputDirectory + "/watchlist", "watchlist"));
    sourcesDaily.apply("WriteSourcesJson", new WriteJsonLines<>(outputDirectory + "/sources", "sources"));
    // The articles as validated, tagged with their language, whose bodies every mention's offsets point into.
    languages.get(DetectLanguage.TAGGED)
        .apply("ArticlesOfRecords", MapElements.into(TypeDescriptor.of(Article.class)).via(SourcedArticle::article))
        .setCoder(AvroCoder.of(Article.class))
        .apply("WriteArticlesJson", new WriteJsonLines<>(outputDirectory + "/articles", "articles"));
    deadLetters.apply("WriteDeadLetters", new WriteJsonLines<>(outputDirectory + "/deadletter", "deadletter"));
    duplicates.apply("WriteDuplicates", new WriteJsonLines<>(outputDirectory + "/duplicates", "duplicates"));

    PCollectionTuple.of(SummarizeRun.RECORDS, read.get(ReadArticleRecords.RECORDS))
        .and(SummarizeRun.DEAD_LETTERS, deadLetters)
        .and(SummarizeRun.DUPLICATES, duplicates)
        .and(SummarizeRun.ACCEPTED, accepted)
        .and(SummarizeRun.MENTIONS, mentions)
        .apply("SummarizeRun", new SummarizeRun())
        .apply("WriteSummary", TextIO.write().to(outputDirectory + "/summary").withSuffix(".json").withoutSharding());
  }

  static ExtractAttributions.ExtractorFactory extractorFactory(String name) {
    switch (name) {
      case "model":
        return TrainedAttributionExtractor::new;
      case "rules":
        return RuleBasedAttributionExtractor::new;
      default:
        throw new IllegalArgumentException("--extractor must be 'model' or 'rules', not '" + name + "'");
    }
  }

  private static Watchlist watchlist(String path) {
    if (path.isEmpty()) {
      return Watchlist.EMPTY;
    }
    try {
      return Watchlist.load(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read --watchlist " + path, e);
    }
  }

  private static Instant instant(String value) {
    try {
      return PublicationTimes.parse(value);
    } catch (InvalidRecordException e) {
      throw new IllegalArgumentException("not a date or instant: " + value, e);
    }
  }
}
