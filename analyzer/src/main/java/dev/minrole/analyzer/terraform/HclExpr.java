package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HCL expression as written in a Terraform file, with where it is: what {@link HclReader} makes
 * of hcl4j's symbols, and what {@link TerraformEvaluator} evaluates.
 */
public sealed interface HclExpr {
  SourceLocation at();

  default int line() {
    return at().line();
  }

  /** A number, a bool or {@code null} ({@code value} a {@code String}, {@code Boolean} or null). */
  record Literal(Object value, SourceLocation at) implements HclExpr {}

  /**
   * A string whose {@code ${...}} interpolations and {@code %{...}} directives are still text: a
   * heredoc, or a quoted string without interpolation (<code>$${</code> escapes one).
   */
  record Text(String raw, SourceLocation at) implements HclExpr {}

  /** A quoted string with interpolations: its literal and interpolated parts in order. */
  record Template(List<HclExpr> parts, SourceLocation at) implements HclExpr {
    public Template {
      parts = List.copyOf(parts);
    }
  }

  /** {@code var.stage}, {@code aws_sqs_queue.jobs[0].arn}: names, indexes and splats. */
  record Reference(List<Step> steps, SourceLocation at) implements HclExpr {
    public Reference {
      steps = List.copyOf(steps);
    }

    /** The names before the first index, joined with dots: {@code aws_sqs_queue.jobs}. */
    public String dotted() {
      StringBuilder out = new StringBuilder();
      for (Step step : steps) {
        if (!(step instanceof Step.Name name)) {
          break;
        }
        out.append(out.length() == 0 ? "" : ".").append(name.name());
      }
      return out.toString();
    }
  }

  /** {@code format("%s", x)}, possibly followed by attribute access. */
  record Call(String function, List<HclExpr> args, List<Step> after, SourceLocation at)
      implements HclExpr {
    public Call {
      args = List.copyOf(args);
      after = List.copyOf(after);
    }
  }

  /** {@code [a, b]}. */
  record Tuple(List<HclExpr> items, SourceLocation at) implements HclExpr {
    public Tuple {
      items = List.copyOf(items);
    }
  }

  /** <code>{ key = value }</code>, keys in order, with the line of each entry. */
  record ObjectCons(Map<String, HclExpr> entries, SourceLocation at) implements HclExpr {
    public ObjectCons {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
  }

  /** {@code condition ? a : b}. */
  record Conditional(HclExpr condition, HclExpr ifTrue, HclExpr ifFalse, SourceLocation at)
      implements HclExpr {}

  /** {@code a == b}, {@code a && b}, {@code a + b}. */
  record Binary(String operator, HclExpr left, HclExpr right, SourceLocation at)
      implements HclExpr {}

  /** {@code !a}, {@code -a}. */
  record Unary(String operator, HclExpr operand, SourceLocation at) implements HclExpr {}

  /**
   * {@code [for k, v in collection : value if condition]}: one variable takes each element, two
   * take each key (or index) and element.
   */
  record For(
      List<String> variables,
      HclExpr collection,
      HclExpr value,
      Optional<HclExpr> condition,
      SourceLocation at)
      implements HclExpr {
    public For {
      variables = List.copyOf(variables);
    }
  }

  /** An object {@code for} expression, a type constraint or anything minrole does not evaluate. */
  record Opaque(String what, SourceLocation at) implements HclExpr {}

  /** One step of a reference. */
  sealed interface Step {
    /** {@code .name}. */
    record Name(String name) implements Step {}

    /** {@code [expression]}. */
    record Index(HclExpr index) implements Step {}

    /** {@code [*]} or {@code .*}. */
    record Splat() implements Step {}
  }
}
