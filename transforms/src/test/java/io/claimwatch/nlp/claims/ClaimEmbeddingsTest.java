package io.claimwatch.nlp.claims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped sentence-embedding model ranks a paraphrase above a claim on another subject. */
class ClaimEmbeddingsTest {
  @Test
  void aParaphraseIsCloserThanAnotherSubject() {
    String claim = "putin ready ceasefire freeze fighting along current front line";
    double paraphrase = ClaimEmbeddings.similarity(claim, "kremlin ready negotiate truce army stand");
    double otherSubject = ClaimEmbeddings.similarity(claim, "company report record profit third quarter");
    assertTrue(paraphrase > otherSubject + 0.2, paraphrase + " vs " + otherSubject);
  }

  @Test
  void similarityIsSymmetricBoundedAndOneForTheSameKey() {
    String a = "board trustee give vote not confidence";
    String b = "executive committee issue not vote goldin";
    assertEquals(ClaimEmbeddings.similarity(a, b), ClaimEmbeddings.similarity(b, a));
    assertEquals(1.0, ClaimEmbeddings.similarity(a, a), 1e-3);
    assertEquals(0.0, ClaimEmbeddings.similarity(a, ""));
    double s = ClaimEmbeddings.similarity(a, b);
    assertTrue(s >= 0 && s <= 1);
  }

  /**
   * The vectors are those of langchain4j's in-process model (same files, one-thread session), bit
   * for bit, so claim ids did not move when the encoder was replaced. Keys from the 10k PolNeAR run,
   * one with a word the tokenizer splits and one with digits.
   */
  @Test
  void vectorsAreThoseOfLangchain4jsInProcessModelBitForBit() throws Exception {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (InputStream model = ClaimEmbeddings.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx");
        InputStream tokenizer = ClaimEmbeddings.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
      OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, environment.createSession(model.readAllBytes(), options),
          tokenizer, PoolingMode.MEAN);
      AbstractInProcessEmbeddingModel reference = new AbstractInProcessEmbeddingModel(Runnable::run) {
        @Override
        protected OnnxBertBiEncoder model() {
          return encoder;
        }
      };
      for (String key : List.of("spouse organize social event choose china pattern",
          "plan continue work own project include delivering speech topic interest",
          "unemployment rate fall 4.9 percent august 151,000 job add")) {
        assertArrayEquals(reference.embed(key).content().vector(), ClaimEmbeddings.vector(key), key);
      }
    }
  }
}
