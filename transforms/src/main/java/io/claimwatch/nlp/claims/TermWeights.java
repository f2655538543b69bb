package io.claimwatch.nlp.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * How much a shared or unshared term says about two claims: its inverse document frequency in a
 * fixed reference corpus (PolNeAR train articles, table built by
 * {@code io.claimwatch.evaluation.BuildTermFrequencies}), shipped with the code, so a claim's id does
 * not depend on what else is in the run. Terms the table lacks are rare: they weigh most.
 */
public final class TermWeights implements Serializable {
  static final String RESOURCE = "/io/claimwatch/nlp/claims/term-frequencies.tsv.gz";

  private static volatile TermWeights shipped;

  private final int documents;
  private final HashMap<String, Integer> documentFrequency;

  public TermWeights(int documents, Map<String, Integer> documentFrequency) {
    this.documents = documents;
    this.documentFrequency = new HashMap<>(documentFrequency);
  }

  /** The shipped table, loaded once per JVM. */
  public static TermWeights shipped() {
    TermWeights weights = shipped;
    if (weights == null) {
      synchronized (TermWeights.class) {
        if (shipped == null) {
          shipped = load();
        }
        weights = shipped;
      }
    }
    return weights;
  }

  private static TermWeights load() {
    try (InputStream in = TermWeights.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
      int documents = Integer.parseInt(reader.readLine().trim());
      Map<String, Integer> frequencies = new HashMap<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int tab = line.indexOf('\t');
        frequencies.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
      }
      return new TermWeights(documents, frequencies);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A term in more than this share of the reference articles says which story, not which claim. In
   * the shipped table: "say", "trump", "clinton", "donald", "hillary", "new", "us", "make", "more",
   * "presidential", "republican", "person", "president", "go".
   */
  static final double COMMON_SHARE = 0.6;

  /** Whether more than {@link #COMMON_SHARE} of the reference articles hold the term. */
  public boolean isCommon(String term) {
    return documentFrequency.getOrDefault(term, 0) > COMMON_SHARE * documents;
  }

  /** Smoothed inverse document frequency: log((N + 1) / (df + 1)), so never negative. */
  public double weight(String term) {
    return Math.log((documents + 1.0) / (documentFrequency.getOrDefault(term, 0) + 1.0));
  }
}
