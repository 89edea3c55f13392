package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;

/**
 * Reads minrole's YAML back with a real YAML parser (tags such as {@code !Sub} are kept as text).
 */
final class YamlChecks {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlChecks() {}

  /** The single document of the text. */
  static JsonNode read(String text) throws IOException {
    List<JsonNode> documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll();
    assertThat(documents).isNotEmpty();
    return documents.get(0);
  }
}
