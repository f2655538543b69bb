package io.claimwatch.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.claimwatch.schemas.ClaimMention;
import io.claimwatch.schemas.Source;
import io.claimwatch.schemas.SourceKind;
import io.claimwatch.schemas.Span;
import io.claimwatch.schemas.SpanGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class WriteAvroFilesTest {
  private static ClaimMention mention(int i) {
    boolean attributed = i % 2 == 0;
    return ClaimMention.newBuilder()
        .setArticleId("a" + i).setOutlet("unn").setPublishedAt("2023-12-24T10:00:00Z").setDay("2023-12-24")
        .setSentence(new Span(0, 40))
        .setSource(attributed ? new Source("officials", List.of(new Span(0, 9)), SourceKind.OFFICIALS, "U.S. officials")
            : new Source(null, List.of(), SourceKind.MEDIA, "unn"))
        .setCue(attributed ? new SpanGroup("said", List.of(new Span(10, 14))) : null)
        .setContent(new SpanGroup("Путин открыт для перемирия " + i, List.of(new Span(15, 40))))
        .setAttributed(attributed).setClaimId("c" + i % 3).setClaimKey("путин открыт перемирие " + i)
        .setLabels(List.of("ceasefire")).setRelayedFrom(i % 3 == 0 ? "The New York Times" : null).build();
  }

  @Test
  void avroReadersReadBackEveryRecordAsWritten(TestPipeline pipeline, @TempDir Path dir) throws IOException {
    List<ClaimMention> written = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      written.add(mention(i));
    }
    pipeline.apply(Create.of(written).withCoder(AvroCoder.of(ClaimMention.class)))
        .apply(new WriteAvroFiles<>(ClaimMention.getClassSchema(), dir.toString(), "mentions"));
    pipeline.run().waitUntilFinish();

    List<ClaimMention> read = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listed = Files.list(dir)) {
      files = listed.filter(f -> f.getFileName().toString().matches("mentions-\\d{5}-of-\\d{5}\\.avro")).toList();
    }
    assertFalse(files.isEmpty(), "files named <name>-SSSSS-of-NNNNN.avro");
    for (Path file : files) {
      try (DataFileReader<ClaimMention> reader =
          new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(ClaimMention.class))) {
        assertEquals("snappy", reader.getMetaString("avro.codec"));
        reader.forEach(read::add);
      }
    }
    Comparator<ClaimMention> byArticle = Comparator.comparing(m -> m.getArticleId().toString());
    assertEquals(written.stream().sorted(byArticle).toList(), read.stream().sorted(byArticle).toList());
    assertTrue(read.stream().anyMatch(m -> m.getCue() == null), "nullable fields survive");
  }
}
