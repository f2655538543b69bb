package io.claimwatch.transforms;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes Avro records as Avro container files {@code <directory>/<name>-SSSSS-of-NNNNN.avro}
 * (snappy, as {@code AvroIO} writes them), each record encoded once, before the write. The Direct
 * Runner turns every unsharded file write into a grouping by shard, and its grouping state copies
 * each element through its coder whenever another bundle adds to a shard: copying a record's bytes
 * is a memory copy, copying a record object decodes and encodes it (about a tenth of a 10k run's
 * Java samples went to that). The bytes also take less heap than the records, which the Direct
 * Runner holds until input ends.
 */
public final class WriteAvroFiles<T extends SpecificRecord> extends PTransform<PCollection<T>, PDone> {
  private final Schema schema;
  private final String directory;
  private final String name;

  public WriteAvroFiles(Schema schema, String directory, String name) {
    this.schema = schema;
    this.directory = directory;
    this.name = name;
  }

  @Override
  public PDone expand(PCollection<T> records) {
    String schemaJson = schema.toString();
    records
        .apply("EncodeRecords", ParDo.of(new EncodeRecordFn<T>(schemaJson)))
        .setCoder(ByteArrayCoder.of())
        .apply("WriteFiles", FileIO.<byte[]>write().via(new EncodedRecordsSink(schemaJson))
            .to(directory).withPrefix(name).withSuffix(".avro"));
    return PDone.in(records.getPipeline());
  }

  /** A record's Avro binary encoding, the datum an Avro container file holds. */
  static final class EncodeRecordFn<T extends SpecificRecord> extends DoFn<T, byte[]> {
    private final String schemaJson;
    private transient SpecificDatumWriter<T> writer;
    private transient ByteArrayOutputStream buffer;
    private transient BinaryEncoder encoder;

    EncodeRecordFn(String schemaJson) {
      this.schemaJson = schemaJson;
    }

    @Setup
    public void setup() {
      writer = new SpecificDatumWriter<>(new Schema.Parser().parse(schemaJson));
      buffer = new ByteArrayOutputStream();
    }

    @ProcessElement
    public void process(@Element T record, OutputReceiver<byte[]> out) throws IOException {
      buffer.reset();
      encoder = EncoderFactory.get().directBinaryEncoder(buffer, encoder);
      writer.write(record, encoder);
      out.output(buffer.toByteArray());
    }
  }

  /** Appends encoded records to an Avro container file without decoding them. */
  static final class EncodedRecordsSink implements FileIO.Sink<byte[]> {
    private final String schemaJson;
    private transient DataFileWriter<GenericRecord> file;

    EncodedRecordsSink(String schemaJson) {
      this.schemaJson = schemaJson;
    }

    @Override
    public void open(WritableByteChannel channel) throws IOException {
      Schema schema = new Schema.Parser().parse(schemaJson);
      file = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema)).setCodec(CodecFactory.snappyCodec());
      file.create(schema, Channels.newOutputStream(channel));
    }

    @Override
    public void write(byte[] record) throws IOException {
      file.appendEncoded(ByteBuffer.wrap(record));
    }

    @Override
    public void flush() throws IOException {
      file.flush();
    }
  }
}
