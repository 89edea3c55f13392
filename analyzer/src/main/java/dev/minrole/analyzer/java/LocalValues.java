package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The values of local variables: a read takes the values of the definitions that reach it ({@link
 * ReachingDefinitions}), and each definition is evaluated once per calling context, so a chain of
 * reassignments such as {@code key = key + part} costs one evaluation per assignment.
 *
 * <p>A definition that reaches itself through a loop ({@code key += part} in a loop) cannot be
 * evaluated to a fixed list. When the variable is appended to ({@code key = key + part}), the loop
 * adds an unknown tail to what it started with, so the known prefix survives ({@code exports/*});
 * otherwise the value is unknown.
 *
 * <p>Results are memoized per definition and frame while the lambda-parameter bindings of the
 * evaluator stay the same; {@link #enter()} and {@link #leave()} bracket a change of bindings.
 */
final class LocalValues {
  private static final String LOOP = "changes in a loop";

  private final ValueEvaluator evaluator;
  private final Variables variables;
  private final IdentityHashMap<Node, ReachingDefinitions> bodies = new IdentityHashMap<>();
  private final FrameMemo memo = new FrameMemo();
  private final Set<FrameMemo.Key> inProgress = new java.util.HashSet<>();

  LocalValues(ValueEvaluator evaluator, Variables variables) {
    this.evaluator = evaluator;
    this.variables = variables;
  }

  /** Starts a new memo: the evaluator bound a lambda parameter or variable. */
  void enter() {
    memo.enter();
  }

  /** Goes back to the memo from before the matching {@link #enter()}. */
  void leave() {
    memo.leave();
  }

  /** The values of {@code declarator} where {@code read} reads it. */
  List<Value> read(NameExpr read, VariableDeclarator declarator, Frame frame) {
    warm(declarator, frame);
    List<Node> defs = definitionsReaching(read, declarator);
    return values(defs, declarator, frame, isAppendedTo(read, declarator));
  }

  /** Every value {@code declarator} can have anywhere in its scope. */
  List<Value> anywhere(VariableDeclarator declarator, Frame frame) {
    return values(allDefinitions(declarator), declarator, frame, false);
  }

  private List<Value> values(
      List<Node> defs, VariableDeclarator declarator, Frame frame, boolean appended) {
    List<Value> values = new ArrayList<>();
    boolean cyclic = false;
    for (Node def : defs) {
      List<Value> v = definition(def, declarator, frame);
      if (v == null) {
        cyclic = true;
      } else {
        values.addAll(v);
      }
    }
    if (cyclic) {
      values = loopValues(values, appended);
    }
    if (values.isEmpty()) {
      values.add(Value.opaque("variable " + declarator.getNameAsString()));
    }
    Node scope = Mutations.scopeOf(declarator);
    return Mutations.apply(evaluator, Values.dedupe(values), declarator, scope, frame);
  }

  /**
   * Evaluates every definition of a body in the order of the code, once per frame, so that each
   * finds the definitions it reads already evaluated: a chain of a thousand assignments is then a
   * thousand shallow evaluations, not one a thousand calls deep.
   */
  @SuppressWarnings("ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
  private void warm(VariableDeclarator declarator, Frame frame) {
    if (memo.contains(declarator.getName(), frame)) {
      return;
    }
    memo.put(declarator.getName(), frame, List.of());
    ReachingDefinitions defs = definitions(ReachingDefinitions.bodyOf(declarator));
    for (Node def : defs.definitionsInOrder()) {
      if (defs.variableOf(def) == declarator) {
        definition(def, declarator, frame);
      }
    }
  }

  private ReachingDefinitions definitions(Node body) {
    return bodies.computeIfAbsent(body, b -> ReachingDefinitions.of(b, variables));
  }

  /** What a loop makes of the values a variable entered it with. */
  private static List<Value> loopValues(List<Value> entering, boolean appended) {
    if (!appended || entering.isEmpty()) {
      List<Value> out = new ArrayList<>(entering);
      out.add(Value.opaque(LOOP));
      return out;
    }
    List<Value> out = new ArrayList<>(entering);
    for (Value start : entering) {
      out.add(
          new Value.Str(
              ArgValue.concat(
                  List.of(Values.toArg(start), ArgValue.unknown("appended to in a loop")))));
    }
    return out;
  }

  /** The values one definition gives, or null while it is being evaluated (a loop). */
  private List<Value> definition(Node def, VariableDeclarator declarator, Frame frame) {
    FrameMemo.Key key = new FrameMemo.Key(def, frame);
    List<Value> cached = memo.get(def, frame);
    if (cached != null) {
      return cached;
    }
    if (!inProgress.add(key)) {
      return null;
    }
    try {
      List<Value> values = compute(def, declarator, frame);
      memo.put(def, frame, values);
      return values;
    } finally {
      inProgress.remove(key);
    }
  }

  private List<Value> compute(Node def, VariableDeclarator declarator, Frame frame) {
    if (def instanceof VariableDeclarator v) {
      if (v.getInitializer().isPresent()) {
        return evaluator.eval(v.getInitializer().get(), frame);
      }
      if (v.getParentNode().flatMap(Node::getParentNode).orElse(null) instanceof ForEachStmt loop) {
        return evaluator.loopElements(loop, frame);
      }
      return List.of();
    }
    if (def instanceof AssignExpr assign) {
      if (assign.getOperator() == AssignExpr.Operator.ASSIGN) {
        return evaluator.eval(assign.getValue(), frame);
      }
      if (assign.getOperator() == AssignExpr.Operator.PLUS) {
        List<Value> before =
            values(definitionsReaching(assign, declarator), declarator, frame, true);
        return evaluator.concat(List.of(before, evaluator.eval(assign.getValue(), frame)));
      }
      return List.of(Value.opaque("variable " + declarator.getNameAsString() + " is computed"));
    }
    if (def instanceof UnaryExpr) {
      return List.of(Value.opaque("a counter"));
    }
    return List.of(Value.opaque("variable " + declarator.getNameAsString()));
  }

  private List<Node> definitionsReaching(Node use, VariableDeclarator declarator) {
    return definitions(ReachingDefinitions.bodyOf(declarator))
        .at(use)
        .orElseGet(() -> allDefinitions(declarator));
  }

  /** The declarator and every assignment or increment of it in its scope. */
  private List<Node> allDefinitions(VariableDeclarator declarator) {
    List<Node> out = new ArrayList<>();
    out.add(declarator);
    Node scope = Mutations.scopeOf(declarator);
    String name = declarator.getNameAsString();
    for (AssignExpr assign : scope.findAll(AssignExpr.class)) {
      if (assign.getTarget() instanceof NameExpr target
          && target.getNameAsString().equals(name)
          && evaluator.refersTo(target, declarator)) {
        out.add(assign);
      }
    }
    for (UnaryExpr unary : scope.findAll(UnaryExpr.class)) {
      if (unary.getExpression() instanceof NameExpr target
          && target.getNameAsString().equals(name)
          && evaluator.refersTo(target, declarator)
          && ReachingDefinitions.changes(unary)) {
        out.add(unary);
      }
    }
    return out;
  }

  /**
   * True if {@code read} is the start of a concatenation that is assigned back to the same
   * variable: {@code key = key + part}.
   */
  @SuppressWarnings("ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
  private static boolean isAppendedTo(NameExpr read, VariableDeclarator declarator) {
    Node child = read;
    Node parent = read.getParentNode().orElse(null);
    while (parent instanceof EnclosedExpr
        || (parent instanceof BinaryExpr b
            && b.getOperator() == BinaryExpr.Operator.PLUS
            && b.getLeft() == child)) {
      child = parent;
      parent = parent.getParentNode().orElse(null);
    }
    return child != read
        && parent instanceof AssignExpr assign
        && assign.getValue() == child
        && assign.getTarget() instanceof NameExpr target
        && target.getNameAsString().equals(declarator.getNameAsString());
  }
}
