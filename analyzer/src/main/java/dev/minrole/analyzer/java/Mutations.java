package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builders, collections and string builders change after they are created: {@code b.bucket(x);},
 * {@code items.add(item);}, {@code sb.append(id);}. These helpers find such calls on a variable or
 * field and apply them, in source order, to the values the variable was created with.
 */
final class Mutations {
  private Mutations() {}

  /** The block a local variable or lambda parameter is visible in. */
  static Node scopeOf(Node declaration) {
    for (Node n = declaration.getParentNode().orElse(null);
        n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof BlockStmt
          || n instanceof LambdaExpr
          || n instanceof CallableDeclaration<?>) {
        return n;
      }
    }
    return declaration;
  }

  /**
   * Applies the calls made on the variable declared at {@code declaration} within {@code scope}.
   */
  static List<Value> apply(
      ValueEvaluator evaluator, List<Value> values, Node declaration, Node scope, Frame frame) {
    if (values.stream().noneMatch(Mutations::isMutable)) {
      return values;
    }
    List<Value> current = values;
    for (MethodCallExpr chain : chainsOn(scope, evaluator, declaration)) {
      if (isInside(chain, declaration)) {
        continue;
      }
      current = step(current, evaluator.withBinding(declaration, current, chain, frame));
    }
    return current;
  }

  /** Applies the calls made on a field, anywhere in reachable code of its class. */
  static List<Value> applyToField(ValueEvaluator evaluator, List<Value> values, FieldInfo field) {
    if (values.stream().noneMatch(Mutations::isMutable)) {
      return values;
    }
    List<Value> current = values;
    Analysis analysis = evaluator.analysis();
    for (MethodCallExpr call : field.owner().node().findAll(MethodCallExpr.class)) {
      if (!isChainRoot(call)) {
        continue;
      }
      Expression root = innermostScope(call);
      if (!refersToField(root, field, analysis)) {
        continue;
      }
      Optional<CodeUnit> unit = unitOf(call, analysis);
      if (unit.isEmpty() || !evaluator.isReachable(unit.get())) {
        continue;
      }
      current =
          step(
              current,
              evaluator.withBinding(
                  field.node(), current, call, ValueEvaluator.frameOf(unit.get())));
    }
    return current;
  }

  /** The writes to a field in its own class: {@code f = v}, {@code this.f = v}. */
  static List<Assignment> assignmentsTo(FieldInfo field, Analysis analysis) {
    List<Assignment> out = new ArrayList<>();
    for (AssignExpr assign : field.owner().node().findAll(AssignExpr.class)) {
      if (assign.getOperator() != AssignExpr.Operator.ASSIGN
          || !refersToField(assign.getTarget(), field, analysis)) {
        continue;
      }
      unitOf(assign, analysis).ifPresent(unit -> out.add(new Assignment(assign.getValue(), unit)));
    }
    return out;
  }

  /** The code unit a node runs in: its method or constructor, or its type's initialization. */
  static Optional<CodeUnit> unitOf(Node node, Analysis analysis) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof CallableDeclaration<?>) {
        return analysis.index().methodForNode(n).map(CodeUnit.Method::new);
      }
      if (n instanceof InitializerDeclaration init) {
        TypeInfo owner = analysis.names().enclosingType(init);
        return Optional.ofNullable(owner)
            .map(t -> init.isStatic() ? new CodeUnit.StaticInit(t) : new CodeUnit.InstanceInit(t));
      }
      if (n instanceof VariableDeclarator v
          && v.getParentNode().orElse(null)
              instanceof com.github.javaparser.ast.body.FieldDeclaration f) {
        TypeInfo owner = analysis.names().enclosingType(f);
        return Optional.ofNullable(owner)
            .map(t -> f.isStatic() ? new CodeUnit.StaticInit(t) : new CodeUnit.InstanceInit(t));
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings(
      "ReferenceEquality") // TypeIndex holds one FieldInfo per declaration; identity is meant
  private static boolean refersToField(Expression target, FieldInfo field, Analysis analysis) {
    if (target instanceof FieldAccessExpr access) {
      return access.getNameAsString().equals(field.name())
          && (access.getScope() instanceof ThisExpr
              || analysis.types().typeOf(access.getScope()).name().equals(field.owner().fqn()));
    }
    if (target instanceof NameExpr name && name.getNameAsString().equals(field.name())) {
      return analysis
          .variables()
          .lookup(field.name(), name)
          .map(r -> r instanceof VarRef.Field f && f.field() == field)
          .orElse(false);
    }
    return false;
  }

  private static List<MethodCallExpr> chainsOn(
      Node scope, ValueEvaluator evaluator, Node declaration) {
    List<MethodCallExpr> out = new ArrayList<>();
    String name =
        declaration instanceof VariableDeclarator v
            ? v.getNameAsString()
            : ((com.github.javaparser.ast.body.Parameter) declaration).getNameAsString();
    for (MethodCallExpr call : scope.findAll(MethodCallExpr.class)) {
      if (isChainRoot(call)
          && innermostScope(call) instanceof NameExpr root
          && root.getNameAsString().equals(name)
          && evaluator.refersTo(root, declaration)) {
        out.add(call);
      }
    }
    return out;
  }

  /** True for the outermost call of a chain such as {@code b.bucket(x).key(y)}. */
  @SuppressWarnings("ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
  private static boolean isChainRoot(MethodCallExpr call) {
    return !(call.getParentNode().orElse(null) instanceof MethodCallExpr parent
        && parent.getScope().map(s -> s == call).orElse(false));
  }

  private static Expression innermostScope(MethodCallExpr call) {
    Expression current = call;
    while (current instanceof MethodCallExpr m && m.getScope().isPresent()) {
      current = m.getScope().get();
    }
    return current;
  }

  @SuppressWarnings("ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
  private static boolean isInside(Node node, Node container) {
    for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
      if (n == container) {
        return true;
      }
    }
    return false;
  }

  /** The new values after a call, if the call returned the same kind of object. */
  private static List<Value> step(List<Value> current, List<Value> result) {
    if (result.isEmpty() || current.isEmpty()) {
      return current;
    }
    Value before = current.get(0);
    boolean sameKind =
        result.stream()
            .allMatch(
                r ->
                    (r instanceof Value.Obj o
                            && before instanceof Value.Obj b
                            && o.type().equals(b.type()))
                        || (r instanceof Value.Seq && before instanceof Value.Seq)
                        || (r instanceof Value.Text && before instanceof Value.Text)
                        || (r instanceof Value.Entries && before instanceof Value.Entries));
    return sameKind ? result : current;
  }

  private static boolean isMutable(Value value) {
    return value instanceof Value.Obj
        || value instanceof Value.Text
        || value instanceof Value.Seq
        || value instanceof Value.Entries;
  }
}
