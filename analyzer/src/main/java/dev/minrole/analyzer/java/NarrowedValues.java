package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.RecordPatternExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import java.util.Optional;

/**
 * Values that are another value seen through a narrower type: a cast, an {@code instanceof} pattern
 * variable, a {@code case Type t} pattern variable. A component of a record pattern narrows no
 * expression of its own and is not one.
 */
final class NarrowedValues {
  private NarrowedValues() {}

  /** The expression {@code value} narrows, if it is a cast or a pattern variable. */
  static Optional<Expression> scrutinee(Expression value, Variables variables) {
    Expression e = value;
    while (e instanceof EnclosedExpr enclosed) {
      e = enclosed.getInner();
    }
    if (e instanceof CastExpr cast) {
      return Optional.of(cast.getExpression());
    }
    if (!(e instanceof NameExpr name)) {
      return Optional.empty();
    }
    Optional<VarRef> ref = variables.lookup(name.getNameAsString(), name);
    if (ref.isEmpty()
        || !(ref.get() instanceof VarRef.Other other)
        || !(other.declaration() instanceof TypePatternExpr pattern)) {
      return Optional.empty();
    }
    for (Node n = pattern.getParentNode().orElse(null);
        n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof InstanceOfExpr instanceOf) {
        return Optional.of(instanceOf.getExpression());
      }
      if (n instanceof SwitchEntry entry) {
        Optional<Node> owner = entry.getParentNode();
        if (owner.isPresent() && owner.get() instanceof SwitchStmt stmt) {
          return Optional.of(stmt.getSelector());
        }
        if (owner.isPresent() && owner.get() instanceof SwitchExpr expr) {
          return Optional.of(expr.getSelector());
        }
        return Optional.empty();
      }
      if (n instanceof RecordPatternExpr || !(n instanceof Expression)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
