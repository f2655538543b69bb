package io.claimwatch.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.postag.POSModel;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AggregatedFeatureGenerator;
import opennlp.tools.util.featuregen.OutcomePriorFeatureGenerator;
import opennlp.tools.util.featuregen.PosTaggerFeatureGenerator;
import opennlp.tools.util.featuregen.PrefixFeatureGenerator;
import opennlp.tools.util.featuregen.SentenceFeatureGenerator;
import opennlp.tools.util.featuregen.SuffixFeatureGenerator;
import opennlp.tools.util.featuregen.TokenClassFeatureGenerator;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;
import opennlp.tools.util.featuregen.WindowFeatureGenerator;

/**
 * An OpenNLP POS model decoded greedily: each token takes its most probable tag that the model's
 * sequence validator allows, given the tags before it. These are the tags of {@code POSTaggerME}
 * with a beam of 1, computed without building the model's context strings for every token.
 *
 * <p>The maxent model scores a tag by summing the weights of the token's features, and the
 * English model's features (its {@code generator.featuregen}) each depend on one thing only: the
 * word itself (prior, prefixes, suffixes, word, word class), one neighbour's word within two
 * places, the position among the first three, or the two previous tags. So the weights are summed
 * per part and a word's parts are kept: most tokens are frequent words, and a token costs a few
 * lookups and eight vector additions instead of building and looking up some thirty strings. On
 * PolNeAR train (726,203 tokens, one thread, warm) 0.29–0.32 s against 1.89–1.94 s for the model's
 * own context generator and evaluation, with the same tags for all 31,930 sentences. The most
 * probable tag is the one with the highest sum, since probabilities are the sums' softmax.
 * Not thread-safe: one per thread or DoFn instance.
 */
public final class GreedyPosTagger {
  private static final String MAXENT_ARTIFACT = "pos.model";
  /**
   * Words whose weight sums are kept (five sums per tag: 1.5 KB a word with the English model's 38
   * tags); the table starts over when full.
   */
  private static final int CACHED_WORDS = 20_000;
  /** Neighbours in the model's window: two before and two after. */
  private static final int WINDOW = 2;
  private static final int[] NEIGHBOUR_OFFSETS = {-1, -2, 1, 2};

  private final AbstractModel model;
  private final Map<String, Context> weights;
  private final int tagCount;
  private final SequenceValidator<String> validator;

  // The model's feature generators, as its descriptor configures them, split by what they read.
  private final AdaptiveFeatureGenerator wordFeatures = new AggregatedFeatureGenerator(
      new OutcomePriorFeatureGenerator(), new SuffixFeatureGenerator(4), new PrefixFeatureGenerator(4),
      new TokenFeatureGenerator(true), new TokenClassFeatureGenerator(true));
  private final AdaptiveFeatureGenerator neighbourFeatures = new TokenFeatureGenerator(true);
  private final AdaptiveFeatureGenerator positionFeatures =
      new WindowFeatureGenerator(new SentenceFeatureGenerator(true, false), WINDOW, WINDOW);
  private final AdaptiveFeatureGenerator tagFeatures = new PosTaggerFeatureGenerator();

  /** Per word: its own sums, then as neighbour at -1, -2, +1, +2; each {@code tagCount} long. */
  private final Map<String, double[]> wordSums = new HashMap<>();
  /** Per position 0..WINDOW: the sentence-start features' sums. */
  private final double[][] positionSums;
  /** Per previous tag (at the second token) and per pair of previous tags (from the third on). */
  private final double[][] previousTagSums;
  private final double[][][] previousTagPairSums;
  private final double[] scores;

  @SuppressWarnings("unchecked")
  public GreedyPosTagger(POSModel posModel) {
    this.model = posModel.getArtifact(MAXENT_ARTIFACT);
    this.weights = (Map<String, Context>) model.getDataStructures()[1];
    this.tagCount = model.getNumOutcomes();
    this.validator = posModel.getFactory().getSequenceValidator();
    this.positionSums = new double[WINDOW + 1][];
    for (int position = 0; position <= WINDOW; position++) {
      positionSums[position] = sum(features(positionFeatures, placeholderWords(WINDOW + 1), position, null));
    }
    this.previousTagSums = new double[tagCount][];
    this.previousTagPairSums = new double[tagCount][tagCount][];
    this.scores = new double[tagCount];
  }

