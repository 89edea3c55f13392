package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which assignments to a local variable can reach each place the variable is read, in one body (a
 * method, constructor, initializer or lambda). A definition is the declarator (its initializer, or
 * a for-each element), an assignment {@code x = v} or {@code x += v}, or {@code x++}.
 *
 * <p>The walk is one pass over the statements, so its cost is linear in the code. Branches merge
 * their definitions; {@code break}, {@code continue}, {@code return}, {@code throw} and {@code
 * yield} end a path. A loop's head is reached by its entry and by every definition inside the loop
 * (a sound shortcut for the back edge, so nested loops cost no more than one pass); a {@code catch}
 * or {@code finally} by everything the {@code try} block could have done. Reads inside lambdas and
 * inner classes are not recorded: the locals they capture are effectively final.
 *
 * <p>It is one class of about 550 lines because it is one walk with one method per kind of Java
 * statement and expression that can define or end a path; the set of definitions ({@code Defs}) and
 * the jump targets ({@code Target}) are small nested values of that walk.
 */
final class ReachingDefinitions {
  private final Variables variables;
  private final IdentityHashMap<Node, List<Node>> reaching = new IdentityHashMap<>();
  private final IdentityHashMap<Node, VariableDeclarator> definitions = new IdentityHashMap<>();
  private final List<Node> definitionOrder = new ArrayList<>();
  private final Deque<Target> targets = new ArrayDeque<>();

  private final java.util.Set<String> trackedNames = new java.util.HashSet<>();
  private final java.util.Set<VariableDeclarator> tracked =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private ReachingDefinitions(Variables variables) {
    this.variables = variables;
  }

  /**
   * The definitions of every local read in {@code body} that is assigned after its declaration. A
   * local that is never assigned again (most are) has one definition, its declarator, and is not
   * tracked, so a long method costs no more than its reassigned variables.
   */
  static ReachingDefinitions of(Node body, Variables variables) {
    ReachingDefinitions out = new ReachingDefinitions(variables);
    out.findReassigned(body);
    if (body instanceof Statement statement) {
      out.statement(statement, Defs.EMPTY);
    } else if (body instanceof Expression expression) {
      out.expression(expression, Defs.EMPTY);
    }
    return out;
  }

  /**
   * The definitions that reach {@code use}: a read of a local ({@link NameExpr}), or a compound
   * assignment or increment (whose old value it reads). Empty if the walk did not see it.
   */
  Optional<List<Node>> at(Node use) {
    return Optional.ofNullable(reaching.get(use));
  }

  private void findReassigned(Node body) {
    for (Node n : descendants(body)) {
      Expression target =
          n instanceof AssignExpr assign
              ? assign.getTarget()
              : n instanceof UnaryExpr unary && changes(unary) ? unary.getExpression() : null;
      if (target instanceof NameExpr name) {
        variables
            .lookup(name.getNameAsString(), name)
            .filter(r -> r instanceof VarRef.Local)
            .map(r -> ((VarRef.Local) r).declarator())
            .ifPresent(
                v -> {
                  tracked.add(v);
                  trackedNames.add(v.getNameAsString());
                });
      }
    }
  }

  /** Every definition in the body, in the order the walk met them (the order of the code). */
  List<Node> definitionsInOrder() {
    return List.copyOf(definitionOrder);
  }

  /** The variable a definition of {@link #definitionsInOrder()} defines. */
  VariableDeclarator variableOf(Node definition) {
    return definitions.get(definition);
  }

  private void defined(VariableDeclarator v, Node def) {
    if (definitions.put(def, v) == null) {
      definitionOrder.add(def);
    }
  }

  /** The body whose definitions a local's reads depend on: its method, initializer or lambda. */
  static Node bodyOf(Node declaration) {
    for (Node n = declaration.getParentNode().orElse(null);
        n != null;
        n = n.getParentNode().orElse(null)) {
      if (n instanceof LambdaExpr lambda) {
        return lambda.getBody();
      }
      if (n instanceof com.github.javaparser.ast.body.CallableDeclaration<?>
          || n instanceof com.github.javaparser.ast.body.InitializerDeclaration) {
        return n.getChildNodes().stream().filter(c -> c instanceof BlockStmt).findFirst().orElse(n);
      }
    }
    return declaration;
  }

  /** Every definition of each local inside {@code node}, for the heads of loops. */
  private Defs definitionsInside(Node node, Defs into) {
    Defs out = into;
    for (Node n : descendants(node)) {
      if (n instanceof VariableDeclarator v && tracked.contains(v)) {
        out = out.with(v, v);
      } else if (n instanceof AssignExpr assign) {
        Optional<VariableDeclarator> target = local(assign.getTarget());
        if (target.isPresent()) {
          out = out.with(target.get(), assign);
        }
      } else if (n instanceof UnaryExpr unary && changes(unary)) {
        Optional<VariableDeclarator> target = local(unary.getExpression());
        if (target.isPresent()) {
          out = out.with(target.get(), unary);
        }
      }
    }
    return out;
  }

