package io.claimwatch.transforms;

import io.claimwatch.ingest.ByteLineReader;
import io.claimwatch.ingest.FeedArticleReader;
import io.claimwatch.ingest.HtmlArticleExtractor;
import io.claimwatch.ingest.InvalidRecordException;
import io.claimwatch.ingest.RecordSink;
import io.claimwatch.ingest.WarcArticleReader;
import io.claimwatch.schemas.Article;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads article records from a file, a directory, a glob or a list of files, by extension: JSON Lines (one record per
 * line), Avro files of the Article schema ({@code .avro}), WARC files ({@code .warc}, {@code .warc.gz}:
 * one record per HTML response, see {@link WarcArticleReader}), HTML pages ({@code .html},
 * {@code .htm}: one record per file, see {@link HtmlArticleExtractor}) and RSS/Atom feeds
 * ({@code .rss}, {@code .atom}, {@code .xml}: one record per item, see {@link FeedArticleReader});
 * other {@code .gz} files are decompressed transparently. Pages, feed items and Avro articles become
 * the same JSON record text a JSON Lines line holds, so {@link ParseArticles} validates them all
 * alike. Each line is decoded as strict UTF-8 on its own; undecodable or over-long lines, over-long
 * pages, corrupt WARC records and unreadable files (a truncated gzip, after the records before the
 * cut) become dead letters. WARC records that are not HTML pages are skipped and counted (metrics
 * {@code warcRecordsSkipped*}), not read.
 */
