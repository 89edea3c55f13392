package dev.minrole.cli;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.Severity;
import dev.minrole.engine.Analysis;
import java.io.PrintWriter;
import java.util.List;

/** Prints findings to stderr as {@code minrole: warning: file:line: message [ID]}. */
final class Diagnostics {
  static final String ERROR = "minrole: error: ";
  static final String WARNING = "minrole: warning: ";

  private Diagnostics() {}

  /** The findings of a generate run: those of no single function, then each function's. */
  static void print(PrintWriter err, Analysis result, boolean verbose) {
    print(err, result.allFindings(), verbose);
  }

  static void print(PrintWriter err, List<Finding> findings, boolean verbose) {
    for (Finding f : findings.stream().distinct().sorted().toList()) {
      if (f.severity() == Severity.INFO && !verbose) {
        continue;
      }
      String where = f.location().isKnown() ? f.location() + ": " : "";
      err.println(
          "minrole: " + f.severity().label() + ": " + where + f.message() + " [" + f.id() + "]");
    }
    err.flush();
  }
}
