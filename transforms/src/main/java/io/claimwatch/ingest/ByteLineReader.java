package io.claimwatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines on {@code \n} (a trailing {@code \r} is dropped) without decoding,
 * so that each line can be decoded strictly on its own and a bad line never spoils the next. Lines
 * longer than {@code maxLineBytes} are cut there and flagged; the rest of such a line is skipped,
 * keeping memory bounded.
 */
public final class ByteLineReader {
  /** One line: its bytes (at most maxLineBytes), its full length and its 1-based number. */
  public record Line(byte[] bytes, long fullLength, long number) {
    public boolean truncated() {
      return fullLength > bytes.length;
    }
  }

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long lineNumber;
  private boolean eof;

  public ByteLineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or null at the end of the stream. */
  public Line next() throws IOException {
    if (eof && position >= limit) {
      return null;
    }
    byte[] line = new byte[256];
    int kept = 0;
    long length = 0;
    boolean sawAny = false;
    while (true) {
      if (position >= limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          eof = true;
          if (!sawAny) {
            return null;
          }
          break;
        }
      }
      sawAny = true;
      int newline = indexOf(buffer, position, limit);
      int end = newline < 0 ? limit : newline;
      int take = (int) Math.min(end - position, Math.max(0, maxLineBytes - kept));
      if (take > 0) {
        if (kept + take > line.length) {
          line = Arrays.copyOf(line, Math.max(kept + take, Math.min(maxLineBytes, line.length * 2)));
        }
        System.arraycopy(buffer, position, line, kept, take);
        kept += take;
      }
      length += end - position;
      position = newline < 0 ? limit : newline + 1;
      if (newline >= 0) {
        break;
      }
    }
    lineNumber++;
    if (kept > 0 && kept == length && line[kept - 1] == '\r') {
      kept--;
      length--;
    }
    return new Line(Arrays.copyOf(line, kept), length, lineNumber);
  }

  private static int indexOf(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
