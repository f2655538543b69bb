package io.claimwatch.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code publishedAt}: RFC 3339 with {@code Z} or an offset, an ISO local date-time taken as
 * UTC, or a plain {@code YYYY-MM-DD} taken as UTC midnight.
 */
public final class PublicationTimes {
  private PublicationTimes() {}

  public static Instant parse(String value) throws InvalidRecordException {
    String text = value.trim();
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (text.endsWith("Z") || text.endsWith("z") || hasOffset(text)) {
        return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
      }
      return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidRecordException("publishedAt is not an RFC 3339 or ISO date: " + abbreviate(text));
    }
  }

  private static boolean hasOffset(String text) {
    int time = text.indexOf('T') >= 0 ? text.indexOf('T') : text.indexOf(' ');
    return time > 0 && (text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0);
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
