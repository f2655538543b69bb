package io.claimwatch.nlp.claims;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Semantic similarity of two claim keys: the cosine of their all-MiniLM-L6-v2 sentence embeddings
 * (the quantized model shipped in a Maven jar, run in process by ONNX Runtime). Word overlap alone
 * cannot tell "the board gave him a vote of no confidence" from a topic in common; the embedding
 * can. The model is loaded once per JVM; its session is thread-safe. Each thread keeps the vectors
 * of its recent keys, since one key meets many candidates in a block.
 *
 * <p>Similarities are rounded to 1/1024 so that a change in the last bits of a float sum (thread
 * count, CPU) cannot flip a decision between runners.
 */
public final class ClaimEmbeddings {
  private static final int CACHED_KEYS_PER_THREAD = 4096;
  private static volatile EmbeddingModel model;

  private static final ThreadLocal<Map<String, float[]>> RECENT = ThreadLocal.withInitial(
      () -> new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > CACHED_KEYS_PER_THREAD;
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
    Map<String, float[]> recent = RECENT.get();
    float[] vector = recent.get(key);
    if (vector == null) {
      vector = model().embed(key).content().vector();
      EMBEDDED.get()[0]++;
      recent.put(key, vector);
    }
    return vector;
  }

  private static EmbeddingModel model() {
    EmbeddingModel loaded = model;
    if (loaded == null) {
      synchronized (ClaimEmbeddings.class) {
        loaded = model;
        if (loaded == null) {
          // Runs on the calling thread: Beam already spreads work over the cores.
          loaded = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
          model = loaded;
        }
      }
    }
    return loaded;
  }
}
