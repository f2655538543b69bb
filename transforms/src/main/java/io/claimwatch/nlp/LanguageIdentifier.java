package io.claimwatch.nlp;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;

/**
 * Which language a body is in (ISO 639-3, e.g. "eng"), by OpenNLP's language detector over the
 * body's first thousand characters. Not thread-safe: one per thread or DoFn instance.
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

  private final LanguageDetectorME detector = new LanguageDetectorME(NlpModels.languages());

  public String identify(String body) {
    String sample = body.length() <= SAMPLE_CHARS ? body : body.substring(0, SAMPLE_CHARS);
    if (sample.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
      return ENGLISH;
    }
    Language best = detector.predictLanguage(sample);
    return best.getLang();
  }
}
