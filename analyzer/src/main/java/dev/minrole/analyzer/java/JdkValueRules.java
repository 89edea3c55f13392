package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the JDK methods that build strings and collections do to values, one {@link JdkFamily} per
 * family of types: strings, string builders, optionals, collections and streams, the environment,
 * futures. Anything no family models is left to the caller.
 */
final class JdkValueRules {
  /** Methods of Optional, Iterable and Stream whose first lambda receives the held values. */
  private static final Set<String> ELEMENT_CONSUMERS =
      Set.of(
          "ifPresent",
          "ifPresentOrElse",
          "forEach",
          "forEachOrdered",
          "filter",
          "anyMatch",
          "allMatch",
          "noneMatch",
          "removeIf",
          "peek",
          "takeWhile",
          "dropWhile",
          "flatMap");

  private final ValueEvaluator evaluator;
  private final List<JdkFamily> families;

  JdkValueRules(ValueEvaluator evaluator) {
    this.evaluator = evaluator;
    this.families =
        List.of(
            new StringValues(evaluator),
            new TextValues(evaluator),
            new OptionalValues(evaluator),
            new CollectionValues(evaluator),
            new EnvironmentValues(evaluator),
            new FutureValues());
  }

  /** {@code new StringBuilder(x)}, {@code new ArrayList<>(list)}, {@code new HashMap<>()}. */
  List<Value> creation(ObjectCreationExpr creation, Frame frame) {
    String type = evaluator.analysis().types().typeOf(creation).name();
    for (JdkFamily family : families) {
      Optional<List<Value>> made = family.creation(type, creation.getArguments(), frame);
      if (made.isPresent()) {
        return made.get();
      }
    }
    return List.of(Value.opaque("new " + creation.getType().getNameAsString()));
  }

  /** Static JDK methods: {@code System.getenv}, {@code String.format}, {@code List.of}, ... */
  Optional<List<Value>> staticCall(String owner, MethodCallExpr call, Frame frame) {
    String method = owner + "." + call.getNameAsString();
    for (JdkFamily family : families) {
      Optional<List<Value>> result = family.staticCall(method, call.getArguments(), frame);
      if (result.isPresent()) {
        return result;
      }
    }
    return Optional.empty();
  }

  /** Calls on a value the evaluator already knows: strings, builders, optionals, collections. */
  Optional<List<Value>> onValue(MethodCallExpr call, List<Value> receiver, Frame frame) {
    if (receiver.isEmpty()) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    List<Expression> args = call.getArguments();
    if (("name".equals(name) || "toString".equals(name))
        && args.isEmpty()
        && receiver.stream().allMatch(JdkValueRules::isEnumConstant)) {
      List<Value> names = new ArrayList<>();
      receiver.forEach(v -> names.add(new Value.Str(Values.toArg(v))));
      return Optional.of(names);
    }
    for (JdkFamily family : families) {
      if (family.holds(receiver)) {
        return family.onValue(name, args, receiver, frame);
      }
    }
    return Optional.empty();
  }

  /**
   * What a JDK method hands to the lambda it is given: an {@code Optional}'s value to {@code
   * ifPresent}, a collection's or stream's elements to {@code forEach}, {@code filter}, {@code
   * anyMatch}. Empty when the lambda is given to anything else or the receiver is not known.
   */
  @SuppressWarnings("ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
  Optional<List<Value>> lambdaArgument(VarRef.LambdaParam param, Frame frame) {
    if (param.index() != 0
        || !(param.lambda().getParentNode().orElse(null) instanceof MethodCallExpr call)
        || call.getScope().isEmpty()
        || !ELEMENT_CONSUMERS.contains(call.getNameAsString())
        || call.getArguments().isEmpty()
        || call.getArgument(0) != param.lambda()) {
      return Optional.empty();
    }
    List<Value> out = new ArrayList<>();
    for (Value receiver : evaluator.eval(call.getScope().get(), frame)) {
      if (receiver instanceof Value.Maybe maybe) {
        out.addAll(maybe.held());
      } else if (receiver instanceof Value.Seq seq) {
        out.addAll(seq.elements());
      } else {
        return Optional.empty();
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(Values.dedupe(out));
  }

  private static boolean isEnumConstant(Value v) {
    return v instanceof Value.Alloc a
        && a.site() instanceof com.github.javaparser.ast.body.EnumConstantDeclaration;
  }
}
