package io.claimwatch.pipeline;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Everything a Claimwatch run can be told. */
public interface ClaimwatchOptions extends PipelineOptions {
  @Description("Articles to read: a file, a directory or a glob of JSON Lines (.jsonl, .json), Avro (.avro), "
      + "WARC (.warc, .warc.gz), HTML (.html, .htm) or RSS/Atom (.rss, .atom, .xml) files, optionally .gz. In a "
      + "directory only such files are read.")
  @Default.String("samples")
  String getInput();

  void setInput(String value);

  @Description("Article files to read instead of --input, each a path or URI (gs://...) of one file, read whatever "
      + "its name, comma-separated. The nightly batch sets it to the arrival files it lists, so the same run works "
      + "on Cloud Storage, whose globs have no {a,b} groups. Unset: read --input.")
  List<String> getInputFiles();

  void setInputFiles(List<String> value);

  @Description("Directory for mentions/, daily/, articles/, avro/, deadletter/, duplicates/ and summary.json. Outputs are "
      + "written to a staging directory and moved into place only when the run succeeds.")
  @Default.String("out")
  String getOutput();

  void setOutput(String value);

  @Description("Host → outlet mapping for articles without an outlet (pages, feeds, WARC files): a JSON object or "
      + "a two-column CSV host,outlet. A host's subdomains map with it; without a mapping the outlet is the host "
      + "without www., m. or amp.")
  String getOutletMap();

  void setOutletMap(String value);

  @Description("Attribution extractor: 'model' (sequence labeller trained on PolNeAR, shipped in the jar) or "
      + "'rules' (pattern rules).")
  @Default.String("model")
  String getExtractor();

  void setExtractor(String value);

  @Description("Groups that records, articles and claims are spread over at each shuffle: the most workers "
      + "that can share a step. Default: one per core on the Direct Runner, where every group is a bundle and a "
      + "group's state is copied each time another bundle reaches it, so few, large ones are fastest; 128 on "
      + "other runners, which hash groups to workers, so that few groups would spread unevenly (16 went 10 to 6 "
      + "over Flink's two workers); raise it for large clusters.")
  @Default.InstanceFactory(ShuffleBucketsFactory.class)
  int getShuffleBuckets();

  void setShuffleBuckets(int value);

  /** {@link #getShuffleBuckets}'s default, which depends on the runner. */
  class ShuffleBucketsFactory implements DefaultValueFactory<Integer> {
    static final int OTHER_RUNNERS = 128;

    @Override
    public Integer create(PipelineOptions options) {
      return options.getRunner().getSimpleName().equals("DirectRunner") ? Runtime.getRuntime().availableProcessors() : OTHER_RUNNERS;
    }
  }

  @Description("Watchlist of known narratives (YAML or JSON: {claims: [{label, pattern}]}); matching mentions "
      + "carry the label and watchlist/ gets a row per label per day. Empty: none.")
  @Default.String("")
  String getWatchlist();

  void setWatchlist(String value);

  @Description("Longest accepted record in bytes; longer lines become dead letters without being held in memory.")
  @Default.Integer(8 * 1024 * 1024)
  int getMaxRecordBytes();

  void setMaxRecordBytes(int value);

  @Description("Longest accepted article body in characters; longer bodies become dead letters.")
  @Default.Integer(1_000_000)
  int getMaxBodyChars();

  void setMaxBodyChars(int value);

  @Description("Longest sentence in characters; longer runs of text without sentence punctuation are cut at "
      + "spaces, bounding tagging time.")
  @Default.Integer(2000)
  int getMaxSentenceChars();

  void setMaxSentenceChars(int value);

  @Description("Earliest plausible publication time (ISO date or instant); earlier articles become dead letters.")
  @Default.String("1990-01-01")
  String getEarliestPublishedAt();

  void setEarliestPublishedAt(String value);

  @Description("Latest plausible publication time, exclusive (ISO date or instant); later articles become dead "
      + "letters. A fixed bound rather than 'now' keeps re-runs identical.")
  @Default.String("2100-01-01")
  String getLatestPublishedAt();

  void setLatestPublishedAt(String value);

  @Description("Days an article may arrive after its publication day (UTC): a file under a directory named by "
      + "its arrival day (YYYY-MM-DD) accepts articles published from that many days before it up to that day; "
      + "others are dead letters (stage 'arrival'). Unset: no check. The nightly batch sets it to its lookback.")
  Integer getMaxLatenessDays();

  void setMaxLatenessDays(Integer value);

  @Description("Groups the daily counts are spread over within each day. Every group of every day becomes a "
      + "bundle on the Direct Runner, so over many days a few groups are fastest; raise it for large clusters.")
  @Default.Integer(2)
  int getAggregationBuckets();

  void setAggregationBuckets(int value);

  @Description("Largest block of claims sharing a MinHash band that is compared pair by pair; larger blocks "
      + "(a too common band) are compared among their first keys only, counted in the metric oversizedBlocks.")
  @Default.Integer(400)
  int getMaxBlockSize();

  void setMaxBlockSize(int value);

  @Description("Share of a claim cluster's members, its representative included, that a claim key must have "
      + "been verified the same claim as to join it, in (0, 1]. 0.5 joins more paraphrases across outlets; 0.67 "
      + "keeps more of a story's different claims apart (a third key must match both of the first two). See "
      + "README, claim identity, for what each measured.")
  @Default.Double(0.5)
  double getClaimClusterSupport();

  void setClaimClusterSupport(double value);

  @Description("Example wordings kept per claim and day, each from a different outlet.")
  @Default.Integer(3)
  int getExamplesPerClaim();

  void setExamplesPerClaim(int value);

  @Description("Claims printed per day at the end of the run.")
  @Default.Integer(5)
  int getTopClaims();

  void setTopClaims(int value);
}
