package io.claimwatch.nlp;

/** One shared analyzer for plain-Java NLP tests (tests in a class run on one thread). */
public final class Analyzed {
  private static final ThreadLocal<TextAnalyzer> ANALYZER = ThreadLocal.withInitial(() -> new TextAnalyzer(2000));

  private Analyzed() {}

  public static AnalyzedText text(String body) {
    return ANALYZER.get().analyze(body);
  }
}
