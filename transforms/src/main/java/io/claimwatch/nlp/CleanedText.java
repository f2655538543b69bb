package io.claimwatch.nlp;

import java.io.Serializable;
import java.util.List;

/**
 * An article body with scraper faults cut out, and the mapping from cleaned offsets back to the
 * original body. All offsets are UTF-16 indices. Immutable.
 */
public final class CleanedText implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String original;
  private final String cleaned;
  private final List<Span> removed;
  /** Start and end of each removed range in the original; both strictly increasing. */
  private final int[] removedStarts;
  private final int[] removedEnds;
  /** The cleaned index where each removed range was cut out; strictly increasing. */
  private final int[] cutPositions;
  /** Chars removed by each range and all ranges before it. */
  private final int[] removedThrough;

  /**
   * @param removed ranges of {@code original} to cut out: sorted, non-empty, inside the body, and
   *     neither overlapping nor touching (touching ranges must be merged into one)
   */
  public CleanedText(String original, List<Span> removed) {
    this.original = original;
    this.removed = List.copyOf(removed);
    int count = this.removed.size();
    removedStarts = new int[count];
    removedEnds = new int[count];
    cutPositions = new int[count];
    removedThrough = new int[count];
    StringBuilder text = new StringBuilder(original.length());
    int previousEnd = -1;
    int removedSoFar = 0;
    for (int i = 0; i < count; i++) {
      Span range = this.removed.get(i);
      if (range.length() == 0 || range.start() <= previousEnd || range.end() > original.length()) {
        throw new IllegalArgumentException("removed ranges must be non-empty, sorted, disjoint and "
            + "inside the body; bad range " + range + " for body length " + original.length());
      }
      text.append(original, Math.max(previousEnd, 0), range.start());
      removedStarts[i] = range.start();
      removedEnds[i] = range.end();
      cutPositions[i] = range.start() - removedSoFar;
      removedSoFar += range.length();
      removedThrough[i] = removedSoFar;
      previousEnd = range.end();
    }
    text.append(original, Math.max(previousEnd, 0), original.length());
    cleaned = text.toString();
  }

  public String original() {
    return original;
  }

  public String cleaned() {
    return cleaned;
  }

  /** Removed ranges in original offsets: sorted, non-empty, disjoint and not touching. */
  public List<Span> removed() {
    return removed;
  }

  /**
   * Maps a cleaned index ({@code 0..cleaned().length()}) to the original. An index at a cut maps
   * to the original position right after the removed range, where the next cleaned char is.
   */
  public int toOriginal(int cleanedIndex) {
    checkCleanedIndex(cleanedIndex);
    return cleanedIndex + removedBefore(countAtMost(cutPositions, cleanedIndex));
  }

  /**
   * Maps an exclusive end index ({@code 0..cleaned().length()}) to the original. An end at a cut
   * maps to the original position right before the removed range, where the previous char ends.
   */
  public int toOriginalEnd(int cleanedEnd) {
    checkCleanedIndex(cleanedEnd);
    return cleanedEnd + removedBefore(countAtMost(cutPositions, cleanedEnd - 1));
  }

  public boolean isRemoved(int originalIndex) {
    int range = countAtMost(removedStarts, originalIndex) - 1;
    return range >= 0 && originalIndex < removedEnds[range];
  }

  /** Whether any char in the original range {@code [originalFrom, originalTo)} was removed. */
  public boolean hasRemovedBetween(int originalFrom, int originalTo) {
    int firstEndingAfterFrom = countAtMost(removedEnds, originalFrom);
    return originalFrom < originalTo
        && firstEndingAfterFrom < removedStarts.length
        && removedStarts[firstEndingAfterFrom] < originalTo;
  }

  private int removedBefore(int rangeCount) {
    return rangeCount == 0 ? 0 : removedThrough[rangeCount - 1];
  }

  private void checkCleanedIndex(int cleanedIndex) {
    if (cleanedIndex < 0 || cleanedIndex > cleaned.length()) {
      throw new IndexOutOfBoundsException(
          "cleaned index " + cleanedIndex + " outside 0.." + cleaned.length());
    }
  }

  /** How many elements of the increasing array are {@code <= value}. */
  private static int countAtMost(int[] increasing, int value) {
    int low = 0;
    int high = increasing.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (increasing[middle] <= value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CleanedText that
        && original.equals(that.original)
        && removed.equals(that.removed);
  }

  @Override
  public int hashCode() {
    return 31 * original.hashCode() + removed.hashCode();
  }
}
