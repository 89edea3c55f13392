package dev.minrole.analyzer.template;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The template's {@code Conditions}, evaluated when their inputs are known: {@code Fn::Equals} of
 * two known values, {@code Fn::Not}, {@code Fn::And} and {@code Fn::Or} (a known {@code false}, or
 * {@code true}, decides even when other operands are unknown), and {@code Condition} naming another
 * condition. Anything else, or an operand known only at deploy time, leaves the condition unknown.
 */
final class TemplateConditions {
  private final Template template;
  private final ResolutionState state;
  private final Function<TNode, Optional<String>> literal;

  /** {@code literal} gives a value's text when it has exactly one. */
  TemplateConditions(
      Template template, ResolutionState state, Function<TNode, Optional<String>> literal) {
    this.template = template;
    this.state = state;
    this.literal = literal;
  }

  /** A condition's value when its inputs are known. */
  Optional<Boolean> value(String name, TNode at) {
    Optional<TNode> definition = template.conditions().get(name);
    if (definition.isEmpty()) {
      state.error(at, "condition " + name + " is not defined in Conditions");
      return Optional.empty();
    }
    if (!state.enter("condition " + name)) {
      state.error(at, "reference cycle through condition " + name);
      return Optional.empty();
    }
    try {
      return evaluate(definition.get());
    } finally {
      state.leave("condition " + name);
    }
  }

  private Optional<Boolean> evaluate(TNode node) {
    if (!(node instanceof TNode.TMap map) || !map.isIntrinsic()) {
      return Optional.empty();
    }
    String function = map.entries().keySet().iterator().next();
    TNode argument = map.entries().get(function);
    List<TNode> items = argument.items();
    return switch (function) {
      case "Fn::Equals" -> equal(items);
      case "Fn::Not" -> items.size() == 1 ? evaluate(items.get(0)).map(v -> !v) : Optional.empty();
      case "Fn::And" -> decidedBy(items, false);
      case "Fn::Or" -> decidedBy(items, true);
      case "Condition" -> value(argument.text().orElse(""), node);
      default -> Optional.empty();
    };
  }

  private Optional<Boolean> equal(List<TNode> items) {
    if (items.size() != 2) {
      return Optional.empty();
    }
    Optional<String> a = literal.apply(items.get(0));
    Optional<String> b = literal.apply(items.get(1));
    return a.isPresent() && b.isPresent() ? Optional.of(a.get().equals(b.get())) : Optional.empty();
  }

  /**
   * {@code Fn::And} ({@code decisive} false) or {@code Fn::Or} ({@code decisive} true): the
   * decisive value as soon as one operand has it, the other value when every operand is known and
   * none has it, unknown otherwise.
   */
  private Optional<Boolean> decidedBy(List<TNode> items, boolean decisive) {
    boolean unknown = false;
    for (TNode item : items) {
      Optional<Boolean> v = evaluate(item);
      if (v.isPresent() && v.get() == decisive) {
        return Optional.of(decisive);
      }
      unknown |= v.isEmpty();
    }
    return unknown ? Optional.empty() : Optional.of(!decisive);
  }
}
