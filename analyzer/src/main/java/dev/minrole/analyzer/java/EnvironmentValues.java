package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import dev.minrole.analyzer.model.ArgValue;
import java.util.List;
import java.util.Optional;

/**
 * The environment and system properties: {@code System.getenv("X")}, {@code
 * System.getenv().get("X")}, {@code getOrDefault("X", "d")}, {@code System.getProperty("x")}.
 */
final class EnvironmentValues implements JdkFamily {
  private final ValueEvaluator evaluator;

  EnvironmentValues(ValueEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  @Override
  public Optional<List<Value>> staticCall(String method, List<Expression> args, Frame frame) {
    return switch (method) {
      case "java.lang.System.getenv" ->
          Optional.of(
              args.isEmpty()
                  ? List.of(new Value.Environment())
                  : Values.eachString(evaluator.eval(args.get(0), frame), ArgValue.EnvVar::new));
      case "java.lang.System.getProperty" ->
          Optional.of(
              Values.eachString(evaluator.eval(args.get(0), frame), ArgValue.SystemProperty::new));
      default -> Optional.empty();
    };
  }

  @Override
  public boolean holds(List<Value> receiver) {
    return receiver.get(0) instanceof Value.Environment;
  }

  @Override
  public Optional<List<Value>> onValue(
      String name, List<Expression> args, List<Value> receiver, Frame frame) {
    if (("get".equals(name) || "getOrDefault".equals(name)) && !args.isEmpty()) {
      List<Value> vars =
          Values.eachString(evaluator.eval(args.get(0), frame), ArgValue.EnvVar::new);
      return Optional.of(
          args.size() > 1 ? Values.withFallback(vars, evaluator.eval(args.get(1), frame)) : vars);
    }
    return Optional.of(List.of(Value.opaque("the environment")));
  }
}
