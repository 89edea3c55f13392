package dev.minrole.generator.validate;

import dev.minrole.analyzer.model.Severity;

/** Shorthands for rules. */
final class Problems {
  private Problems() {}

  static Problem error(String rule, String path, String message, String fix) {
    return new Problem(rule, Severity.ERROR, path, 0, message, fix);
  }

  static Problem warning(String rule, String path, String message, String fix) {
    return new Problem(rule, Severity.WARNING, path, 0, message, fix);
  }

  static Problem info(String rule, String path, String message, String fix) {
    return new Problem(rule, Severity.INFO, path, 0, message, fix);
  }
}
