package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Terraform string templates whose interpolations are still text (heredocs, file contents, quoted
 * strings with <code>$${</code> escapes): {@code ${expression}} is evaluated, <code>$${</code> and
 * <code>%%{</code> are literal, a {@code %{...}} directive is unknown. A heredoc or file that is a
 * JSON document is a {@link TfValue.Json} whose strings are templates, so a policy keeps its
 * structure and the line of each statement.
 */
final class HclTemplates {
  private HclTemplates() {}

  static TfValue evaluate(
      String raw, SourceLocation at, Scope scope, TerraformEvaluator evaluator) {
    String trimmed = raw.strip();
    if ((trimmed.startsWith("{") && trimmed.endsWith("}"))
        || (trimmed.startsWith("[") && trimmed.endsWith("]") && trimmed.contains("\""))) {
      Optional<TfValue> json =
          JsonValues.parse(
              raw,
              at.file(),
              at.line(),
              (s, line) -> string(s, SourceLocation.of(at.file(), line), scope, evaluator));
      if (json.isPresent()) {
        return new TfValue.Json(json.get(), at);
      }
    }
    return string(raw, at, scope, evaluator);
  }

  /** One string template. */
  static TfValue string(String raw, SourceLocation at, Scope scope, TerraformEvaluator evaluator) {
    if (!raw.contains("${") && !raw.contains("%{")) {
      return TfValue.text(raw, at);
    }
    List<TfValue> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < raw.length()) {
      if (raw.startsWith("$${", i) || raw.startsWith("%%{", i)) {
        literal.append(raw.charAt(i)).append('{');
        i += 3;
        continue;
      }
      boolean interpolation = raw.startsWith("${", i);
      if (!interpolation && !raw.startsWith("%{", i)) {
        literal.append(raw.charAt(i++));
        continue;
      }
      int end = closing(raw, i + 2);
      if (end < 0) {
        literal.append(raw.substring(i));
        break;
      }
      parts.add(TfValue.text(literal.toString(), at));
      literal.setLength(0);
      String inside = raw.substring(i + 2, end).strip();
      if (interpolation) {
        inside = inside.replaceFirst("^~", "").replaceFirst("~$", "").strip();
        Optional<HclExpr> expression = HclReader.expression(inside, at.line(), at.file());
        parts.add(
            expression
                .map(e -> evaluator.evaluate(e, scope))
                .orElse(TfValue.unknown("${" + inside + "}, which minrole cannot parse", at)));
      } else {
        parts.add(
            new TfValue.Text(
                List.of(ArgValue.unknown("the template directive %{" + inside + "}")), at));
      }
      i = end + 1;
    }
    parts.add(TfValue.text(literal.toString(), at));
    return evaluator.concat(parts, at);
  }

  /** The index of the brace that closes an interpolation starting at {@code from}, or -1. */
  private static int closing(String raw, int from) {
    int depth = 0;
    boolean quoted = false;
    for (int i = from; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }
}
