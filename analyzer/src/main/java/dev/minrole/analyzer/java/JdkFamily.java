package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import java.util.List;
import java.util.Optional;

/**
 * One family of JDK types whose effect on values the evaluator models: strings, string builders,
 * optionals, collections, the environment, futures. Each answers for its own constructors, static
 * methods and the calls on its values; anything it does not model is left to the caller.
 */
interface JdkFamily {

  /** {@code new type(args)}, if the type is one of this family's. */
  default Optional<List<Value>> creation(String type, List<Expression> args, Frame frame) {
    return Optional.empty();
  }

  /** A static method, named {@code owner.method} ({@code java.util.List.of}). */
  default Optional<List<Value>> staticCall(String method, List<Expression> args, Frame frame) {
    return Optional.empty();
  }

  /** True if the values a call is made on are this family's. */
  boolean holds(List<Value> receiver);

  /** A call of {@code name} on values this family {@link #holds}. */
  Optional<List<Value>> onValue(
      String name, List<Expression> args, List<Value> receiver, Frame frame);
}
