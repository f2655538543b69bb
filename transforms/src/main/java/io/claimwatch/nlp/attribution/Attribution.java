package io.claimwatch.nlp.attribution;

import io.claimwatch.nlp.Span;
import java.io.Serializable;
import java.util.List;

/**
 * One attribution found in a body: who (source), how (cue) and what (content), each as body spans
 * on token boundaries. A role split in pieces has several spans; {@code source} is empty when the
 * text names no source.
 */
public record Attribution(List<Span> source, List<Span> cue, List<Span> content) implements Serializable {
  public Attribution {
    source = List.copyOf(source);
    cue = List.copyOf(cue);
    content = List.copyOf(content);
    if (cue.isEmpty() || content.isEmpty()) {
      throw new IllegalArgumentException("an attribution needs a cue and a content");
    }
  }

  public boolean hasSource() {
    return !source.isEmpty();
  }
}
