package io.claimwatch.nlp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * First-version claim identity: a normalized key from a claim's content words (lower-case cheap
 * lemmas, verbs' checked against WordNet by {@link VerbLemmas}, stop words, hedges and punctuation dropped, negation and numbers kept, since they change
 * what is claimed) and a stable id hashed from it, the same on every run and runner. A number the
 * outlet gives as approximate ("about 55", "more than 12,400") carries the mark {@value #APPROXIMATE}.
 */
public final class ClaimKeys {
  private static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
      "from", "as", "into", "about", "that", "this", "these", "those", "it", "its", "be", "have",
      "do", "which", "who", "whom", "whose", "what", "there", "their", "they", "them", "he", "she",
      "his", "her", "him", "we", "our", "us", "i", "me", "my", "you", "your", "so", "than", "then",
      "such", "also", "just", "very", "if", "while", "when", "where", "would", "will", "shall",
      "can", "should", "must", "one", "all", "any", "some", "up", "out", "over", "s", "'s", "’s");
  /** Words that soften a claim without changing what it says. */
  private static final Set<String> HEDGES = Set.of(
      "may", "might", "could", "reportedly", "allegedly", "apparently", "likely", "possibly",
      "perhaps", "probably", "seemingly", "purportedly", "supposedly", "well", "even", "still",
      "already", "really", "actually", "indeed", "fact", "now");
  private static final Map<String, String> NEGATIONS = Map.of(
      "not", "not", "n't", "not", "n’t", "not", "no", "not", "never", "not", "nobody", "not",
      "nothing", "not", "none", "not", "neither", "not", "nor", "not");

  private static final Set<String> UNMARKED_CONTRACTIONS = Set.of("dont", "doesnt", "didnt", "isnt", "wasnt",
      "arent", "werent", "cant", "couldnt", "wouldnt", "shouldnt", "wont", "havent", "hasnt", "hadnt", "aint");

  /** Words before a number that make it approximate; "least" of "at least", "than" of "more than". */
  private static final Set<String> APPROXIMATING = Set.of(
      "about", "some", "over", "under", "nearly", "almost", "approximately", "roughly", "around",
      "least", "than", "estimated", "approaching", "approached");
  /** Marks a number in a key as approximate, so that the matcher allows for it (ClaimSignature). */
  public static final String APPROXIMATE = "~";
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{0,3}\\p{Sc}");

  private ClaimKeys() {}

  public static String key(List<Token> contentTokens) {
    StringBuilder key = new StringBuilder();
    String before = "";
    for (int t = 0; t < contentTokens.size(); t++) {
      Token token = contentTokens.get(t);
      String lower = token.text().toLowerCase(Locale.ROOT);
      String word = polarity(normalize(token), lower, contentTokens, t);
      if (word != null && token.pos().equals("CD") && Character.isDigit(word.charAt(0))
          && APPROXIMATING.contains(before)) {
        word = APPROXIMATE + word;
      }
      // A currency sign sits between "about" and its number ("about $ 65 billion").
      if (!CURRENCY.matcher(token.text()).matches()) {
        before = lower;
      }
      if (word != null) {
        if (key.length() > 0) {
          key.append(' ');
        }
        key.append(word);
      }
    }
    return key.toString();
  }

  /**
   * A negation read in context: "not only" adds rather than denies ("Not only is this the oldest
   * known planet, it's also the most distant"); "rule … out" is a refusal, where "rule" alone is a
   * court's ruling or the rules; "dont", "isnt" are "don't", "isn't" typed without the apostrophe.
   */
  private static String polarity(String word, String lowerCaseText, List<Token> tokens, int index) {
    if (UNMARKED_CONTRACTIONS.contains(lowerCaseText)) {
      return "not";
    }
    if ("not".equals(word) && followedBy(tokens, index, 1, "only")) {
      return null;
    }
    if ("rule".equals(word) && (followedBy(tokens, index, 1, "out") || followedBy(tokens, index, 2, "out"))) {
      return "reject";
    }
    return word;
  }

  private static boolean followedBy(List<Token> tokens, int index, int distance, String word) {
    return index + distance < tokens.size() && tokens.get(index + distance).text().equalsIgnoreCase(word);
  }

  /** 16 hex digits of SHA-256 over the key: short, stable and collision-safe at news scale. */
  public static String id(String claimKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(claimKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static String normalize(Token token) {
    String lemma = VerbLemmas.lemma(token.text(), token.pos(), token.lemma());
    String negation = NEGATIONS.get(lemma);
    if (negation != null) {
      return negation;
    }
    if (token.isPunctuation() || STOP_WORDS.contains(lemma) || HEDGES.contains(lemma)) {
      return null;
    }
    if (token.pos().equals("CD")) {
      return lemma.replace(",", "");
    }
    return lettersAndDigits(lemma);
  }

  /** The word's letters and digits (the word itself when it has nothing else, as most do); null when none. */
  private static String lettersAndDigits(String word) {
    StringBuilder kept = null;
    for (int i = 0; i < word.length(); ) {
      int codePoint = word.codePointAt(i);
      int next = i + Character.charCount(codePoint);
      if (!Character.isLetterOrDigit(codePoint)) {
        if (kept == null) {
          kept = new StringBuilder(word.length()).append(word, 0, i);
        }
      } else if (kept != null) {
        kept.append(word, i, next);
      }
      i = next;
    }
    String result = kept == null ? word : kept.toString();
    return result.isEmpty() ? null : result;
  }
}
