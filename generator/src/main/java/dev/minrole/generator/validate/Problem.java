package dev.minrole.generator.validate;

import dev.minrole.analyzer.model.Severity;
import java.util.Comparator;

/**
 * One thing wrong with a policy: the rule that found it (docs/validate.md), how much it matters,
 * where it is (a JSON path such as {@code $.Statement[1].Action[0]}, and the line when known), what
 * is wrong, and how to fix it.
 */
public record Problem(
    String rule, Severity severity, String path, int line, String message, String fix)
    implements Comparable<Problem> {

  private static final Comparator<Problem> ORDER =
      Comparator.comparingInt(Problem::line)
          .thenComparing(Problem::path)
          .thenComparing(Problem::severity)
          .thenComparing(Problem::rule)
          .thenComparing(Problem::message);

  public Problem withLine(int newLine) {
    return new Problem(rule, severity, path, newLine, message, fix);
  }

  @Override
  public int compareTo(Problem other) {
    return ORDER.compare(this, other);
  }
}
