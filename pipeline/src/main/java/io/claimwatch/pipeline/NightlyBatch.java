package io.claimwatch.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimwatch.transforms.ParseArticles;
import io.claimwatch.transforms.ReadArticleRecords;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.util.ReleaseInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly batch: reads the arrival days {@code incoming/YYYY-MM-DD/} a night needs, runs the
 * pipeline on them into a work directory, and replaces each publication day's partition
 * ({@code daily/day=YYYY-MM-DD/daily.jsonl}, and the same for mentions, sources, watchlist and
 * articles) with one sorted file, atomically, so re-runs are byte-identical.
 *
 * <p>Where: incoming and output are local paths (a filesystem shared with the workers) or object-store
 * URIs ({@code gs://...}, for Dataflow, whose workers reach only Cloud Storage). Everything the batch
 * itself reads and writes goes through Beam's {@link FileSystems}, and the pipeline is given the
 * input files one by one ({@link ClaimwatchOptions#getInputFiles}), so one code path serves both.
 * A day of a table is one file, replaced by one {@link FileSystems#rename}: locally an atomic move,
 * on Cloud Storage a copy over the old object and a delete of the staged one. An object is replaced
 * whole (a reader gets the old generation or the new one), so there too no reader sees a half-written
 * day and readers keep reading the same path: no pointer object or marker is needed. The run's
 * {@code manifest.json} is published last. Local outputs are locked ({@code .nightly.lock}); an
 * object store has no lock, so the scheduler must run one night at a time (Airflow:
 * {@code max_active_runs=1}).
 *
 * <p>Lateness: with lookback N, an article may arrive at most N days after its publication day (UTC);
 * later arrivals are dead letters (stage {@code arrival}, {@link io.claimwatch.ingest.ArrivalWindow}).
 * So publication day P is made of arrival days P..P+N only, and night D, reading arrival days D-N..D,
 * has every arrival of each publication day D-N..D that exists by then: it replaces exactly those
 * days. Days before D-N were final after night P+N, and are left alone. A backfill FROM..TO reads
 * arrival days FROM..TO+N (none after {@code --date}) and replaces FROM..TO.
 */
public final class NightlyBatch {
  private static final Logger LOG = LoggerFactory.getLogger(NightlyBatch.class);
  /** Outputs partitioned by publication day, each with the field its day comes from. */
  static final Map<String, String> PARTITIONED = partitioned();
  private static final Pattern OWN_OPTION = Pattern.compile("--(date|lookback|incoming|output|backfill|gitCommit)=(.*)");
  /** A published night's manifest (written last, so its night is complete). */
  private static final Pattern NIGHT_RUN = Pattern.compile("/runs/nightly-(\\d{4}-\\d{2}-\\d{2})/manifest\\.json$");
  /**
   * Characters a match would read as glob syntax, and the comma that separates {@code --inputFiles}:
   * each input file is matched by its name.
   */
  private static final Pattern GLOB_SYNTAX = Pattern.compile("[*?\\[\\]{}\\\\,]");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String WORK = ".nightly-work";
  private static final String TMP = ".nightly-tmp";

  private NightlyBatch() {}

  private static Map<String, String> partitioned() {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("daily", "day");
    tables.put("mentions", "day");
    tables.put("sources", "day");
    tables.put("watchlist", "day");
    tables.put("articles", "publishedAt");
    return tables;
  }

  public static void main(String[] args) throws IOException {
    System.exit(run(args));
  }

  /** What one run reads and replaces. */
  record Plan(String label, LocalDate date, int lookback, LocalDate from, LocalDate to, LocalDate arrivalFrom,
      LocalDate arrivalTo, String incoming, String output, String gitCommit, List<String> beamArgs) {

    /** Parses the nightly options; every other argument is for the pipeline. */
    static Plan of(String... args) {
      Map<String, String> own = new LinkedHashMap<>();
      List<String> beam = new ArrayList<>();
      for (String arg : args) {
        Matcher m = OWN_OPTION.matcher(arg);
        if (m.matches()) {
          own.put(m.group(1), m.group(2));
        } else if (arg.startsWith("--input=") || arg.startsWith("--inputFiles=") || arg.startsWith("--maxLatenessDays=")) {
          throw new IllegalArgumentException(arg + ": the nightly batch sets it (use --incoming and --lookback)");
        } else {
          beam.add(arg);
        }
      }
      LocalDate date = own.containsKey("date")
          ? LocalDate.parse(own.get("date")) : LocalDate.now(ZoneOffset.UTC).minusDays(1);
      int lookback = Integer.parseInt(own.getOrDefault("lookback", "3"));
      if (lookback < 0) {
        throw new IllegalArgumentException("--lookback must be 0 or more");
      }
      LocalDate from = date.minusDays(lookback);
      LocalDate to = date;
      String label = "nightly-" + date;
      if (own.containsKey("backfill")) {
        String[] range = own.get("backfill").split("\\.\\.", -1);
        if (range.length != 2) {
          throw new IllegalArgumentException("--backfill=FROM..TO, e.g. --backfill=2026-01-01..2026-01-31");
        }
        from = LocalDate.parse(range[0]);
        to = LocalDate.parse(range[1]);
        if (from.isAfter(to) || to.isAfter(date)) {
          throw new IllegalArgumentException("--backfill needs FROM <= TO <= --date (" + date + ", the last complete arrival day)");
        }
        label = "backfill-" + from + ".." + to;
      }
      // Arrival days after --date are not read: they may still be arriving.
      LocalDate arrivalTo = to.plusDays(lookback).isAfter(date) ? date : to.plusDays(lookback);
      return new Plan(label, date, lookback, from, to, from, arrivalTo,
          location(own.getOrDefault("incoming", "incoming")), location(own.getOrDefault("output", "nightly")),
          own.get("gitCommit"), List.copyOf(beam));
    }

    /** A local path made absolute, or a URI (gs://...) without trailing slashes. */
    private static String location(String value) {
      return OutputPublisher.isLocal(value)
          ? OutputPublisher.localPath(value).toAbsolutePath().normalize().toString() : value.replaceAll("/+$", "");
    }

    List<LocalDate> days() {
      return from.datesUntil(to.plusDays(1)).toList();
    }
  }

  /** An input file: its path relative to the incoming directory, and its full path or URI. */
  record Input(String path, String uri, long bytes, String sha256) {}

  /** Runs one night or backfill; the exit status: 0 done, 1 failed (outputs untouched), 2 refused. */
  public static int run(String... args) throws IOException {
    Plan plan;
    try {
      plan = Plan.of(args);
      // The filesystems of the run's options (gs:// with its credentials), for listing and publishing.
      PipelineOptionsFactory.register(ClaimwatchOptions.class);
      FileSystems.setDefaultPipelineOptions(
          PipelineOptionsFactory.fromArgs(plan.beamArgs().toArray(String[]::new)).create());
    } catch (RuntimeException e) {
      System.err.println("nightly: " + e.getMessage());
      return 2;
    }
    if (!OutputPublisher.isLocal(plan.output())) {
      LOG.info("{} is not a local path: no lock file, so the scheduler must run one night at a time "
          + "(Airflow: max_active_runs=1)", plan.output());
      return runNight(plan);
    }
    Path output = Path.of(plan.output());
    Files.createDirectories(output);
    try (FileChannel lockFile = FileChannel.open(output.resolve(".nightly.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock()) {
      if (lock == null) {
        System.err.println("nightly: another run holds " + output.resolve(".nightly.lock"));
        return 2;
      }
      return runNight(plan);
    }
  }

  private static int runNight(Plan plan) throws IOException {
    String later = laterNight(plan);
    if (later != null) {
      System.err.printf("nightly: night %s was already published; re-running %s would drop its arrivals from days "
          + "%s..%s. Use --backfill=%s..%s to recompute them from all arrivals.%n",
          later, plan.date(), plan.from().plusDays(1), plan.to(), plan.from(), plan.to());
      return 2;
    }
    Instant started = Instant.now();
    List<String> missing = new ArrayList<>();
    List<Input> inputs = inputs(plan, missing);
    if (inputs.isEmpty()) {
      System.err.printf("nightly: no input in %s for arrival days %s..%s; nothing replaced%n",
          plan.incoming(), plan.arrivalFrom(), plan.arrivalTo());
      return 1;
    }
    for (String day : missing) {
      LOG.warn("No arrival file in {}/{}", plan.incoming(), day);
    }
    String work = child(plan.output(), WORK);
    String tmp = child(plan.output(), TMP);
    deleteTree(work);
    deleteTree(tmp);

    LOG.info("{}: arrival days {}..{} ({} files) → publication days {}..{}", plan.label(), plan.arrivalFrom(),
        plan.arrivalTo(), inputs.size(), plan.from(), plan.to());
    PipelineResult.State state = ClaimwatchPipeline.run(pipelineOptions(plan, inputs));
    if (state != PipelineResult.State.DONE) {
      System.err.println("nightly: the pipeline ended " + state + "; no day was replaced");
      return 1;
    }

    List<String> unread = unread(inputs, work);
    if (!unread.isEmpty()) {
      System.err.println("nightly: the pipeline read no record of " + String.join(", ", unread) + "; no day was replaced");
      return 1;
    }

    // Everything is written beside its target first, so each replacement is one rename.
    Map<String, Map<LocalDate, Partition>> written = new LinkedHashMap<>();
    for (Map.Entry<String, String> table : PARTITIONED.entrySet()) {
      written.put(table.getKey(), stagePartitions(plan, work, tmp, table.getKey(), table.getValue()));
    }
    String runStaged = child(tmp, "run");
    FileSystems.copy(List.of(resource(child(work, "summary.json"))), List.of(resource(child(runStaged, "summary.json"))));
    List<String> deadLetterLines = readLines(child(work, "deadletter"));
    int deadLetters = writeSorted(deadLetterLines, child(runStaged, "deadletter.jsonl")).records();
    writeSorted(readLines(child(work, "duplicates")), child(runStaged, "duplicates.jsonl"));
    long tooLate = deadLetterLines.stream()
        .filter(line -> ParseArticles.ARRIVAL_STAGE.equals(field(line, "stage"))).count();

    List<ResourceId> staged = new ArrayList<>();
    List<ResourceId> targets = new ArrayList<>();
    for (Map.Entry<String, Map<LocalDate, Partition>> table : written.entrySet()) {
      for (Map.Entry<LocalDate, Partition> day : table.getValue().entrySet()) {
        staged.add(resource(day.getValue().file()));
        targets.add(resource(partitionFile(plan.output(), table.getKey(), day.getKey())));
      }
    }
    FileSystems.rename(staged, targets);
    ObjectNode manifest = manifest(plan, inputs, missing, written, tooLate, deadLetters, work, started);
    writeBytes((JSON.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8), child(runStaged, "manifest.json"));
    // The manifest last: a run directory with one is complete, and laterNight() counts only those.
    String runDir = child(child(plan.output(), "runs"), plan.label());
    for (String file : List.of("summary.json", "deadletter.jsonl", "duplicates.jsonl", "manifest.json")) {
      FileSystems.rename(List.of(resource(child(runStaged, file))), List.of(resource(child(runDir, file))));
    }
    deleteTree(tmp);
    deleteTree(work);

    System.out.printf("%n%s: replaced publication days %s..%s in %s from %d files of arrival days %s..%s%s%n",
        plan.label(), plan.from(), plan.to(), plan.output(), inputs.size(), plan.arrivalFrom(), plan.arrivalTo(),
        missing.isEmpty() ? "" : " (no file for " + String.join(", ", missing) + ")");
    System.out.printf("  daily records: %d; arrived too late (dead letters, stage arrival): %d%n",
        written.get("daily").values().stream().mapToInt(Partition::records).sum(), tooLate);
    System.out.println("  manifest: " + child(runDir, "manifest.json"));
    return 0;
  }

  /**
   * The pipeline's options for a run: the given ones, the input files one by one, the work directory
   * as output and the lookback as the arrival window.
   */
  static ClaimwatchOptions pipelineOptions(Plan plan, List<Input> inputs) {
    List<String> args = new ArrayList<>(plan.beamArgs());
    args.add("--inputFiles=" + String.join(",", inputs.stream().map(Input::uri).toList()));
    args.add("--output=" + child(plan.output(), WORK));
    args.add("--maxLatenessDays=" + plan.lookback());
    return ClaimwatchPipeline.options(args.toArray(String[]::new));
  }

  /** A later night already published, or null: re-running an earlier one would roll its days back. */
  private static String laterNight(Plan plan) throws IOException {
    if (plan.label().startsWith("backfill-")) {
      return null;
    }
    return FileSystems.match(child(plan.output(), "runs/nightly-*/manifest.json"), EmptyMatchTreatment.ALLOW)
        .metadata().stream()
        .map(m -> NIGHT_RUN.matcher(m.resourceId().toString()))
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .filter(night -> LocalDate.parse(night).isAfter(plan.date()))
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /**
   * The article files of the arrival days, in path order, with their checksums. An arrival day without
   * any file is missing (an object store has no empty directories).
   */
  static List<Input> inputs(Plan plan, List<String> missing) throws IOException {
    List<Input> inputs = new ArrayList<>();
    for (LocalDate day : plan.arrivalFrom().datesUntil(plan.arrivalTo().plusDays(1)).toList()) {
      MatchResult match = FileSystems.match(child(plan.incoming(), day + "/*"), EmptyMatchTreatment.ALLOW);
      if (match.metadata().isEmpty()) {
        missing.add(day.toString());
        continue;
      }
      List<MatchResult.Metadata> files = match.metadata().stream()
          .filter(m -> ReadArticleRecords.isArticleFile(m.resourceId().getFilename()))
          .sorted(Comparator.comparing(m -> m.resourceId().getFilename()))
          .toList();
      for (MatchResult.Metadata file : files) {
        String uri = file.resourceId().toString();
        if (GLOB_SYNTAX.matcher(uri).find()) {
          throw new IllegalArgumentException("input path with glob syntax or a comma (*?[]{}\\,), rename it: " + uri);
        }
        String sha256;
        try (InputStream in = open(file.resourceId())) {
          sha256 = sha256(in);
        }
        inputs.add(new Input(day + "/" + file.resourceId().getFilename(), uri, file.sizeBytes(), sha256));
      }
    }
    return inputs;
  }

  /**
   * Non-empty JSON Lines inputs the pipeline's summary has no record of: a safety net, since a run
   * that read fewer files would otherwise replace days with less than they hold. (Other formats may
   * legitimately hold no article, a WARC file of non-HTML responses for one.)
   */
  private static List<String> unread(List<Input> inputs, String work) throws IOException {
    JsonNode files = readJson(child(work, "summary.json")).path("files");
    return inputs.stream()
        .filter(i -> i.bytes() > 0 && i.path().matches("(?i).*\\.(jsonl|json|ndjson)(\\.gz)?"))
        .filter(i -> !files.has(i.uri()))
        .map(Input::path)
        .toList();
  }

  /** One publication day's sorted file, written beside the outputs. */
  record Partition(String file, int records, long bytes, String sha256) {}

  private static String partitionFile(String root, String table, LocalDate day) {
    return child(root, table + "/day=" + day + "/" + table + ".jsonl");
  }

  /** Writes one sorted file per publication day of the plan (empty for a day without records). */
  private static Map<LocalDate, Partition> stagePartitions(Plan plan, String work, String tmp, String table,
      String dayField) throws IOException {
    Map<LocalDate, List<String>> byDay = new TreeMap<>();
    plan.days().forEach(day -> byDay.put(day, new ArrayList<>()));
    for (String line : readLines(child(work, table))) {
      String value = field(line, dayField);
      LocalDate day = LocalDate.parse(value.substring(0, 10));
      List<String> lines = byDay.get(day);
      // Days outside the plan were final before this run and are left as they are.
      if (lines != null) {
        lines.add(line);
      }
    }
    Map<LocalDate, Partition> partitions = new TreeMap<>();
    for (Map.Entry<LocalDate, List<String>> day : byDay.entrySet()) {
      partitions.put(day.getKey(), writeSorted(day.getValue(), partitionFile(tmp, table, day.getKey())));
    }
    return partitions;
  }

  private static Partition writeSorted(List<String> lines, String file) throws IOException {
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort(Comparator.naturalOrder());
    StringBuilder text = new StringBuilder();
    sorted.forEach(line -> text.append(line).append('\n'));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    writeBytes(bytes, file);
    return new Partition(file, sorted.size(), bytes.length, hex(digest().digest(bytes)));
  }

  private static void writeBytes(byte[] bytes, String file) throws IOException {
    try (WritableByteChannel out = FileSystems.create(resource(file), MimeTypes.TEXT)) {
      out.write(ByteBuffer.wrap(bytes));
    }
  }

  /** The lines of every {@code .jsonl} file of a pipeline output directory (none when it is absent). */
  private static List<String> readLines(String directory) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    FileSystems.match(child(directory, "*.jsonl"), EmptyMatchTreatment.ALLOW).metadata()
        .forEach(m -> files.add(m.resourceId()));
    files.sort(Comparator.comparing(ResourceId::toString));
    List<String> lines = new ArrayList<>();
    for (ResourceId file : files) {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
        reader.lines().filter(l -> !l.isEmpty()).forEach(lines::add);
      }
    }
    return lines;
  }

  private static JsonNode readJson(String file) throws IOException {
    try (InputStream in = open(resource(file))) {
      return JSON.readTree(in);
    }
  }

  private static InputStream open(ResourceId file) throws IOException {
    return Channels.newInputStream(FileSystems.open(file));
  }

  private static ResourceId resource(String file) {
    return FileSystems.matchNewResource(file, false);
  }

  /** {@code name} (which may hold slashes) under a directory path or URI. */
  private static String child(String directory, String name) {
    return directory + "/" + name;
  }

  /**
   * Deletes a work area: a directory tree on a local disk; on an object store, which has no
   * directories, every object under the prefix.
   */
  private static void deleteTree(String directory) throws IOException {
    if (OutputPublisher.isLocal(directory)) {
      OutputPublisher.deleteRecursively(Path.of(directory));
      return;
    }
    List<ResourceId> objects = new ArrayList<>();
    FileSystems.match(child(directory, "**"), EmptyMatchTreatment.ALLOW).metadata()
        .forEach(m -> objects.add(m.resourceId()));
    FileSystems.delete(objects, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  private static String field(String line, String name) {
    try {
      return JSON.readTree(line).path(name).asText();
    } catch (IOException e) {
      throw new IllegalStateException("not a JSON record in the pipeline's output: " + line, e);
    }
  }

  private static ObjectNode manifest(Plan plan, List<Input> inputs, List<String> missing,
      Map<String, Map<LocalDate, Partition>> written, long tooLate, int deadLetters, String work, Instant started)
      throws IOException {
    ObjectNode m = JSON.createObjectNode();
    m.put("run", plan.label());
    m.put("date", plan.date().toString());
    m.put("lookback", plan.lookback());
    ObjectNode days = m.putObject("publicationDays");
    days.put("from", plan.from().toString());
    days.put("to", plan.to().toString());
    ObjectNode arrivals = m.putObject("arrivalDays");
    arrivals.put("from", plan.arrivalFrom().toString());
    arrivals.put("to", plan.arrivalTo().toString());
    missing.forEach(arrivals.putArray("missing")::add);
    m.put("incoming", plan.incoming());
    m.put("output", plan.output());
    ArrayNode in = m.putArray("inputs");
    for (Input input : inputs) {
      in.addObject().put("path", input.path()).put("bytes", input.bytes()).put("sha256", input.sha256());
    }
    plan.beamArgs().forEach(m.putArray("options")::add);
    ObjectNode versions = m.putObject("versions");
    versions.put("git", plan.gitCommit());
    versions.put("beam", ReleaseInfo.getReleaseInfo().getSdkVersion());
    versions.put("java", System.getProperty("java.version"));
    versions.set("jar", jar());
    JsonNode summary = readJson(child(work, "summary.json"));
    ObjectNode records = m.putObject("records");
    for (String field : List.of("read", "accepted", "duplicates", "deadLettered", "mentions")) {
      records.set(field, summary.path(field));
    }
    records.put("arrivedTooLate", tooLate);
    records.put("deadLetterLines", deadLetters);
    ObjectNode outputs = m.putObject("outputs");
    for (Map.Entry<String, Map<LocalDate, Partition>> table : written.entrySet()) {
      ObjectNode perDay = outputs.putObject(table.getKey());
      for (Map.Entry<LocalDate, Partition> day : table.getValue().entrySet()) {
        perDay.putObject(day.getKey().toString())
            .put("records", day.getValue().records())
            .put("bytes", day.getValue().bytes())
            .put("sha256", day.getValue().sha256());
      }
    }
    // The only fields that differ between two runs on the same inputs.
    Instant finished = Instant.now();
    ObjectNode timing = m.putObject("timing");
    timing.put("startedAt", started.toString());
    timing.put("finishedAt", finished.toString());
    timing.put("seconds", Duration.between(started, finished).toMillis() / 1000.0);
    return m;
  }

  /** The jar this class was loaded from (path, size, checksum), or null when run from classes. */
  private static ObjectNode jar() throws IOException {
    try {
      Path location = Path.of(NightlyBatch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(location)) {
        return null;
      }
      try (InputStream in = Files.newInputStream(location)) {
        return JSON.createObjectNode().put("path", location.toString()).put("bytes", Files.size(location))
            .put("sha256", sha256(in));
      }
    } catch (java.net.URISyntaxException | SecurityException e) {
      return null;
    }
  }

  private static String sha256(InputStream in) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[1 << 16];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return hex(digest.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
