package io.claimwatch.nlp;

import java.util.Arrays;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.util.SequenceValidator;

/**
 * An OpenNLP POS model decoded greedily: each token takes its most probable tag that the model's
 * sequence validator allows, given the tags before it. These are the tags of {@code POSTaggerME}
 * with a beam of 1, without the beam search's bookkeeping (a sort of every token's tag
 * probabilities, a sequence object and a list copy per token, a context cache that a beam of 1
 * never hits), which took a fifth of tagging's samples (JFR, 10k articles): on PolNeAR train's
 * first 300 articles (251,585 tokens, one thread, warm) 0.72–0.74 s against 1.01–1.07 s. Tags are
 * the model's own (UD for the English model). Not thread-safe: one per thread or DoFn instance.
 */
public final class GreedyPosTagger {
  private static final String MAXENT_ARTIFACT = "pos.model";

  private final MaxentModel model;
  private final POSContextGenerator contexts;
  private final SequenceValidator<String> validator;
  private final double[] probabilities;

  public GreedyPosTagger(POSModel posModel) {
    this.model = posModel.getArtifact(MAXENT_ARTIFACT);
    this.contexts = posModel.getFactory().getPOSContextGenerator(0);
    this.validator = posModel.getFactory().getSequenceValidator();
    this.probabilities = new double[model.getNumOutcomes()];
  }

  public String[] tag(String[] words) {
    String[] tags = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      // The tags so far, as long as the beam search's (the context generator may read the length).
      String[] previous = Arrays.copyOf(tags, i);
      double[] scores = model.eval(contexts.getContext(i, words, previous, null), probabilities);
      tags[i] = best(i, words, previous, scores);
    }
    return tags;
  }

  /**
   * The most probable allowed tag; among equals the first in the model's order, as the beam search
   * keeps them. When no tag of the highest probability is allowed, the beam search falls back to the
   * best allowed tag of all, which this is too.
   */
  private String best(int index, String[] words, String[] previous, double[] scores) {
    int best = -1;
    for (int outcome = 0; outcome < scores.length; outcome++) {
      if ((best < 0 || scores[outcome] > scores[best])
          && validator.validSequence(index, words, previous, model.getOutcome(outcome))) {
        best = outcome;
      }
    }
    if (best < 0) {
      throw new IllegalStateException("the POS model allows no tag for '" + words[index] + "'");
    }
    return model.getOutcome(best);
  }
}
