package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How SDK request builders collect values: {@code GetObjectRequest.builder()} starts an empty
 * request, every setter ({@code .bucket(x)}) records its argument under the setter's name, a
 * consumer lambda ({@code .s3Object(o -> o.bucket(b))}) builds a nested structure, and {@code
 * build()} keeps what was set. The setter names are mapped to model member names later, with the
 * SDK inventory.
 */
final class SdkBuilders {
  static final String SDK_PREFIX = "software.amazon.awssdk.";
  static final String NESTED = "#nested";
  private static final Set<String> IDENTITY = Set.of("build", "toBuilder", "copy", "builder");

  private SdkBuilders() {}

  /** {@code X.builder()} on an SDK class starts an empty object of type X. */
  static Optional<List<Value>> staticCall(String owner, MethodCallExpr call) {
    String name = call.getNameAsString();
    if (owner.startsWith(SDK_PREFIX)
        && call.getArguments().isEmpty()
        && ("builder".equals(name) || "crtBuilder".equals(name))) {
      return Optional.of(List.of(Value.Obj.empty(owner)));
    }
    return Optional.empty();
  }

  /** A call on a request builder, a built request, or a nested structure builder. */
  static Optional<List<Value>> onValue(
      ValueEvaluator evaluator, MethodCallExpr call, List<Value> receiver, Frame frame) {
    if (receiver.isEmpty() || !receiver.stream().allMatch(SdkBuilders::isBuildable)) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    List<Expression> args = call.getArguments();
    if (IDENTITY.contains(name) && args.isEmpty()) {
      return Optional.of(receiver);
    }
    if ("applyMutation".equals(name) && args.size() == 1 && args.get(0) instanceof LambdaExpr lambda) {
      return Optional.of(evaluator.applyLambda(lambda, receiver, frame));
    }
    if (args.isEmpty()) {
      List<Value> read = new ArrayList<>();
      receiver.forEach(r -> read.addAll(((Value.Obj) r).props().getOrDefault(name, List.of())));
      return Optional.of(read.isEmpty() ? List.of(Value.opaque(name + " of a request")) : read);
    }
    List<Value> values;
    if (args.size() == 1 && args.get(0) instanceof LambdaExpr lambda) {
      values = evaluator.applyLambda(lambda, List.of(Value.Obj.empty(NESTED)), frame);
    } else if (args.size() == 1) {
      values = evaluator.eval(args.get(0), frame);
    } else {
      values = List.of(evaluator.sequence(args, frame));
    }
    List<Value> out = new ArrayList<>();
    for (Value r : receiver) {
      out.add(((Value.Obj) r).with(name, values));
    }
    return Optional.of(out);
  }

  private static boolean isBuildable(Value value) {
    return value instanceof Value.Obj obj
        && (obj.type().startsWith(SDK_PREFIX) || obj.type().equals(NESTED));
  }
}
