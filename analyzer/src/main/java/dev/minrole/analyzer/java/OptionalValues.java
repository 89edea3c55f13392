package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code Optional}: what it holds, its fallbacks, and what {@code map} makes of it. */
final class OptionalValues implements JdkFamily {
  private final ValueEvaluator evaluator;

  OptionalValues(ValueEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  @Override
  public Optional<List<Value>> staticCall(String method, List<Expression> args, Frame frame) {
    return switch (method) {
      case "java.util.Optional.of", "java.util.Optional.ofNullable" ->
          Optional.of(List.of(new Value.Maybe(evaluator.eval(args.get(0), frame))));
      case "java.util.Optional.empty" -> Optional.of(List.of(new Value.Maybe(List.of())));
      default -> Optional.empty();
    };
  }

  @Override
  public boolean holds(List<Value> receiver) {
    return receiver.get(0) instanceof Value.Maybe;
  }

  @Override
  public Optional<List<Value>> onValue(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    List<Value> held = held(receiver);
    switch (name) {
      case "get", "orElseThrow" -> {
        return Optional.of(held);
      }
      case "orElse" -> {
        return Optional.of(Values.withFallback(held, evaluator.eval(args.get(0), frame)));
      }
      case "orElseGet" -> {
        return Optional.of(
            args.get(0) instanceof LambdaExpr lambda
                ? Values.withFallback(held, evaluator.applyLambda(lambda, List.of(), frame))
                : held);
      }
      case "map" -> {
        if (args.get(0) instanceof LambdaExpr lambda) {
          return Optional.of(List.of(new Value.Maybe(evaluator.applyLambda(lambda, held, frame))));
        }
        return Optional.of(List.of(Value.opaque("mapped optional")));
      }
      case "filter" -> {
        return Optional.of(receiver);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** The values the optionals hold; an object that is not an optional holds an unknown value. */
  static List<Value> held(List<Value> receiver) {
    List<Value> held = new ArrayList<>();
    for (Value v : receiver) {
      if (v instanceof Value.Maybe maybe) {
        held.addAll(maybe.held());
      } else {
        held.add(Value.opaque("the value of an unknown optional"));
      }
    }
    return held;
  }
}
