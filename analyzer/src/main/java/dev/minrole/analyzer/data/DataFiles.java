package dev.minrole.analyzer.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the YAML and JSON data files minrole ships on its class path ({@code /dev/minrole/...}),
 * for the classes that load them once. A file that is missing or does not parse is a bug in the
 * build, so it is an unchecked exception that names the file.
 */
public final class DataFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private DataFiles() {}

  /** The YAML file at {@code resource}, an absolute class-path name. */
  public static JsonNode yaml(String resource) {
    return read(YAML, resource);
  }

  /** The JSON file at {@code resource}, an absolute class-path name. */
  public static JsonNode json(String resource) {
    return read(JSON, resource);
  }

  /**
   * The YAML file at {@code resource} bound to {@code type}, a record whose components are the
   * file's schema: a property the record does not have fails, naming it.
   */
  public static <T> T bind(String resource, Class<T> type) {
    return bind(yaml(resource), type, resource);
  }

  /** {@code node} bound to {@code type}; {@code what} names the data in the error. */
  public static <T> T bind(JsonNode node, Class<T> type, String what) {
    try {
      return JSON.treeToValue(node, type);
    } catch (IOException e) {
      throw new IllegalStateException(what + " does not match its schema: " + e.getMessage(), e);
    }
  }

  /** YAML text, for data given inline (tests). */
  public static JsonNode yamlText(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read YAML text", e);
    }
  }

  /**
   * The texts of a data value that may be a list or a single scalar ({@code actions: [a, b]} or
   * {@code action: a}); nothing for a missing value or a mapping.
   */
  public static List<String> texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else if (node.isValueNode()) {
      out.add(node.asText());
    }
    return out;
  }

  private static JsonNode read(ObjectMapper mapper, String resource) {
    try (InputStream in = DataFiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("data file missing from the build: " + resource);
      }
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read data file " + resource, e);
    }
  }
}