  /** The nodes under {@code node}, not looking into lambdas or class bodies. */
  private static List<Node> descendants(Node node) {
    List<Node> out = new ArrayList<>();
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(node);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      out.add(n);
      if (n instanceof LambdaExpr || n instanceof LocalClassDeclarationStmt) {
        continue;
      }
      for (Node child : n.getChildNodes()) {
        if (!(child instanceof com.github.javaparser.ast.body.BodyDeclaration<?>)) {
          stack.push(child);
        }
      }
    }
    return out;
  }

  static boolean changes(UnaryExpr unary) {
    return switch (unary.getOperator()) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
      default -> false;
    };
  }

  /** The tracked local a name refers to, if it is one. */
  private Optional<VariableDeclarator> local(Expression target) {
    if (target instanceof NameExpr name && trackedNames.contains(name.getNameAsString())) {
      return variables
          .lookup(name.getNameAsString(), name)
          .filter(r -> r instanceof VarRef.Local)
          .map(r -> ((VarRef.Local) r).declarator())
          .filter(tracked::contains);
    }
    return Optional.empty();
  }

  // ---- statements: each returns the definitions after it, or null when no path goes on

  private Defs statement(Statement s, Defs in) {
    if (in == null) {
      return null;
    }
    if (s instanceof BlockStmt block) {
      Defs out = in;
      for (Statement inner : block.getStatements()) {
        out = statement(inner, out);
        if (out == null) {
          return null;
        }
      }
      return out;
    }
    if (s instanceof com.github.javaparser.ast.stmt.ExpressionStmt e) {
      return expression(e.getExpression(), in);
    }
    if (s instanceof IfStmt branch) {
      Defs afterCondition = expression(branch.getCondition(), in);
      Defs then = statement(branch.getThenStmt(), afterCondition);
      Defs otherwise =
          branch.getElseStmt().map(e -> statement(e, afterCondition)).orElse(afterCondition);
      return Defs.merge(then, otherwise);
    }
    if (s instanceof WhileStmt loop) {
      Defs head = definitionsInside(loop, in);
      Defs afterCondition = expression(loop.getCondition(), head);
      Target target = push(s);
      statement(loop.getBody(), afterCondition);
      targets.pop();
      return Defs.merge(afterCondition, target.breaks);
    }
    if (s instanceof DoStmt loop) {
      Defs head = definitionsInside(loop, in);
      Target target = push(s);
      Defs body = statement(loop.getBody(), head);
      targets.pop();
      Defs afterCondition = expression(loop.getCondition(), Defs.merge(body, target.continues));
      return Defs.merge(afterCondition, target.breaks);
    }
    if (s instanceof ForStmt loop) {
      Defs init = in;
      for (Expression e : loop.getInitialization()) {
        init = expression(e, init);
      }
      Defs head = definitionsInside(loop, init);
      Defs afterCondition = loop.getCompare().map(c -> expression(c, head)).orElse(head);
      Target target = push(s);
      Defs body = statement(loop.getBody(), afterCondition);
      targets.pop();
      Defs update = Defs.merge(body, target.continues);
      for (Expression e : loop.getUpdate()) {
        update = update == null ? null : expression(e, update);
      }
      return Defs.merge(loop.getCompare().isPresent() ? afterCondition : null, target.breaks);
    }
    if (s instanceof ForEachStmt loop) {
      Defs afterIterable = expression(loop.getIterable(), in);
      loop.getVariable().getVariables().stream()
          .filter(tracked::contains)
          .forEach(v -> defined(v, v));
      Defs head = definitionsInside(loop, afterIterable);
      Target target = push(s);
      statement(loop.getBody(), head);
      targets.pop();
      return Defs.merge(head, target.breaks);
    }
    if (s instanceof SwitchStmt sw) {
      Defs selected = expression(sw.getSelector(), in);
      Target target = push(s);
      Defs out = switchEntries(sw.getEntries(), selected);
      targets.pop();
      return Defs.merge(out, target.breaks);
    }
    if (s instanceof TryStmt attempt) {
      return tryStatement(attempt, in);
    }
    if (s instanceof LabeledStmt labeled) {
      Target target = push(s);
      Defs out = statement(labeled.getStatement(), in);
      targets.pop();
      return Defs.merge(out, target.breaks);
    }
    if (s instanceof ReturnStmt ret) {
      ret.getExpression().ifPresent(e -> expression(e, in));
      return null;
    }
    if (s instanceof ThrowStmt thrown) {
      expression(thrown.getExpression(), in);
      return null;
    }
    if (s instanceof YieldStmt yield) {
      Defs out = expression(yield.getExpression(), in);
      Target target = innermost(t -> t.node instanceof SwitchExpr);
      if (target != null) {
        target.breaks = Defs.merge(target.breaks, out);
      }
      return null;
    }
    if (s instanceof BreakStmt jump) {
      Target target =
          jump.getLabel()
              .map(label -> innermost(t -> isLabel(t.node, label.asString())))
              .orElseGet(() -> innermost(t -> !(t.node instanceof LabeledStmt)));
      if (target != null) {
        target.breaks = Defs.merge(target.breaks, in);
      }
      return null;
    }
    if (s instanceof ContinueStmt jump) {
      Target target =
          jump.getLabel()
              .map(label -> loopOf(innermost(t -> isLabel(t.node, label.asString()))))
              .orElseGet(() -> innermost(t -> isLoop(t.node)));
      if (target != null) {
        target.continues = Defs.merge(target.continues, in);
      }
      return null;
    }
    if (s instanceof LocalClassDeclarationStmt || s instanceof LocalRecordDeclarationStmt) {
      return in;
    }
    Defs out = in;
    for (Node child : s.getChildNodes()) {
      if (child instanceof Statement inner) {
        out = statement(inner, out);
      } else if (child instanceof Expression e) {
        out = out == null ? null : expression(e, out);
      }
    }
    return out;
  }

  private Defs switchEntries(List<SwitchEntry> entries, Defs selected) {
    Defs fallthrough = null;
    boolean hasDefault = false;
    for (SwitchEntry entry : entries) {
      hasDefault |= entry.getLabels().isEmpty() || entry.isDefault();
      Defs entryIn = Defs.merge(selected, fallthrough);
      Defs out = entryIn;
      for (Statement inner : entry.getStatements()) {
        out = statement(inner, out);
        if (out == null) {
          break;
        }
      }
      if (entry.getType() == SwitchEntry.Type.STATEMENT_GROUP) {
        fallthrough = out;
      } else {
        Target target = targets.peek();
        if (target != null) {
          target.breaks = Defs.merge(target.breaks, out);
        }
        fallthrough = null;
      }
    }
    return Defs.merge(fallthrough, hasDefault ? null : selected);
  }

  private Defs tryStatement(TryStmt attempt, Defs in) {
    Defs resources = in;
    for (Expression resource : attempt.getResources()) {
      resources = expression(resource, resources);
    }
    Defs body = statement(attempt.getTryBlock(), resources);
    Defs anywhereInTry = definitionsInside(attempt.getTryBlock(), resources);
    Defs out = body;
    for (CatchClause c : attempt.getCatchClauses()) {
      out = Defs.merge(out, statement(c.getBody(), anywhereInTry));
    }
    if (attempt.getFinallyBlock().isPresent()) {
      Defs everything = definitionsInside(attempt, in);
      Defs afterFinally = statement(attempt.getFinallyBlock().get(), everything);
      return out == null || afterFinally == null ? null : Defs.merge(out, afterFinally);
    }
    return out;
  }

  // ---- expressions: in evaluation order, assignments taking effect after their value

  private Defs expression(Expression e, Defs in) {
    if (in == null) {
      return null;
    }
    if (e instanceof NameExpr name) {
      local(name).ifPresent(v -> reaching.put(name, in.of(v)));
      return in;
    }
    if (e instanceof AssignExpr assign) {
      Optional<VariableDeclarator> target = local(assign.getTarget());
      if (target.isEmpty()) {
        return expression(assign.getValue(), expression(assign.getTarget(), in));
      }
      if (assign.getOperator() != AssignExpr.Operator.ASSIGN) {
        reaching.put(assign, in.of(target.get()));
      }
      defined(target.get(), assign);
      return expression(assign.getValue(), in).killing(target.get()).with(target.get(), assign);
    }
    if (e instanceof UnaryExpr unary && changes(unary)) {
      Optional<VariableDeclarator> target = local(unary.getExpression());
      if (target.isPresent()) {
        reaching.put(unary, in.of(target.get()));
        defined(target.get(), unary);
        return in.killing(target.get()).with(target.get(), unary);
      }
    }
    if (e instanceof VariableDeclarationExpr declaration) {
      Defs out = in;
      for (VariableDeclarator v : declaration.getVariables()) {
        Optional<Expression> init = v.getInitializer();
        if (!tracked.contains(v)) {
          out = init.isPresent() ? expression(init.get(), out) : out;
        } else if (init.isPresent()) {
          defined(v, v);
          out = expression(init.get(), out).killing(v).with(v, v);
        } else {
          out = out.killing(v);
        }
      }
      return out;
    }
    if (e instanceof ConditionalExpr conditional) {
      Defs afterCondition = expression(conditional.getCondition(), in);
      return Defs.merge(
          expression(conditional.getThenExpr(), afterCondition),
          expression(conditional.getElseExpr(), afterCondition));
    }
    if (e instanceof BinaryExpr binary
        && (binary.getOperator() == BinaryExpr.Operator.AND
            || binary.getOperator() == BinaryExpr.Operator.OR)) {
      Defs left = expression(binary.getLeft(), in);
      return Defs.merge(left, expression(binary.getRight(), left));
    }
    if (e instanceof SwitchExpr sw) {
      Defs selected = expression(sw.getSelector(), in);
      Target target = push(sw);
      Defs out = switchEntries(sw.getEntries(), selected);
      targets.pop();
      return Defs.merge(Defs.merge(out, target.breaks), selected);
    }
    if (e instanceof LambdaExpr) {
      return in;
    }
    Defs out = in;
    for (Node child : e.getChildNodes()) {
      if (child instanceof Expression inner) {
        out = expression(inner, out);
      }
    }
    return out;
  }

  // ---- jump targets

  /** A statement that {@code break}, {@code continue} or {@code yield} can leave. */
  private static final class Target {
    final Node node;
    Defs breaks;
    Defs continues;

    Target(Node node) {
      this.node = node;
    }
  }

  private Target push(Node node) {
    Target target = new Target(node);
    targets.push(target);
    return target;
  }

  private Target innermost(java.util.function.Predicate<Target> which) {
    for (Target t : targets) {
      if (which.test(t)) {
        return t;
      }
    }
    return null;
  }

  /** The loop a labeled {@code continue} goes back to: the labeled statement's own loop. */
  @SuppressWarnings("ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
  private Target loopOf(Target labeled) {
    if (labeled == null) {
      return null;
    }
    Statement inner = ((LabeledStmt) labeled.node).getStatement();
    return innermost(t -> t.node == inner);
  }

  private static boolean isLabel(Node node, String label) {
    return node instanceof LabeledStmt l && l.getLabel().asString().equals(label);
  }

  private static boolean isLoop(Node node) {
    return node instanceof WhileStmt
        || node instanceof DoStmt
        || node instanceof ForStmt
        || node instanceof ForEachStmt;
  }

  /** The definitions of each local that can reach a point: immutable, small maps. */
  private static final class Defs {
    static final Defs EMPTY = new Defs(new IdentityHashMap<>());
    private final IdentityHashMap<VariableDeclarator, List<Node>> byVariable;

    private Defs(IdentityHashMap<VariableDeclarator, List<Node>> byVariable) {
      this.byVariable = byVariable;
    }

    List<Node> of(VariableDeclarator v) {
      return byVariable.getOrDefault(v, List.of());
    }

    Defs killing(VariableDeclarator v) {
      if (!byVariable.containsKey(v)) {
        return this;
      }
      IdentityHashMap<VariableDeclarator, List<Node>> next = new IdentityHashMap<>(byVariable);
      next.remove(v);
      return new Defs(next);
    }

    /** These definitions, with {@code def} added to those of {@code v}. */
    @SuppressWarnings(
        "ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
    Defs with(VariableDeclarator v, Node def) {
      List<Node> current = of(v);
      if (current.stream().anyMatch(d -> d == def)) {
        return this;
      }
      List<Node> more = new ArrayList<>(current);
      more.add(def);
      IdentityHashMap<VariableDeclarator, List<Node>> next = new IdentityHashMap<>(byVariable);
      next.put(v, List.copyOf(more));
      return new Defs(next);
    }

    /**
     * Both paths' definitions, {@code a}'s first; a path that ends ({@code null}) adds none. One
     * copy per merge, however many definitions {@code b} adds, so a ladder of {@code else if}s
     * costs what its definitions do.
     */
    @SuppressWarnings("ReferenceEquality") // an unchanged list is the same object on both paths
    static Defs merge(Defs a, Defs b) {
      if (a == null) {
        return b;
      }
      if (b == null || a == b) {
        return a;
      }
      IdentityHashMap<VariableDeclarator, List<Node>> next = null;
      for (Map.Entry<VariableDeclarator, List<Node>> entry : b.byVariable.entrySet()) {
        List<Node> mine = a.of(entry.getKey());
        if (mine == entry.getValue()) {
          continue;
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(mine);
        List<Node> more = null;
        for (Node def : entry.getValue()) {
          if (seen.add(def)) {
            if (more == null) {
              more = new ArrayList<>(mine);
            }
            more.add(def);
          }
        }
        if (more != null) {
          if (next == null) {
            next = new IdentityHashMap<>(a.byVariable);
          }
          next.put(entry.getKey(), List.copyOf(more));
        }
      }
      return next == null ? a : new Defs(next);
    }
  }
}
