package io.claimwatch.ingest;

/**
 * Where a file reader puts what it reads: article records (the JSON text {@link ArticleParser}
 * validates), dead letters for what cannot be read, and what it skips as not an article.
 */
public interface RecordSink {
  /** One record; {@code number} is its 1-based position in the file (line, item or WARC record). */
  void record(long number, String text);

  /** Something that cannot be read; {@code input} is the original (or a prefix of it), never null. */
  void deadLetter(Long number, String reason, String input);

  /** A record that is not an article (a WARC request, an image): counted under {@code kind}, not read. */
  void skipped(String kind);
}
