package dev.minrole.generator.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes Terraform (HCL) blocks as {@code terraform fmt} leaves them: two-space indentation, the
 * {@code =} of consecutive one-line attributes aligned, lists of more than one value one per line
 * with a trailing comma, a blank line between nested blocks.
 */
final class Hcl {
  private final StringBuilder out = new StringBuilder();
  private final List<String[]> pending = new ArrayList<>();
  private int depth;
  private boolean blankBeforeNext;
  private boolean commented;

  /** Opens {@code type "label" "label" {}}. */
  Hcl open(String type, String... labels) {
    flush();
    separate();
    StringBuilder line = new StringBuilder(type);
    for (String label : labels) {
      line.append(' ').append(string(label));
    }
    out.append(indent()).append(line).append(" {\n");
    depth++;
    blankBeforeNext = false;
    return this;
  }

  Hcl close() {
    flush();
    depth--;
    out.append(indent()).append("}\n");
    blankBeforeNext = true;
    return this;
  }

  /** {@code name = expression}, an expression written as it is (a reference). */
  Hcl expression(String name, String expression) {
    pending.add(new String[] {name, expression});
    return this;
  }

  /** {@code name = "text"}. */
  Hcl text(String name, String value) {
    return expression(name, string(value));
  }

  /** {@code name = ["a"]} for one value, else one value per line. */
  Hcl list(String name, List<String> values) {
    return expressions(name, values.stream().map(Hcl::string).toList());
  }

  /** A list of expressions written as they are (references, quoted strings). */
  Hcl expressions(String name, List<String> expressions) {
    if (expressions.size() <= 1) {
      return expression(name, "[" + String.join(", ", expressions) + "]");
    }
    flush();
    separate();
    out.append(indent()).append(name).append(" = [\n");
    for (String v : expressions) {
      out.append(indent()).append("  ").append(v).append(",\n");
    }
    out.append(indent()).append("]\n");
    blankBeforeNext = true;
    return this;
  }

  /** A {@code #} comment line before what comes next. */
  Hcl comment(String text) {
    flush();
    separate();
    out.append(indent()).append("# ").append(text).append('\n');
    commented = true;
    return this;
  }

  /** A blank line between top-level blocks and after multi-line attributes. */
  private void separate() {
    if (!commented && (blankBeforeNext || (depth == 0 && out.length() > 0))) {
      out.append('\n');
    }
    blankBeforeNext = false;
    commented = false;
  }

  private void flush() {
    if (pending.isEmpty()) {
      return;
    }
    separate();
    int width = pending.stream().mapToInt(p -> p[0].length()).max().orElse(0);
    for (String[] p : pending) {
      out.append(indent())
          .append(p[0])
          .append(" ".repeat(width - p[0].length()))
          .append(" = ")
          .append(p[1])
          .append('\n');
    }
    pending.clear();
    blankBeforeNext = true;
  }

  private String indent() {
    return "  ".repeat(depth);
  }

  /**
   * A quoted HCL string; <code>${</code> and <code>%{</code> are escaped so Terraform does not
   * interpolate them.
   */
  static String string(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean template =
          (c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{';
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\t' -> s.append("\\t");
        default -> s.append(template ? String.valueOf(c) + c : String.valueOf(c));
      }
    }
    return s.append('"').toString();
  }

  @Override
  public String toString() {
    flush();
    return out.toString();
  }
}
