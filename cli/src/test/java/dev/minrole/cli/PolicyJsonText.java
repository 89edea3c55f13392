package dev.minrole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.generator.render.CanonicalJson;

/** A policy node of a report, written back as the canonical policy text. */
final class PolicyJsonText {
  private PolicyJsonText() {}

  static String of(JsonNode policy) {
    return CanonicalJson.write(policy);
  }
}
