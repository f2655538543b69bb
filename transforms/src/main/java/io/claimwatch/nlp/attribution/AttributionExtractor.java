package io.claimwatch.nlp.attribution;

import io.claimwatch.nlp.AnalyzedText;
import java.util.List;

/** Finds reported speech and thought in an analyzed body. Implementations need not be thread-safe. */
public interface AttributionExtractor {
  /** Attributions in body order (by first content or cue span). */
  List<Attribution> extract(AnalyzedText text);
}
