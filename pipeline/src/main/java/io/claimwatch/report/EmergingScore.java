package io.claimwatch.report;

import java.util.Map;

/**
 * How far a claim's mentions on one day stand above its recent past.
 *
 * <p>For a claim with {@code c} mentions on day {@code d}, the history is the claim's mention counts
 * on the {@value #WINDOW_DAYS} calendar days before {@code d} (a day with no record counts 0), but
 * only days on or after the run's first day: the run knows nothing earlier. With {@code mean} and
 * {@code sd} the mean and population standard deviation of those {@code n} counts,
 *
 * <pre>score = (c − mean) / (sd + 1)</pre>
 *
 * <p>The {@code + 1} keeps a claim with a flat history (sd 0) from scoring infinitely, and damps
 * small counts. A day with no history ({@code n = 0}, the run's first day) has no score. A claim is
 * <em>emerging</em> on a day when {@code c ≥} {@value #MIN_MENTIONS} and {@code score ≥} {@value
 * #THRESHOLD}. Everything here is plain arithmetic on counts: the same outputs give the same scores.
 */
public final class EmergingScore {
  public static final int WINDOW_DAYS = 7;
  public static final long MIN_MENTIONS = 3;
  public static final double THRESHOLD = 2.0;

  private EmergingScore() {}

  /** One scored (claim, day). */
  public record Scored(String claimId, int epochDay, long mentions, double mean, double sd, int historyDays,
      double score) {
    public boolean emerging() {
      return isEmerging(mentions, score);
    }
  }

  /** {@code (today − mean) / (sd + 1)} over {@code history}; NaN when the history is empty. */
  public static double score(long today, long[] history) {
    if (history.length == 0) {
      return Double.NaN;
    }
    return (today - mean(history)) / (sd(history) + 1);
  }

  public static boolean isEmerging(long today, double score) {
    return today >= MIN_MENTIONS && !Double.isNaN(score) && score >= THRESHOLD;
  }

  public static double mean(long[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (long v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Population standard deviation. */
  public static double sd(long[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double mean = mean(values);
    double squares = 0;
    for (long v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / values.length);
  }

  /**
   * The counts on the up to {@value #WINDOW_DAYS} days before {@code day} that are not before
   * {@code firstDay}, oldest first; a day missing from {@code countsByDay} counts 0.
   */
  public static long[] history(Map<Integer, Long> countsByDay, int day, int firstDay) {
    int from = Math.max(firstDay, day - WINDOW_DAYS);
    int n = Math.max(0, day - from);
    long[] history = new long[n];
    for (int i = 0; i < n; i++) {
      history[i] = countsByDay.getOrDefault(from + i, 0L);
    }
    return history;
  }

  /** Scores {@code claimId} on {@code day}. */
  public static Scored scoreDay(String claimId, Map<Integer, Long> countsByDay, int day, int firstDay) {
    long today = countsByDay.getOrDefault(day, 0L);
    long[] history = history(countsByDay, day, firstDay);
    return new Scored(claimId, day, today, mean(history), sd(history), history.length, score(today, history));
  }
}
