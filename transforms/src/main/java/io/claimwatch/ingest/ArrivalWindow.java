package io.claimwatch.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * How late an article may arrive: a file under a directory named by its arrival day
 * ({@code incoming/YYYY-MM-DD/...}, UTC) holds only articles published (UTC day) from
 * {@code maxLatenessDays} days before that day up to that day. The nightly batch relies on it: a
 * publication day P is then computed from arrival days P to P + maxLatenessDays only, so a night can
 * recompute P from all arrivals that may hold it.
 */
public final class ArrivalWindow implements Serializable {
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final int maxLatenessDays;

  public ArrivalWindow(int maxLatenessDays) {
    if (maxLatenessDays < 0) {
      throw new IllegalArgumentException("maxLatenessDays must be 0 or more, not " + maxLatenessDays);
    }
    this.maxLatenessDays = maxLatenessDays;
  }

  /** The arrival day named by the file's directory, or null when the directory is not a date. */
  public static LocalDate arrivalDay(String file) {
    if (file == null) {
      return null;
    }
    String[] parts = file.split("[/\\\\]");
    if (parts.length < 2 || !DAY.matcher(parts[parts.length - 2]).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(parts[parts.length - 2]);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Why an article published at {@code publishedAt} may not come from {@code file}, or null when it may
   * (also when the file is not under an arrival-day directory).
   */
  public String violation(String file, Instant publishedAt) {
    LocalDate arrival = arrivalDay(file);
    if (arrival == null) {
      return null;
    }
    LocalDate published = LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
    long lateness = ChronoUnit.DAYS.between(published, arrival);
    if (lateness > maxLatenessDays) {
      return "arrived " + arrival + ", " + lateness + " days after its publication day " + published
          + ": later than the " + maxLatenessDays + " days of lateness a publication day is recomputed for";
    }
    if (lateness < 0) {
      return "published " + published + ", after its arrival day " + arrival;
    }
    return null;
  }
}
