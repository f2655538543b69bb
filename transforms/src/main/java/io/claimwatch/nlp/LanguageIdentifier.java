package io.claimwatch.nlp;

import java.util.Locale;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;

/**
 * Which language a body is in (ISO 639-3, e.g. "eng"), by OpenNLP's language detector over the
 * body's first thousand characters; English when the detector can hardly tell it from its best
 * guess, or without asking it when English function words are frequent in a long enough sample.
 * Not thread-safe: one per thread or DoFn instance.
 */
public final class LanguageIdentifier {
  public static final String ENGLISH = "eng";
  /**
   * Enough text (about 170 words) to tell languages apart; reading more only costs time (at 4,000
   * the detector was 6% of a pipeline run's CPU).
   */
  private static final int SAMPLE_CHARS = 1000;
  /** Below this many letters a guess is noise: the text is taken to be in English. */
  private static final int MIN_LETTERS = 40;
  /**
   * English wins when the detector is nearly as sure of it as of its best guess. On one English
   * sentence the best guess is often a near tie with English ("Cubs manager Dusty Baker sees his
   * slugger struggling.": Afrikaans 0.031, English 0.026; 8 of MSRP's 7,824 sentences), while text in
   * another language puts English far behind (Spanish 0.218, English 0.010).
   */
  private static final double ENGLISH_TIE = 0.7;

  /**
   * Frequent English words that are not words of other languages in Latin script (not "of",
   * Dutch "or"; "was", Dutch; "will", German; "for" and "have", Danish and Norwegian).
   */
  private static final Set<String> ENGLISH_MARKERS = Set.of("the", "and", "that", "with", "said", "which",
      "would", "this", "they", "their", "has", "been", "from", "were");
  /**
   * The detector was 6.7% of a 10k-article run's Java samples. In the samples of 781 of the 839
   * PolNeAR train bodies at least 8% of the words are markers (the fewest: 5%), in text of another
   * language hardly any (LanguageIdentifierTest); below this share, or in a shorter sample, the
   * detector decides.
   */
  private static final double MARKER_SHARE = 0.08;
  private static final int MIN_MARKER_SAMPLE_WORDS = 60;

  private final LanguageDetectorME detector = new LanguageDetectorME(NlpModels.languages());

  public String identify(String body) {
    String sample = body.length() <= SAMPLE_CHARS ? body : body.substring(0, SAMPLE_CHARS);
    if (sample.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
      return ENGLISH;
    }
    if (plainlyEnglish(sample)) {
      return ENGLISH;
    }
    Language[] ranked = detector.predictLanguages(sample);
    for (Language language : ranked) {
      if (language.getLang().equals(ENGLISH)) {
        return language.getConfidence() >= ENGLISH_TIE * ranked[0].getConfidence() ? ENGLISH : ranked[0].getLang();
      }
    }
    return ranked[0].getLang();
  }

  static boolean plainlyEnglish(String sample) {
    int words = 0;
    int markers = 0;
    for (String word : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (!word.isEmpty()) {
        words++;
        markers += ENGLISH_MARKERS.contains(word) ? 1 : 0;
      }
    }
    return words >= MIN_MARKER_SAMPLE_WORDS && markers >= MARKER_SHARE * words;
  }
}