  public String[] tag(String[] words) {
    String[] tags = new String[words.length];
    int[] tagIndexes = new int[words.length];
    double[][] sumsOfWords = new double[words.length][];
    for (int i = 0; i < words.length; i++) {
      sumsOfWords[i] = sumsOf(words[i]);
    }
    for (int i = 0; i < words.length; i++) {
      Arrays.fill(scores, 0);
      add(sumsOfWords[i], 0);
      for (int n = 0; n < NEIGHBOUR_OFFSETS.length; n++) {
        int neighbour = i + NEIGHBOUR_OFFSETS[n];
        if (neighbour >= 0 && neighbour < words.length) {
          add(sumsOfWords[neighbour], (n + 1) * tagCount);
        }
      }
      if (i <= WINDOW) {
        add(positionSums[i], 0);
      }
      if (i == 1) {
        add(previousTagSums(tagIndexes[0]), 0);
      } else if (i >= 2) {
        add(previousTagPairSums(tagIndexes[i - 2], tagIndexes[i - 1]), 0);
      }
      // The tags so far, as long as the beam search's (the validator may read the length).
      tagIndexes[i] = best(i, words, Arrays.copyOf(tags, i));
      tags[i] = model.getOutcome(tagIndexes[i]);
    }
    return tags;
  }

  /**
   * The most probable allowed tag; among equals the first in the model's order, as the beam search
   * keeps them. When no tag of the highest probability is allowed, the beam search falls back to the
   * best allowed tag of all, which this is too.
   */
  private int best(int index, String[] words, String[] previous) {
    int best = -1;
    for (int outcome = 0; outcome < tagCount; outcome++) {
      if ((best < 0 || scores[outcome] > scores[best])
          && validator.validSequence(index, words, previous, model.getOutcome(outcome))) {
        best = outcome;
      }
    }
    if (best < 0) {
      throw new IllegalStateException("the POS model allows no tag for '" + words[index] + "'");
    }
    return best;
  }

  private double[] sumsOf(String word) {
    double[] sums = wordSums.get(word);
    if (sums == null) {
      if (wordSums.size() == CACHED_WORDS) {
        wordSums.clear();
      }
      String[] alone = {word};
      sums = new double[(NEIGHBOUR_OFFSETS.length + 1) * tagCount];
      System.arraycopy(sum(features(wordFeatures, alone, 0, null)), 0, sums, 0, tagCount);
      List<String> asNeighbour = features(neighbourFeatures, alone, 0, null);
      for (int n = 0; n < NEIGHBOUR_OFFSETS.length; n++) {
        int offset = NEIGHBOUR_OFFSETS[n];
        String prefix = (offset < 0 ? WindowFeatureGenerator.PREV_PREFIX : WindowFeatureGenerator.NEXT_PREFIX) + Math.abs(offset);
        List<String> prefixed = new ArrayList<>(asNeighbour.size());
        asNeighbour.forEach(feature -> prefixed.add(prefix + feature));
        System.arraycopy(sum(prefixed), 0, sums, (n + 1) * tagCount, tagCount);
      }
      wordSums.put(word, sums);
    }
    return sums;
  }

  private double[] previousTagSums(int previous) {
    if (previousTagSums[previous] == null) {
      previousTagSums[previous] =
          sum(features(tagFeatures, placeholderWords(2), 1, new String[] {model.getOutcome(previous)}));
    }
    return previousTagSums[previous];
  }

  private double[] previousTagPairSums(int beforePrevious, int previous) {
    if (previousTagPairSums[beforePrevious][previous] == null) {
      previousTagPairSums[beforePrevious][previous] = sum(features(tagFeatures, placeholderWords(3), 2,
          new String[] {model.getOutcome(beforePrevious), model.getOutcome(previous)}));
    }
    return previousTagPairSums[beforePrevious][previous];
  }

  /** Words for generators that read only positions or tags (the tag generator skips null words). */
  private static String[] placeholderWords(int count) {
    String[] words = new String[count];
    Arrays.fill(words, "");
    return words;
  }

  private static List<String> features(AdaptiveFeatureGenerator generator, String[] words, int index, String[] tags) {
    List<String> features = new ArrayList<>();
    generator.createFeatures(features, words, index, tags);
    return features;
  }

  /** Each tag's summed weight over the features the model knows (a feature may repeat). */
  private double[] sum(List<String> features) {
    double[] sums = new double[tagCount];
    for (String feature : features) {
      Context context = weights.get(feature);
      if (context != null) {
        int[] outcomes = context.getOutcomes();
        double[] parameters = context.getParameters();
        for (int j = 0; j < outcomes.length; j++) {
          sums[outcomes[j]] += parameters[j];
        }
      }
    }
    return sums;
  }

  private void add(double[] sums, int offset) {
    for (int t = 0; t < tagCount; t++) {
      scores[t] += sums[offset + t];
    }
  }
}
