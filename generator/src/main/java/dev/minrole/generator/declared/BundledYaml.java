package dev.minrole.generator.declared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a YAML data file shipped in this package; a missing or broken file is a build bug. */
final class BundledYaml {
  private BundledYaml() {}

  static JsonNode read(String file) {
    String resource = "/dev/minrole/generator/declared/" + file;
    try (InputStream in = BundledYaml.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("data file missing from the build: " + resource);
      }
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
