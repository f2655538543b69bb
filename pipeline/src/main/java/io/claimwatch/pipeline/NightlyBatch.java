package io.claimwatch.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimwatch.transforms.ParseArticles;
import io.claimwatch.transforms.ReadArticleRecords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.util.ReleaseInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly batch: reads the arrival days {@code incoming/YYYY-MM-DD/} a night needs, runs the
 * pipeline on them into a work directory, and replaces each publication day's partition
 * ({@code daily/day=YYYY-MM-DD/daily.jsonl}, and the same for mentions, sources, watchlist and
 * articles) with one sorted file, atomically, so re-runs are byte-identical.
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
  private static final Pattern NIGHT_RUN = Pattern.compile("nightly-(\\d{4}-\\d{2}-\\d{2})");
  /** Characters a glob would read as syntax; input files are named one by one in a glob. */
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
      LocalDate arrivalTo, Path incoming, Path output, String gitCommit, List<String> beamArgs) {

    /** Parses the nightly options; every other argument is for the pipeline. */
    static Plan of(String... args) {
      Map<String, String> own = new LinkedHashMap<>();
      List<String> beam = new ArrayList<>();
      for (String arg : args) {
        Matcher m = OWN_OPTION.matcher(arg);
        if (m.matches()) {
          own.put(m.group(1), m.group(2));
        } else if (arg.startsWith("--input=") || arg.startsWith("--maxLatenessDays=")) {
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
          Path.of(own.getOrDefault("incoming", "incoming")).toAbsolutePath().normalize(),
          Path.of(own.getOrDefault("output", "nightly")).toAbsolutePath().normalize(),
          own.get("gitCommit"), List.copyOf(beam));
    }

    List<LocalDate> days() {
      return from.datesUntil(to.plusDays(1)).toList();
    }
  }

  /** An input file, relative to the incoming directory. */
  record Input(String path, long bytes, String sha256) {}

  /** Runs one night or backfill; the exit status: 0 done, 1 failed (outputs untouched), 2 refused. */
  public static int run(String... args) throws IOException {
    Plan plan;
    try {
      plan = Plan.of(args);
    } catch (RuntimeException e) {
      System.err.println("nightly: " + e.getMessage());
      return 2;
    }
    Files.createDirectories(plan.output());
    try (FileChannel lockFile = FileChannel.open(plan.output().resolve(".nightly.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock()) {
      if (lock == null) {
        System.err.println("nightly: another run holds " + plan.output().resolve(".nightly.lock"));
        return 2;
      }
      return runLocked(plan);
    }
  }

  private static int runLocked(Plan plan) throws IOException {
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
      LOG.warn("No arrival directory {}/{}", plan.incoming(), day);
    }
    Path work = plan.output().resolve(WORK);
    Path tmp = plan.output().resolve(TMP);
    OutputPublisher.deleteRecursively(work);
    OutputPublisher.deleteRecursively(tmp);

    List<String> pipelineArgs = new ArrayList<>(plan.beamArgs());
    pipelineArgs.add("--input=" + inputPattern(plan, inputs));
    pipelineArgs.add("--output=" + work);
    pipelineArgs.add("--maxLatenessDays=" + plan.lookback());
    LOG.info("{}: arrival days {}..{} ({} files) → publication days {}..{}", plan.label(), plan.arrivalFrom(),
        plan.arrivalTo(), inputs.size(), plan.from(), plan.to());
    PipelineResult.State state = ClaimwatchPipeline.run(ClaimwatchPipeline.options(pipelineArgs.toArray(String[]::new)));
    if (state != PipelineResult.State.DONE) {
      System.err.println("nightly: the pipeline ended " + state + "; no day was replaced");
      return 1;
    }

    List<String> unread = unread(plan, inputs, work);
    if (!unread.isEmpty()) {
      System.err.println("nightly: the pipeline read no record of " + String.join(", ", unread) + "; no day was replaced");
      return 1;
    }

    // Everything is written beside its target first, so each replacement is one rename.
    Map<String, Map<LocalDate, Partition>> written = new LinkedHashMap<>();
    for (Map.Entry<String, String> table : PARTITIONED.entrySet()) {
      written.put(table.getKey(), stagePartitions(plan, work, tmp, table.getKey(), table.getValue()));
    }
    Path runStaged = tmp.resolve("run");
    Files.createDirectories(runStaged);
    Files.copy(work.resolve("summary.json"), runStaged.resolve("summary.json"));
    List<String> deadLetterLines = readLines(work.resolve("deadletter"));
    int deadLetters = writeSorted(deadLetterLines, runStaged.resolve("deadletter.jsonl")).records();
    writeSorted(readLines(work.resolve("duplicates")), runStaged.resolve("duplicates.jsonl"));
    long tooLate = deadLetterLines.stream()
        .filter(line -> ParseArticles.ARRIVAL_STAGE.equals(field(line, "stage"))).count();

    for (Map.Entry<String, Map<LocalDate, Partition>> table : written.entrySet()) {
      for (Map.Entry<LocalDate, Partition> day : table.getValue().entrySet()) {
        Path target = plan.output().resolve(table.getKey()).resolve("day=" + day.getKey()).resolve(table.getKey() + ".jsonl");
        Files.createDirectories(target.getParent());
        Files.move(day.getValue().file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    ObjectNode manifest = manifest(plan, inputs, missing, written, tooLate, deadLetters, work, started);
    Files.writeString(runStaged.resolve("manifest.json"), JSON.writeValueAsString(manifest) + "\n");
    Path runDir = plan.output().resolve("runs").resolve(plan.label());
    Files.createDirectories(runDir.getParent());
    Path old = tmp.resolve("previous-run");
    if (Files.exists(runDir)) {
      Files.move(runDir, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(runStaged, runDir, StandardCopyOption.ATOMIC_MOVE);
    OutputPublisher.deleteRecursively(tmp);
    OutputPublisher.deleteRecursively(work);

    System.out.printf("%n%s: replaced publication days %s..%s in %s from %d files of arrival days %s..%s%s%n",
        plan.label(), plan.from(), plan.to(), plan.output(), inputs.size(), plan.arrivalFrom(), plan.arrivalTo(),
        missing.isEmpty() ? "" : " (no directory for " + String.join(", ", missing) + ")");
    System.out.printf("  daily records: %d; arrived too late (dead letters, stage arrival): %d%n",
        written.get("daily").values().stream().mapToInt(Partition::records).sum(), tooLate);
    System.out.println("  manifest: " + runDir.resolve("manifest.json"));
    return 0;
  }

  /** A later night already published, or null: re-running an earlier one would roll its days back. */
  private static String laterNight(Plan plan) throws IOException {
    Path runs = plan.output().resolve("runs");
    if (plan.label().startsWith("backfill-") || !Files.isDirectory(runs)) {
      return null;
    }
    try (Stream<Path> list = Files.list(runs)) {
      return list.map(p -> NIGHT_RUN.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> m.group(1))
          .filter(night -> LocalDate.parse(night).isAfter(plan.date()))
          .max(Comparator.naturalOrder())
          .orElse(null);
    }
  }

  /** The article files of the arrival days, in path order, with their checksums. */
  static List<Input> inputs(Plan plan, List<String> missing) throws IOException {
    List<Input> inputs = new ArrayList<>();
    for (LocalDate day : plan.arrivalFrom().datesUntil(plan.arrivalTo().plusDays(1)).toList()) {
      Path dir = plan.incoming().resolve(day.toString());
      if (!Files.isDirectory(dir)) {
        missing.add(day.toString());
        continue;
      }
      List<Path> files;
      try (Stream<Path> list = Files.list(dir)) {
        files = list.filter(Files::isRegularFile)
            .filter(p -> ReadArticleRecords.isArticleFile(p.getFileName().toString()))
            .sorted()
            .toList();
      }
      for (Path file : files) {
        String name = plan.incoming().relativize(file).toString();
        if (GLOB_SYNTAX.matcher(name).find()) {
          throw new IllegalArgumentException("input file name with glob syntax (*?[]{}\\,), rename it: " + file);
        }
        inputs.add(new Input(name, Files.size(file), sha256(file)));
      }
    }
    return inputs;
  }

  /**
   * A glob naming exactly the input files. Beam's local filesystem walks from the part before the first
   * {@code [}, {@code *} or {@code ?} (a {@code {...}} group alone matches nothing), so each
   * alternative starts with its first character as a one-character class.
   */
  static String inputPattern(Plan plan, List<Input> inputs) {
    return plan.incoming() + "/{" + String.join(",", inputs.stream()
        .map(i -> "[" + i.path().charAt(0) + "]" + i.path().substring(1)).toList()) + "}";
  }

  /**
   * Non-empty JSON Lines inputs the pipeline's summary has no record of: a safety net, since a pattern
   * that matched fewer files would otherwise replace days with less than they hold. (Other formats
   * may legitimately hold no article, a WARC file of non-HTML responses for one.)
   */
  private static List<String> unread(Plan plan, List<Input> inputs, Path work) throws IOException {
    JsonNode files = JSON.readTree(work.resolve("summary.json").toFile()).path("files");
    return inputs.stream()
        .filter(i -> i.bytes() > 0 && i.path().matches("(?i).*\\.(jsonl|json|ndjson)(\\.gz)?"))
        .map(Input::path)
        .filter(path -> !files.has(plan.incoming().resolve(path).toString()))
        .toList();
  }

  /** One publication day's sorted file, written beside the outputs. */
  record Partition(Path file, int records, long bytes, String sha256) {}

  /** Writes one sorted file per publication day of the plan (empty for a day without records). */
  private static Map<LocalDate, Partition> stagePartitions(Plan plan, Path work, Path tmp, String table, String dayField)
      throws IOException {
    Map<LocalDate, List<String>> byDay = new TreeMap<>();
    plan.days().forEach(day -> byDay.put(day, new ArrayList<>()));
    for (String line : readLines(work.resolve(table))) {
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
      Path file = tmp.resolve(table).resolve("day=" + day.getKey()).resolve(table + ".jsonl");
      partitions.put(day.getKey(), writeSorted(day.getValue(), file));
    }
    return partitions;
  }

  private static Partition writeSorted(List<String> lines, Path file) throws IOException {
    List<String> sorted = new ArrayList<>(lines);
    sorted.sort(Comparator.naturalOrder());
    StringBuilder text = new StringBuilder();
    sorted.forEach(line -> text.append(line).append('\n'));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return new Partition(file, sorted.size(), bytes.length, hex(digest().digest(bytes)));
  }

  /** The lines of every {@code .jsonl} file of a pipeline output directory (none when it is absent). */
  private static List<String> readLines(Path directory) throws IOException {
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return lines;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path file : files) {
      Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty()).forEach(lines::add);
    }
    return lines;
  }

  private static String field(String line, String name) {
    try {
      return JSON.readTree(line).path(name).asText();
    } catch (IOException e) {
      throw new IllegalStateException("not a JSON record in the pipeline's output: " + line, e);
    }
  }

  private static ObjectNode manifest(Plan plan, List<Input> inputs, List<String> missing,
      Map<String, Map<LocalDate, Partition>> written, long tooLate, int deadLetters, Path work, Instant started)
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
    m.put("incoming", plan.incoming().toString());
    m.put("output", plan.output().toString());
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
    JsonNode summary = JSON.readTree(work.resolve("summary.json").toFile());
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
      return JSON.createObjectNode().put("path", location.toString()).put("bytes", Files.size(location))
          .put("sha256", sha256(location));
    } catch (java.net.URISyntaxException | SecurityException e) {
      return null;
    }
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest = digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
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
