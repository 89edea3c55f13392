package dev.minrole.generator.declared;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;

/** Reads a YAML data file shipped in this package; a missing or broken file is a build bug. */
final class BundledYaml {
  private BundledYaml() {}

  static JsonNode read(String file) {
    return DataFiles.yaml("/dev/minrole/generator/declared/" + file);
  }
}