public final class ReadArticleRecords extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<RawRecord> RECORDS = new TupleTag<>("records") {};
  static final String STAGE = "read";

  /** A file, a directory or a glob; null when {@link #files} are read. */
  private final String input;
  private final List<String> files;
  private final int maxRecordBytes;
  private final int buckets;

  private ReadArticleRecords(String input, List<String> files, int maxRecordBytes, int buckets) {
    this.input = input;
    this.files = files;
    this.maxRecordBytes = maxRecordBytes;
    this.buckets = buckets;
  }

  /** Reads {@code input}, spreading its records over {@code buckets} groups for parallel work. */
  public static ReadArticleRecords from(String input, int maxRecordBytes, int buckets) {
    return new ReadArticleRecords(input, null, maxRecordBytes, buckets);
  }

  /**
   * Reads exactly {@code files} (paths or URIs of single files, whatever their names), as
   * {@link #from} reads a glob. Each must exist when the pipeline runs: a missing one fails the run.
   */
  public static ReadArticleRecords fromFiles(List<String> files, int maxRecordBytes, int buckets) {
    return new ReadArticleRecords(null, List.copyOf(files), maxRecordBytes, buckets);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollection<FileIO.ReadableFile> files = matched(begin)
        .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.AUTO));
    PCollectionTuple read = files.apply("ReadRecords",
        ParDo.of(new ReadFileRecordsFn(maxRecordBytes)).withOutputTags(RECORDS, TupleTagList.of(DeadLetters.TAG)));
    // One file is read by one worker; spread its records before the expensive stages.
    PCollection<RawRecord> records = read.get(RECORDS)
        .setCoder(SerializableCoder.of(RawRecord.class))
        .apply("SpreadRecords", Rebatch.into(buckets));
    return PCollectionTuple.of(RECORDS, records)
        .and(DeadLetters.TAG, read.get(DeadLetters.TAG).setCoder(AvroCoder.of(io.claimwatch.schemas.DeadLetter.class)));
  }

  private PCollection<MatchResult.Metadata> matched(PBegin begin) {
    if (files != null) {
      // One match per named file: no glob groups, which Cloud Storage's globs lack.
      return begin
          .apply("ListInputFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
          .apply("MatchInputFiles", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW));
    }
    boolean directory = new File(input).isDirectory() || input.endsWith("/");
    String pattern = directory ? input.replaceAll("/+$", "") + "/*" : input;
    return begin
        .apply("MatchInputFiles", FileIO.match().filepattern(pattern)
            .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW_IF_WILDCARD))
        .apply("KeepArticleFiles", Filter.by(m -> !directory || isArticleFile(m.resourceId().getFilename())));
  }

  /** In a directory, only files that look like article data: README files and the like stay out. */
  public static boolean isArticleFile(String name) {
    if (name == null || name.startsWith(".")) {
      return false;
    }
    return format(name) != null;
  }

  enum Format { JSON_LINES, AVRO, WARC, HTML, FEED }

  /** The format of a file by its extension (after any {@code .gz}); null for what is not article data. */
  static Format format(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz")) {
      lower = lower.substring(0, lower.length() - 3);
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".json") || lower.endsWith(".ndjson")) {
      return Format.JSON_LINES;
    }
    if (lower.endsWith(".avro")) {
      return Format.AVRO;
    }
    if (lower.endsWith(".warc")) {
      return Format.WARC;
    }
    if (lower.endsWith(".html") || lower.endsWith(".htm")) {
      return Format.HTML;
    }
    if (lower.endsWith(".rss") || lower.endsWith(".atom") || lower.endsWith(".xml")) {
      return Format.FEED;
    }
    return null;
  }

  static final class ReadFileRecordsFn extends DoFn<FileIO.ReadableFile, RawRecord> {
    private final Counter files = Metrics.counter(ReadArticleRecords.class, "files");
    private final Counter records = Metrics.counter(ReadArticleRecords.class, "records");
    private final Counter blankLines = Metrics.counter(ReadArticleRecords.class, "blankLinesSkipped");
    private final Counter unreadable = Metrics.counter(ReadArticleRecords.class, "deadLetters");
    private final Counter warcNonResponses = Metrics.counter(ReadArticleRecords.class, "warcRecordsSkippedNotResponse");
    private final Counter warcNonHtml = Metrics.counter(ReadArticleRecords.class, "warcRecordsSkippedNotHtml");
    private final Counter warcNon2xx = Metrics.counter(ReadArticleRecords.class, "warcRecordsSkippedNot2xx");
    private final int maxRecordBytes;

    ReadFileRecordsFn(int maxRecordBytes) {
      this.maxRecordBytes = maxRecordBytes;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String name = file.getMetadata().resourceId().toString();
      files.inc();
      Format format = format(name);
      if (format == Format.WARC) {
        readWarc(file, name, out);
        return;
      }
      long lastLine = 0;
      try (InputStream in = open(file)) {
        if (format == Format.HTML || format == Format.FEED) {
          readDocument(in, format, name, out);
          return;
        }
        if (format == Format.AVRO) {
          try (DataFileStream<Article> avro = new DataFileStream<>(in, new SpecificDatumReader<>(Article.class))) {
            for (Article article : avro) {
              lastLine++;
              records.inc();
              // Avro articles take the same validation path as JSON ones: Avro renders records as JSON.
              out.get(RECORDS).output(new RawRecord(name, lastLine, article.toString()));
            }
          }
          return;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteLineReader lines = new ByteLineReader(in, maxRecordBytes);
        for (ByteLineReader.Line line = lines.next(); line != null; line = lines.next()) {
          lastLine = line.number();
          if (line.truncated()) {
            deadLetter(out, "record has " + line.fullLength() + " bytes, over maxRecordBytes=" + maxRecordBytes,
                name, line.number(), new String(line.bytes(), StandardCharsets.UTF_8));
            continue;
          }
          String text;
          try {
            text = utf8.decode(ByteBuffer.wrap(line.bytes())).toString();
          } catch (CharacterCodingException e) {
            deadLetter(out, "invalid UTF-8", name, line.number(), new String(line.bytes(), StandardCharsets.UTF_8));
            continue;
          }
          if (line.number() == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
          }
          if (text.isBlank()) {
            blankLines.inc();
          } else {
            records.inc();
            out.get(RECORDS).output(new RawRecord(name, line.number(), text));
          }
        }
      } catch (IOException | RuntimeException e) {
        deadLetter(out, "file unreadable after record " + lastLine + ": " + DeadLetters.reason(e), name, null, "");
      }
    }

    /**
     * The file's bytes, decompressed. Gzip is inflated with java.util.zip, whose reads hand over
     * what was inflated before a truncation; Beam's gzip reader fills the whole buffer it is asked
     * for first, so a cut file would lose the records in its last buffer (all of a small file).
     * Like Beam's, it passes a .gz file that is not gzip through as it is. No BufferedInputStream
     * over the inflater: it reads on past a short read and would drop those bytes too.
     */
    private static InputStream open(FileIO.ReadableFile file) throws IOException {
      if (file.getCompression() != Compression.GZIP) {
        return new BufferedInputStream(Channels.newInputStream(file.open()), 1 << 16);
      }
      InputStream raw = new BufferedInputStream(
          Channels.newInputStream(FileSystems.open(file.getMetadata().resourceId())), 1 << 16);
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /** A WARC file, read raw: jwarc reads its gzip members itself, and can resume after a corrupt one. */
    private void readWarc(FileIO.ReadableFile file, String name, MultiOutputReceiver out) {
      long[] read = new long[1];
      RecordSink sink = sink(name, out, read);
      try (ReadableByteChannel channel = FileSystems.open(file.getMetadata().resourceId())) {
        new WarcArticleReader(maxRecordBytes).read(channel, name, sink);
      } catch (IOException | RuntimeException e) {
        deadLetter(out, "file unreadable after record " + read[0] + ": " + DeadLetters.reason(e), name, null, "");
      }
    }

    /** An HTML page (one record) or an RSS/Atom feed (one record per item), up to maxRecordBytes. */
    private void readDocument(InputStream in, Format format, String name, MultiOutputReceiver out) throws IOException {
      byte[] bytes = in.readNBytes(maxRecordBytes + 1);
      if (bytes.length > maxRecordBytes) {
        deadLetter(out, "file has over maxRecordBytes=" + maxRecordBytes + " bytes", name, 1L,
            new String(bytes, 0, Math.min(bytes.length, DeadLetters.MAX_INPUT_CHARS), StandardCharsets.UTF_8));
        return;
      }
      if (format == Format.FEED) {
        try {
          FeedArticleReader.read(bytes, sink(name, out, new long[1]));
        } catch (InvalidRecordException e) {
          deadLetter(out, e.getMessage(), name, null, new String(bytes, StandardCharsets.UTF_8));
        }
        return;
      }
      HtmlArticleExtractor.Page page = HtmlArticleExtractor.extract(HtmlArticleExtractor.parse(bytes, null, ""));
      String id = page.url() != null ? page.url() : name;
      records.inc();
      out.get(RECORDS).output(new RawRecord(name, 1, HtmlArticleExtractor.toRecord(page, id, page.url(), null)));
    }

    private RecordSink sink(String name, MultiOutputReceiver out, long[] lastRecord) {
      return new RecordSink() {
        @Override
        public void record(long number, String text) {
          lastRecord[0] = number;
          records.inc();
          out.get(RECORDS).output(new RawRecord(name, number, text));
        }

        @Override
        public void deadLetter(Long number, String reason, String input) {
          if (number != null) {
            lastRecord[0] = number;
          }
          ReadFileRecordsFn.this.deadLetter(out, reason, name, number, input);
        }

        @Override
        public void skipped(String kind) {
          switch (kind) {
            case "non-HTML response" -> warcNonHtml.inc();
            case "non-2xx HTML response" -> warcNon2xx.inc();
            default -> warcNonResponses.inc();
          }
        }
      };
    }

    private void deadLetter(MultiOutputReceiver out, String reason, String file, Long line, String input) {
      unreadable.inc();
      out.get(DeadLetters.TAG).output(DeadLetters.of(STAGE, reason, file, line, null, input));
    }
  }
}
