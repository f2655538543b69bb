package io.claimwatch.nlp.claims;

import io.claimwatch.nlp.ClaimKeys;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a claim says, as a set of normalized terms made from its claim key: synonyms and stock
 * phrases folded to one term ("truce" → ceasefire, "front line" and "where the armies stand" →
 * frontline), numbers and polarity ("not", and verbs of refusal such as "reject") kept apart, since
 * a claim and its denial, or the same claim with another number, are different claims.
 */
public final class ClaimSignature implements Serializable {
  /** Multi-word stock phrases (in claim-key form: lemmas, stop words gone) and the term each means. */
  private static final List<Map.Entry<String[], String>> PHRASES = List.of(
      Map.entry(new String[] {"front", "line"}, "frontline"),
      Map.entry(new String[] {"line", "contact"}, "frontline"),
      Map.entry(new String[] {"army", "stand"}, "frontline"),
      Map.entry(new String[] {"freeze", "fighting"}, "ceasefire"),
      Map.entry(new String[] {"freeze", "fight"}, "ceasefire"),
      Map.entry(new String[] {"cease", "fire"}, "ceasefire"),
      Map.entry(new String[] {"peace", "talk"}, "negotiation"),
      Map.entry(new String[] {"white", "house"}, "whitehouse"),
      Map.entry(new String[] {"united", "states"}, "us"),
      Map.entry(new String[] {"per", "cent"}, "percent"));
  /** Single words and the term they share with their synonyms. */
  private static final Map<String, String> SYNONYMS = Map.ofEntries(
      Map.entry("truce", "ceasefire"), Map.entry("armistice", "ceasefire"),
      Map.entry("willing", "ready"), Map.entry("open", "ready"), Map.entry("prepared", "ready"),
      Map.entry("exist", "current"), Map.entry("existing", "current"), Map.entry("present", "current"),
      Map.entry("kremlin", "putin"), Map.entry("negotiate", "negotiation"), Map.entry("talk", "negotiation"),
      Map.entry("u.s.", "us"), Map.entry("usa", "us"), Map.entry("america", "us"), Map.entry("american", "us"),
      Map.entry("%", "percent"), Map.entry("pct", "percent"),
      Map.entry("buy", "purchase"), Map.entry("acquire", "purchase"),
      Map.entry("big", "large"), Map.entry("huge", "large"),
      Map.entry("start", "begin"), Map.entry("commence", "begin"),
      Map.entry("end", "finish"), Map.entry("conclude", "finish"),
      Map.entry("kill", "death"), Map.entry("die", "death"), Map.entry("dead", "death"),
      Map.entry("rise", "increase"), Map.entry("climb", "increase"), Map.entry("gain", "increase"),
      Map.entry("jump", "increase"), Map.entry("grow", "increase"),
      Map.entry("fall", "decrease"), Map.entry("drop", "decrease"), Map.entry("decline", "decrease"),
      Map.entry("slip", "decrease"), Map.entry("lose", "decrease"),
      Map.entry("show", "signal"), Map.entry("indicate", "signal"), Map.entry("suggest", "signal"),
      Map.entry("attack", "strike"), Map.entry("assault", "strike"),
      Map.entry("president", "president"), Map.entry("firm", "company"), Map.entry("corporation", "company"));
  /** Words that turn a claim into its denial or refusal. */
  private static final Set<String> NEGATIVE_POLARITY = Set.of(
      "not", "reject", "deny", "refuse", "oppose", "dismiss", "rebuff", "decline", "unlikely", "false");

  public static final String NEGATION = "¬";

  private final TreeSet<String> terms;
  private final TreeSet<String> numbers;
  /** Numbers the outlet gave as approximate ("about 55"; marked by ClaimKeys). */
  private final TreeSet<String> approximateNumbers;
  /** Decades ("the 1980s", "in his 90s"), by their first year. */
  private final TreeSet<String> decades;
  private final boolean negative;

  private ClaimSignature(TreeSet<String> terms, TreeSet<String> numbers, TreeSet<String> approximateNumbers,
      TreeSet<String> decades, boolean negative) {
    this.terms = terms;
    this.numbers = numbers;
    this.approximateNumbers = approximateNumbers;
    this.decades = decades;
    this.negative = negative;
  }

