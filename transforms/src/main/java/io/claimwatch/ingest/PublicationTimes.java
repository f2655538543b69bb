package io.claimwatch.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * Reads a date as pages and feeds write it, or null: anything {@link #parse} accepts, offsets
   * without a colon ({@code +0200}), and RFC 822/1123 dates as in RSS {@code pubDate}
   * ({@code Fri, 1 Mar 2024 10:00:00 GMT}, also with {@code EST}-style zone names).
   */
  public static Instant parseLenient(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    try {
      return parse(text);
    } catch (InvalidRecordException e) {
      // not ISO as it is; try the other forms
    }
    Matcher colonless = COLONLESS_OFFSET.matcher(text);
    if (colonless.find()) {
      try {
        return parse(colonless.replaceFirst("$1$2:$3"));
      } catch (InvalidRecordException e) {
        // not ISO with a colonless offset either
      }
    }
    String rfc = text.replaceAll("\\s+", " ");
    int space = rfc.lastIndexOf(' ');
    if (space > 0) {
      String zone = RFC822_ZONES.get(rfc.substring(space + 1).toUpperCase(Locale.ROOT));
      if (zone != null) {
        rfc = rfc.substring(0, space + 1) + zone;
      }
    }
    for (DateTimeFormatter format : RFC822) {
      try {
        return ZonedDateTime.parse(rfc, format).toInstant();
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return null;
  }

  private static final Pattern COLONLESS_OFFSET = Pattern.compile("(\\d{2}(?:\\.\\d+)?)([+-]\\d{2})(\\d{2})$");
  private static final Map<String, String> RFC822_ZONES = Map.ofEntries(
      Map.entry("UT", "GMT"), Map.entry("UTC", "GMT"), Map.entry("Z", "GMT"),
      Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
      Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));
  private static final DateTimeFormatter[] RFC822 = {
      DateTimeFormatter.RFC_1123_DATE_TIME,
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] xx", Locale.ENGLISH),
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH),
  };

  private static boolean hasOffset(String text) {
    int time = text.indexOf('T') >= 0 ? text.indexOf('T') : text.indexOf(' ');
    return time > 0 && (text.indexOf('+', time) > 0 || text.indexOf('-', time) > 0);
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}
