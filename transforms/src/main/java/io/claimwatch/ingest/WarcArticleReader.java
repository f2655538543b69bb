package io.claimwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads WARC files ({@code .warc}, or {@code .warc.gz} with one gzip member per record as Common
 * Crawl writes them) with jwarc: every {@code response} record whose HTTP payload is HTML
 * (Content-Type {@code text/html} or {@code application/xhtml+xml}; the record's
 * {@code WARC-Identified-Payload-Type} when the HTTP header is missing) and whose status is 2xx
 * becomes one article record, its {@code url} and {@code id} the {@code WARC-Target-URI} and its
 * fetch time (the fallback publication time) the {@code WARC-Date}.
 *
 * <p>Other records (warcinfo, request, metadata, revisit, non-HTML or non-2xx responses) are skipped
 * and counted. A record that cannot be read (a bad WARC or HTTP header, a corrupt or truncated gzip
 * member) becomes one dead letter, and reading goes on at the next record found after it: the next
 * gzip member (or {@code WARC/} line) from which jwarc can read a record. When there is none, or the
 * input cannot be repositioned, the dead letter says the rest of the file was skipped. Records read
 * before a fault are always kept.
 */
public final class WarcArticleReader {
  private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};
  private static final byte[] WARC_MAGIC = "WARC/".getBytes(StandardCharsets.US_ASCII);

  private final int maxPayloadBytes;

  public WarcArticleReader(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Reads all of {@code channel} into {@code sink}; {@code name} (the file) is the id of a page
   * without a target URI. An exception means the file could not be opened as a WARC file at all.
   */
  public void read(ReadableByteChannel channel, String name, RecordSink sink) throws IOException {
    WarcReader reader = new WarcReader(channel);
    SeekableByteChannel seekable = channel instanceof SeekableByteChannel s ? s : null;
    long number = 0;
    while (true) {
      boolean counted = false;
      try {
        Optional<WarcRecord> next = reader.next();
        if (next.isEmpty()) {
          return;
        }
        number++;
        counted = true;
        handle(next.get(), number, name, sink);
      } catch (IOException | RuntimeException e) {
        if (!counted) {
          number++; // the record jwarc could not read
        }
        if (!resume(reader, seekable, number, e, sink)) {
          return;
        }
      }
    }
  }

  /** Reports the fault at the record being read and moves to the next readable record; false when there is none. */
  private static boolean resume(WarcReader reader, SeekableByteChannel seekable, long number, Exception fault,
      RecordSink sink) throws IOException {
    long faultAt = reader.position();
    String reason = describe(fault);
    long next = seekable == null ? -1 : nextRecord(reader, seekable, faultAt + 1);
    if (next < 0) {
      sink.deadLetter(number, "WARC file unreadable from byte " + faultAt + " (record " + number + "): " + reason
          + "; the rest of the file is skipped" + (seekable == null ? " (input not seekable)" : ""), "");
      return false;
    }
    sink.deadLetter(number, "corrupt WARC record at byte " + faultAt + ": " + reason
        + "; reading resumed at byte " + next, "");
    reader.position(next);
    return true;
  }

  /**
   * The first offset at or after {@code from} where a gzip member (or, uncompressed, a {@code WARC/}
   * line) starts from which jwarc reads a record; -1 if there is none.
   */
  private static long nextRecord(WarcReader reader, SeekableByteChannel channel, long from) throws IOException {
    boolean gzip = reader.compression() == WarcCompression.GZIP;
    byte[] magic = gzip ? GZIP_MAGIC : WARC_MAGIC;
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    long offset = from;
    while (true) {
      channel.position(offset);
      buffer.clear();
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // fill the window
      }
      int n = buffer.position();
      if (n < magic.length) {
        return -1;
      }
      byte[] window = buffer.array();
      for (int i = 0; i + magic.length <= n; i++) {
        if (matches(window, i, magic) && (gzip || i == 0 || window[i - 1] == '\n') && readsARecord(reader, offset + i)) {
          return offset + i;
        }
      }
      if (n < buffer.capacity()) {
        return -1;
      }
      offset += n - magic.length + 1;
    }
  }

  private static boolean matches(byte[] window, int at, byte[] magic) {
    for (int j = 0; j < magic.length; j++) {
      if (window[at + j] != magic[j]) {
        return false;
      }
    }
    return true;
  }

  private static boolean readsARecord(WarcReader reader, long offset) {
    try {
      reader.position(offset);
      return reader.next().isPresent();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private void handle(WarcRecord record, long number, String name, RecordSink sink) throws IOException {
    if (!(record instanceof WarcResponse response)) {
      sink.skipped("non-response record");
      return;
    }
    MediaType recordType = response.contentType();
    if (!recordType.type().equalsIgnoreCase("application") || !recordType.subtype().equalsIgnoreCase("http")) {
      sink.skipped("non-HTTP response");
      return;
    }
    HttpResponse http = response.http();
    MediaType payloadType = http.headers().first("Content-Type").map(MediaType::parseLeniently)
        .or(response::identifiedPayloadType).orElse(MediaType.OCTET_STREAM);
    String base = (payloadType.type() + "/" + payloadType.subtype()).toLowerCase(Locale.ROOT);
    if (!HTML_TYPES.contains(base)) {
      sink.skipped("non-HTML response");
      return;
    }
    if (http.status() < 200 || http.status() > 299) {
      sink.skipped("non-2xx HTML response");
      return;
    }
    String target = blankToNull(response.target());
    byte[] payload;
    try (InputStream in = http.bodyDecoded().stream()) {
      payload = in.readNBytes(maxPayloadBytes + 1);
    }
    if (payload.length > maxPayloadBytes) {
      sink.deadLetter(number, "HTML payload over maxRecordBytes=" + maxPayloadBytes, target == null ? "" : target);
      return;
    }
    HtmlArticleExtractor.Page page;
    try {
      page = HtmlArticleExtractor.extract(HtmlArticleExtractor.parse(payload, payloadType.parameters().get("charset"),
          target == null ? "" : target));
    } catch (RuntimeException e) {
      sink.deadLetter(number, "HTML extraction failed: " + describe(e), new String(payload, StandardCharsets.UTF_8));
      return;
    }
    String id = target != null ? target : name + "#" + number;
    sink.record(number, HtmlArticleExtractor.toRecord(page, id, target, fetchTime(response)));
  }

  private static Instant fetchTime(WarcRecord record) {
    try {
      return record.date();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.replaceAll("\\s+", " "));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
