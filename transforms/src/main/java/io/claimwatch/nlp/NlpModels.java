package io.claimwatch.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * OpenNLP English models from the model jars on the classpath, each loaded once per JVM. Models are
 * immutable and shared; the ME classes that use them are not thread-safe and are made per user.
 */
public final class NlpModels {
  static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
  static final String LANGUAGE_MODEL = "/langdetect-183.bin";

  private NlpModels() {}

  public static SentenceModel sentences() {
    return SentenceHolder.MODEL;
  }

  /** The tokenizer model as published: every character boundary of every chunk is a decision. */
  public static TokenizerModel tokens() {
    return TokenHolder.MODEL;
  }

  /**
   * The same tokenizer model keeping chunks of only letters and digits whole (OpenNLP's alphanumeric
   * optimization), deciding only inside chunks with punctuation: a third of the time. On PolNeAR
   * train it tokenizes 9 of 31,930 sentences differently, each where the published model cuts a word
   * ("Airbnb", "FedEx", "OLYMPIC", "6AM").
   */
  public static TokenizerModel wordKeepingTokens() {
    return WordKeepingTokenHolder.MODEL;
  }

  /**
   * The POS model as published (its tagger searches a beam of 3 tag sequences; the pipeline decodes
   * greedily, {@link GreedyPosTagger}: a third of the model evaluations).
   */
  public static POSModel pos() {
    return PosHolder.MODEL;
  }

  public static LanguageDetectorModel languages() {
    return LanguageHolder.MODEL;
  }

  // Holder classes: the JVM loads each model lazily, once, on first use, without locking after.
  private static final class SentenceHolder {
    static final SentenceModel MODEL = load(SENTENCE_MODEL, SentenceModel::new);
  }

  private static final class TokenHolder {
    static final TokenizerModel MODEL = load(TOKEN_MODEL, TokenizerModel::new);
  }

  private static final class WordKeepingTokenHolder {
    static final TokenizerModel MODEL = new TokenizerModel(tokens().getMaxentModel(), new HashMap<>(),
        new TokenizerFactory(tokens().getLanguage(), tokens().getFactory().getAbbreviationDictionary(), true, null));
  }

  private static final class PosHolder {
    static final POSModel MODEL = load(POS_MODEL, POSModel::new);
  }

  private static final class LanguageHolder {
    static final LanguageDetectorModel MODEL = load(LANGUAGE_MODEL, LanguageDetectorModel::new);
  }

  private interface ModelReader<M> {
    M read(InputStream in) throws IOException;
  }

  private static <M> M load(String resource, ModelReader<M> reader) {
    try (InputStream in = NlpModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath");
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load OpenNLP model " + resource, e);
    }
  }
}