  /** The signature of a claim key (space-separated normalized words, see ClaimKeys). */
  public static ClaimSignature of(String claimKey) {
    String[] words = claimKey.isEmpty() ? new String[0] : claimKey.split(" ");
    TreeSet<String> terms = new TreeSet<>();
    TreeSet<String> numbers = new TreeSet<>();
    TreeSet<String> approximateNumbers = new TreeSet<>();
    TreeSet<String> decades = new TreeSet<>();
    boolean negative = false;
    for (int i = 0; i < words.length; i++) {
      String phrase = phraseAt(words, i);
      if (phrase != null) {
        terms.add(phrase);
        i++;
        continue;
      }
      String word = words[i];
      boolean approximate = word.startsWith(ClaimKeys.APPROXIMATE) && word.length() > 1;
      if (approximate) {
        word = word.substring(ClaimKeys.APPROXIMATE.length());
      }
      if (NEGATIVE_POLARITY.contains(word)) {
        negative = true;
        if (!word.equals("not")) {
          terms.add(word);
        }
        continue;
      }
      if (Character.isDigit(word.charAt(0))) {
        String number = number(word);
        numbers.add(number);
        if (approximate) {
          approximateNumbers.add(number);
        }
        if (DECADE.matcher(word).matches()) {
          decades.add(number);
        }
      }
      terms.add(SYNONYMS.getOrDefault(word, word));
    }
    if (negative) {
      terms.add(NEGATION);
    }
    return new ClaimSignature(terms, numbers, approximateNumbers, decades, negative);
  }

  /**
   * A claim key with its stock phrases and synonyms folded, in their order ("the Kremlin … where the
   * armies stand" → "putin … frontline"): what the embedding sees, so that it agrees with the terms.
   */
  public static String normalizedText(String claimKey) {
    String[] words = claimKey.isEmpty() ? new String[0] : plain(claimKey).split(" ");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      String phrase = phraseAt(words, i);
      String term = phrase != null ? phrase : SYNONYMS.getOrDefault(words[i], words[i]);
      if (phrase != null) {
        i++;
      }
      text.append(text.length() == 0 ? "" : " ").append(term);
    }
    return text.toString();
  }

  /** The key without its marks of approximate numbers. */
  public static String plain(String claimKey) {
    return claimKey.replace(ClaimKeys.APPROXIMATE, "");
  }

  private static final Pattern DECADE = Pattern.compile("\\d*0'?s");
  private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");

  private static final Pattern NUMBER_SUFFIX = Pattern.compile("(?<=\\d)(-|s|st|nd|rd|th)$");

  /**
   * A number as the veto compares it: "47-hour" leaves "47-", "the 1990s" is "1990" as "the 1990's"
   * is, and "Sept. 11th" is "Sept. 11"; other forms ("2:40", "52km") stay as written.
   */
  static String number(String word) {
    return NUMBER_SUFFIX.matcher(word).replaceFirst("");
  }

  private static String phraseAt(String[] words, int i) {
    if (i + 1 >= words.length) {
      return null;
    }
    for (Map.Entry<String[], String> phrase : PHRASES) {
      if (phrase.getKey()[0].equals(words[i]) && phrase.getKey()[1].equals(words[i + 1])) {
        return phrase.getValue();
      }
    }
    return null;
  }

  /** Normalized terms, including the negation marker when the claim is a denial. */
  public Set<String> terms() {
    return Collections.unmodifiableSet(terms);
  }

  public Set<String> numbers() {
    return Collections.unmodifiableSet(numbers);
  }

  /** Whether this claim states each of the other's numbers: as written, rounded, or approximately. */
  public boolean statesEveryNumberOf(ClaimSignature other) {
    for (String theirs : other.numbers) {
      if (numbers.stream().noneMatch(own -> agree(own, other, theirs))) {
        return false;
      }
    }
    return true;
  }

  private boolean agree(String own, ClaimSignature other, String theirs) {
    if (own.equals(theirs)) {
      return true;
    }
    BigDecimal x = decimal(own);
    BigDecimal y = decimal(theirs);
    if (x == null || y == null) {
      return false;
    }
    if (rounded(x, y)) {
      return true;
    }
    if (approximateNumbers.contains(own) || other.approximateNumbers.contains(theirs)) {
      return withinApproximation(x, y);
    }
    return decades.contains(own) && inDecade(x, y) || other.decades.contains(theirs) && inDecade(y, x);
  }

  /** A plain decimal number's value; null for other forms ("2:40", "52km"). */
  private static BigDecimal decimal(String number) {
    return DECIMAL.matcher(number).matches() ? new BigDecimal(number) : null;
  }

  /**
   * The less precise one is the other rounded to its precision ("65" and "64.7", "6.3" and "6.32");
   * "55" and "57" are two figures.
   */
  private static boolean rounded(BigDecimal x, BigDecimal y) {
    BigDecimal coarse = x.scale() <= y.scale() ? x : y;
    BigDecimal fine = coarse == x ? y : x;
    return coarse.scale() < fine.scale()
        && fine.setScale(coarse.scale(), RoundingMode.HALF_UP).compareTo(coarse) == 0;
  }

  /** How far apart a figure given as approximate may be from another: a fifth of the larger. */
  private static final double APPROXIMATION = 0.2;

  private static boolean withinApproximation(BigDecimal x, BigDecimal y) {
    return x.subtract(y).abs().doubleValue() <= APPROXIMATION * x.max(y).doubleValue();
  }

  private static boolean inDecade(BigDecimal firstYear, BigDecimal year) {
    return year.scale() == 0 && year.compareTo(firstYear) >= 0 && year.compareTo(firstYear.add(BigDecimal.valueOf(9))) <= 0;
  }

  public boolean negative() {
    return negative;
  }
}
