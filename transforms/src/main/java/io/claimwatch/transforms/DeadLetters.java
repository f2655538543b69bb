package io.claimwatch.transforms;

import io.claimwatch.schemas.DeadLetter;
import org.apache.beam.sdk.values.TupleTag;

/** The failure output every stage shares, and how a failure becomes a dead letter. */
public final class DeadLetters {
  /** Failures of any stage; all are flattened into one dead-letter sink. */
  public static final TupleTag<DeadLetter> TAG = new TupleTag<>("deadLetters") {};
  /** Dead letters keep the original record, or this long a prefix of it. */
  public static final int MAX_INPUT_CHARS = 4096;

  private DeadLetters() {}

  public static DeadLetter of(String stage, String reason, String file, Long line, String recordId, String input) {
    String kept = input == null ? "" : input;
    if (kept.length() > MAX_INPUT_CHARS) {
      int cut = MAX_INPUT_CHARS;
      if (Character.isHighSurrogate(kept.charAt(cut - 1))) {
        cut--;
      }
      kept = kept.substring(0, cut);
    }
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setReason(reason == null ? "unknown" : reason)
        .setFile(file)
        .setLine(line)
        .setRecordId(recordId)
        .setInput(kept)
        .build();
  }

  /** A stage's unexpected exception as a reason: its type and message, never a stack trace. */
  public static String reason(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
