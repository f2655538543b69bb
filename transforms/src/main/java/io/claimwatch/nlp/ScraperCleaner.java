package io.claimwatch.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cuts scraper faults out of a news body, keeping offsets into the original:
 *
 * <ul>
 *   <li>doubled words, "ready to to conclude" → "ready to conclude";
 *   <li>repeated phrases of up to {@value #MAX_PHRASE_WORDS} words, "officials with a officials
 *       with a good" → "officials with a good";
 *   <li>glued doubles, "AddendumAddendum" → "Addendum".
 * </ul>
 *
 * <p>Words compare case-insensitively and only repeat within a run of words separated by spaces
 * or tabs: punctuation or a line break between two copies means they are not a scraper fault. The
 * second copy goes, together with the whitespace before it. Runs in linear time. Stateless and
 * thread-safe.
 */
public final class ScraperCleaner {
  /** Longest phrase, in words, whose immediate repetition is cut. */
  private static final int MAX_PHRASE_WORDS = 12;

  /**
   * Shortest half of a glued double. Only capitalized halves count: lower-case words like
   * "murmur" or "couscous" are real, and short capitalized ones are often names ("TomTom").
   */
  private static final int MIN_GLUED_HALF = 4;

  /**
   * Words whose doubling is legitimate, so "X X" stays: grammatical ("he had had enough", "he said
   * that that was fine", "what it is is", "they do do that"), emphatic or idiomatic ("very very",
   * "so so", "no no", "bye bye", "ha ha", "there there", ...) and reduplicated names ("Walla
   * Walla", "Bora Bora", "mahi mahi"). Lower case; package-private for the tests.
   */
  static final Set<String> LEGITIMATE_DOUBLES = Set.of(
      "had", "that", "is", "do",
      "very", "really", "so", "no", "yes", "bye", "ha", "far", "many", "now", "there", "tut",
      "chop",
      "walla", "bora", "pago", "baden", "sing", "mahi");

  public ScraperCleaner() {}

  public CleanedText clean(String body) {
    List<Span> removed = new ArrayList<>();
    Map<String, Integer> wordIds = new HashMap<>();
    List<Word> run = new ArrayList<>();
    int at = 0;
    while (at < body.length()) {
      int codePoint = body.codePointAt(at);
      if (isWordChar(codePoint)) {
        int end = wordEnd(body, at);
        run.add(readWord(body, at, end, wordIds, removed));
        cutRepeatedTail(run, removed);
        at = end;
      } else {
        if (!isSpaceOrTab(codePoint)) {
          run.clear();
        }
        at += Character.charCount(codePoint);
      }
    }
    return new CleanedText(body, removed);
  }

  /**
   * A word of the body. {@code keptEnd} is {@code end} unless the word is a glued double, whose
   * second half is cut; {@code id} identifies the kept text case-insensitively.
   */
  private record Word(int keptEnd, int end, int id, boolean hasLetter, boolean mayDouble) {}

  private static Word readWord(
      String body, int start, int end, Map<String, Integer> wordIds, List<Span> removed) {
    int keptEnd = gluedHalfEnd(body, start, end);
    if (keptEnd < end) {
      addRemoved(removed, new Span(keptEnd, end));
    }
    String key = body.substring(start, keptEnd).replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    int id = wordIds.computeIfAbsent(key, k -> wordIds.size());
    return new Word(keptEnd, end, id, hasLetter(key), !LEGITIMATE_DOUBLES.contains(key));
  }

  private static boolean hasLetter(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.codePointAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** End of the first half if the word is a capitalized all-letter half typed twice, else end. */
  private static int gluedHalfEnd(String body, int start, int end) {
    int halfLength = (end - start) / 2;
    int middle = start + halfLength;
    boolean glued = (end - start) % 2 == 0
        && halfLength >= MIN_GLUED_HALF
        && Character.isUpperCase(body.codePointAt(start))
        && body.regionMatches(start, body, middle, halfLength)
        && body.substring(start, middle).codePoints().allMatch(Character::isLetter);
    return glued ? middle : end;
  }

  /**
   * If the run now ends with a word or phrase typed twice, cuts the second copy (the longest
   * such phrase wins). Triples collapse one copy at a time as each copy arrives.
   */
  private static void cutRepeatedTail(List<Word> run, List<Span> removed) {
    int size = run.size();
    for (int words = Math.min(MAX_PHRASE_WORDS, size / 2); words >= 1; words--) {
      if (endsWithRepeat(run, words)) {
        addRemoved(removed, new Span(run.get(size - words - 1).keptEnd(), run.get(size - 1).end()));
        run.subList(size - words, size).clear();
        return;
      }
    }
  }

  private static boolean endsWithRepeat(List<Word> run, int words) {
    int secondCopy = run.size() - words;
    int firstCopy = secondCopy - words;
    for (int i = 0; i < words; i++) {
      if (run.get(firstCopy + i).id() != run.get(secondCopy + i).id()) {
        return false;
      }
    }
    Word first = run.get(firstCopy);
    if (words == 1) {
      // Numbers repeat legitimately ("scores of 10 10 and 9"), as do the whitelisted words.
      return first.hasLetter() && first.mayDouble();
    }
    // A phrase of one repeated word ("ha ha ha ha") is the single-word case, already decided.
    boolean oneRepeatedWord = true;
    boolean hasLetter = false;
    for (int i = firstCopy; i < secondCopy; i++) {
      oneRepeatedWord &= run.get(i).id() == first.id();
      hasLetter |= run.get(i).hasLetter();
    }
    return !oneRepeatedWord && hasLetter;
  }

  /**
   * Adds a range, merging it with the ranges it overlaps or touches so the list stays sorted and
   * disjoint. Ranges arrive in order of their ends (each ends at the word just read), so only the
   * last ranges can overlap a new one; one cut phrase may swallow several earlier cuts.
   */
  private static void addRemoved(List<Span> removed, Span range) {
    int start = range.start();
    while (!removed.isEmpty() && removed.get(removed.size() - 1).end() >= start) {
      start = Math.min(start, removed.remove(removed.size() - 1).start());
    }
    removed.add(start == range.start() ? range : new Span(start, range.end()));
  }

  /** Letters, digits and combining marks, including those of non-BMP scripts. */
  private static boolean isWordChar(int codePoint) {
    return Character.isLetterOrDigit(codePoint)
        || Character.getType(codePoint) == Character.NON_SPACING_MARK
        || Character.getType(codePoint) == Character.COMBINING_SPACING_MARK;
  }

  /** Apostrophes and hyphens between word chars stay inside a word: "NYT's", "front-line". */
  private static boolean isJoiner(int codePoint) {
    return codePoint == '\'' || codePoint == '\u2019' || codePoint == '-';
  }

  private static int wordEnd(String body, int start) {
    int at = start;
    while (at < body.length()) {
      int codePoint = body.codePointAt(at);
      int next = at + Character.charCount(codePoint);
      boolean joinsNextWordChar =
          isJoiner(codePoint) && next < body.length() && isWordChar(body.codePointAt(next));
      if (!isWordChar(codePoint) && !joinsNextWordChar) {
        break;
      }
      at = next;
    }
    return at;
  }

  /** Horizontal whitespace, including no-break spaces; line breaks are not. */
  private static boolean isSpaceOrTab(int codePoint) {
    return codePoint == '\t' || Character.getType(codePoint) == Character.SPACE_SEPARATOR;
  }
}
