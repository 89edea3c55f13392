package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import java.util.List;
import java.util.Optional;

/**
 * A place in reachable code that calls a method of the sources: a call, a {@code new}, an explicit
 * {@code this(...)} or {@code super(...)}, or a method reference (whose arguments are not known).
 */
record CallSite(Node node, CodeUnit caller, Optional<List<Expression>> arguments) {
  CallSite {
    arguments = arguments.map(List::copyOf);
  }

  static CallSite withArguments(Node node, CodeUnit caller, List<Expression> arguments) {
    return new CallSite(node, caller, Optional.of(arguments));
  }

  static CallSite opaque(Node node, CodeUnit caller) {
    return new CallSite(node, caller, Optional.empty());
  }

  /** Two call sites are the same place in the code: JavaParser nodes compare by identity here. */
  @Override
  @SuppressWarnings("ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
  public boolean equals(Object other) {
    return other instanceof CallSite c
        && c.node == node
        && java.util.Objects.equals(c.caller, caller);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(node);
  }
}
