package io.claimwatch.nlp.attribution.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * The trained attribution model: a cue tagger (stage 1, per sentence) and a role tagger (stage 2,
 * per cue over a window of sentences around it). Immutable, shared by all extractors of a JVM.
 */
public final class AttributionModel {
  static final int MAGIC = 0x434c4d31; // "CLM1"
  public static final String RESOURCE = "/io/claimwatch/nlp/attribution/model/attribution-model.bin.gz";

  final LinearModel cues;
  final LinearModel roles;
  /** Added to the cue-begin score at decoding: trades cue precision for recall. */
  final float cueBias;
  /** Added to the content-begin score at stage 2: fewer cues end up with no content (dropped). */
  final float contentBias;

  AttributionModel(LinearModel cues, LinearModel roles, float cueBias, float contentBias) {
    this.cues = cues;
    this.roles = roles;
    this.cueBias = cueBias;
    this.contentBias = contentBias;
  }

  /** The same weights with other decoding biases (for tuning on held-out data). */
  public AttributionModel withBiases(float cue, float content) {
    return new AttributionModel(cues, roles, cue, content);
  }

  public float cueBias() {
    return cueBias;
  }

  public float contentBias() {
    return contentBias;
  }

  /** The model shipped on the classpath, loaded once per JVM. */
  public static AttributionModel shipped() {
    return Holder.MODEL;
  }

  private static final class Holder {
    static final AttributionModel MODEL = loadResource();
  }

  private static AttributionModel loadResource() {
    try (InputStream in = AttributionModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("attribution model " + RESOURCE + " is not on the classpath");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load attribution model " + RESOURCE, e);
    }
  }

  /** Reads a gzipped model. */
  public static AttributionModel read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
    if (in.readInt() != MAGIC) {
      throw new IOException("not an attribution model");
    }
    float cueBias = in.readFloat();
    float contentBias = in.readFloat();
    LinearModel cues = LinearModel.read(in);
    LinearModel roles = LinearModel.read(in);
    return new AttributionModel(cues, roles, cueBias, contentBias);
  }

  /** Writes the model (uncompressed; wrap {@code out} in a deterministic gzip stream). */
  void write(OutputStream raw, int prune) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
    out.writeInt(MAGIC);
    out.writeFloat(cueBias);
    out.writeFloat(contentBias);
    cues.write(out, prune);
    roles.write(out, prune);
    out.flush();
  }
}
