package dev.minrole.tools.sdkinventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The curated names of 1.x request properties that are not the v2 member names (the analyzer's
 * {@code sdk1/aliases.yaml}), read to report which properties the data does not map yet.
 */
final class Sdk1Aliases {

  private final JsonNode services;

  private Sdk1Aliases(JsonNode services) {
    this.services = services;
  }

  static Sdk1Aliases read(Path file) throws IOException {
    return new Sdk1Aliases(
        new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path("services"));
  }

  /**
   * The v2 member a 1.x property of an operation's request sets: the operation's alias, the
   * service's alias, else the member of the same name ignoring case.
   */
  Optional<String> member(String service, String operation, String property, Set<String> members) {
    JsonNode s = services.path(service);
    JsonNode alias = s.path("operations").path(operation).path(property);
    if (alias.isMissingNode()) {
      alias = s.path("properties").path(property);
    }
    if (alias.isTextual()) {
      return Optional.of(alias.asText());
    }
    String wanted = property.toLowerCase(Locale.ROOT);
    return members.stream().filter(m -> m.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }
}
