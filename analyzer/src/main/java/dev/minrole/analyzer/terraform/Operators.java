package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.SourceLocation;
import java.math.BigDecimal;
import java.util.Optional;

/** HCL's arithmetic, comparison and logical operators on values known before apply. */
final class Operators {
  private Operators() {}

  static TfValue binary(String operator, TfValue left, TfValue right, SourceLocation at) {
    if (operator.equals("==") || operator.equals("!=")) {
      Optional<Boolean> same = equal(left, right);
      return same.<TfValue>map(b -> bool(b == operator.equals("=="), at))
          .orElse(TfValue.unknown("a comparison known only at apply", at));
    }
    Optional<String> a = left.literal();
    Optional<String> b = right.literal();
    if (a.isEmpty() || b.isEmpty()) {
      return TfValue.unknown("an operation on values known only at apply", at);
    }
    if (operator.equals("&&") || operator.equals("||")) {
      boolean x = a.get().equals("true");
      boolean y = b.get().equals("true");
      return bool(operator.equals("&&") ? x && y : x || y, at);
    }
    BigDecimal x;
    BigDecimal y;
    try {
      x = new BigDecimal(a.get());
      y = new BigDecimal(b.get());
    } catch (NumberFormatException e) {
      return TfValue.unknown("arithmetic on text", at);
    }
    return switch (operator) {
      case "+" -> number(x.add(y), at);
      case "-" -> number(x.subtract(y), at);
      case "*" -> number(x.multiply(y), at);
      case "<" -> bool(x.compareTo(y) < 0, at);
      case ">" -> bool(x.compareTo(y) > 0, at);
      case "<=" -> bool(x.compareTo(y) <= 0, at);
      case ">=" -> bool(x.compareTo(y) >= 0, at);
      default -> TfValue.unknown("the operator " + operator, at);
    };
  }

  static TfValue unary(String operator, TfValue operand, SourceLocation at) {
    Optional<String> value = operand.literal();
    if (value.isEmpty()) {
      return TfValue.unknown("an operation on a value known only at apply", at);
    }
    if (operator.equals("!")) {
      return bool(!value.get().equals("true"), at);
    }
    try {
      return number(new BigDecimal(value.get()).negate(), at);
    } catch (NumberFormatException e) {
      return TfValue.unknown("arithmetic on text", at);
    }
  }

  private static Optional<Boolean> equal(TfValue left, TfValue right) {
    if (left.isNull() || right.isNull()) {
      return Optional.of(left.isNull() && right.isNull());
    }
    Optional<String> a = left.literal();
    Optional<String> b = right.literal();
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(a.get().equals(b.get()));
  }

  private static TfValue bool(boolean value, SourceLocation at) {
    return TfValue.text(String.valueOf(value), at);
  }

  private static TfValue number(BigDecimal value, SourceLocation at) {
    return TfValue.text(value.stripTrailingZeros().toPlainString(), at);
  }
}
