package dev.minrole.analyzer.model;

import java.util.Locale;

/** How much a finding matters. Ordered from most to least severe. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case name used in reports and diagnostics. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
