package io.claimwatch.transforms;

import org.apache.avro.generic.IndexedRecord;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/** Writes Avro records as JSON Lines files {@code <directory>/<name>-SSSSS-of-NNNNN.jsonl}. */
public final class WriteJsonLines<T extends IndexedRecord> extends PTransform<PCollection<T>, PDone> {
  private final String directory;
  private final String name;

  public WriteJsonLines(String directory, String name) {
    this.directory = directory;
    this.name = name;
  }

  @Override
  public PDone expand(PCollection<T> records) {
    return records
        .apply("ToJson", MapElements.into(TypeDescriptors.strings()).via(AvroJson::toJson))
        .apply("WriteFiles", TextIO.write().to(directory + "/" + name).withSuffix(".jsonl"));
  }
}
