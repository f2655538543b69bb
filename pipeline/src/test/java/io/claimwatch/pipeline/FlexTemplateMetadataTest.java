package io.claimwatch.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.beam.sdk.options.Description;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flex Template metadata is generated from ClaimwatchOptions, every option in it. */
class FlexTemplateMetadataTest {
  @TempDir Path dir;

  @Test
  void everyOptionIsAParameterWithItsDescription() throws Exception {
    Path file = dir.resolve("metadata.json");
    FlexTemplateMetadata.main(new String[] {file.toString()});
    JsonNode metadata = new ObjectMapper().readTree(file.toFile());
    assertEquals("Claimwatch", metadata.get("name").asText());
    assertFalse(metadata.get("description").asText().isBlank());

    TreeMap<String, String> expected = new TreeMap<>();
    for (Method m : ClaimwatchOptions.class.getDeclaredMethods()) {
      if (m.getName().startsWith("get")) {
        expected.put(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4),
            m.getAnnotation(Description.class).value());
      }
    }
    List<String> names = new ArrayList<>();
    for (JsonNode parameter : metadata.get("parameters")) {
      String name = parameter.get("name").asText();
      names.add(name);
      assertTrue(parameter.get("helpText").asText().startsWith(expected.get(name)), name);
      assertTrue(parameter.get("isOptional").asBoolean(), name + ": every Claimwatch option has a default");
      assertFalse(parameter.get("label").asText().isBlank(), name);
    }
    assertEquals(new ArrayList<>(expected.keySet()), names);
    assertTrue(names.containsAll(List.of("input", "output", "extractor", "maxRecordBytes", "topClaims")));
    JsonNode input = metadata.get("parameters").get(names.indexOf("input"));
    assertEquals("Input", input.get("label").asText());
    assertTrue(input.get("helpText").asText().endsWith("Default: samples."), input.toString());
    assertTrue(Files.readString(file).endsWith("}\n"));
  }

  @Test
  void labelsAreWordsOfTheName() {
    assertEquals("Max record bytes", FlexTemplateMetadata.label("maxRecordBytes"));
    assertEquals("Earliest published at", FlexTemplateMetadata.label("earliestPublishedAt"));
  }
}
