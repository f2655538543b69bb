package io.claimwatch.ingest;

/** A record that cannot become an article; the message is the dead letter's reason. */
public final class InvalidRecordException extends Exception {
  public InvalidRecordException(String reason) {
    super(reason);
  }
}
