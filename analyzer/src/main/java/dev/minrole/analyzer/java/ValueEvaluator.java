package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Works out the values an expression can have in reachable code: literals and constants,
 * environment variables, concatenations, values passed through parameters, constructor arguments,
 * fields and return values, and SDK request builders. It is demand driven: only the arguments of
 * SDK calls are evaluated, following each value back to where it was set. This class dispatches on
 * the kind of expression and handles names, parameters, lambdas and concatenation; {@link
 * LocalValues} follows locals, {@link FieldValues} fields, {@link CallValues} calls, and {@link
 * ValueLimits} keeps the work and the values within their bounds. ADR 0005 explains the design.
 *
 * <p>A local takes the values of the assignments that reach each read; fields and parameters take
 * every value they can be given. Evaluation is context-sensitive across calls up to {@link
 * #MAX_FRAME_DEPTH} call sites, so that a helper called with two different buckets yields two
 * requests, not four combinations.
 *
 * <p>The class is longer than most because {@link #compute} is the one dispatch over every kind of
 * Java expression, which reads best in one place; each kind's rules live in the classes above.
 */
final class ValueEvaluator {
  static final int MAX_ALTERNATIVES = Widening.MAX_ALTERNATIVES;

  /**
   * The evaluation steps one function's analysis may take. Ordinary functions take a few thousand;
   * the budget only ends pathological code, deterministically (steps, not time).
   */
  static final long DEFAULT_BUDGET = 2_000_000;

  static final int MAX_FRAME_DEPTH = 3;
  static final int MAX_FRAMES = 32;
  static final int MAX_DEPTH = 40;

  private final Analysis analysis;
  private final Reachability.Result reach;
  private final IdentityHashMap<Node, List<Value>> bindings = new IdentityHashMap<>();
  private final IdentityHashMap<Node, Integer> active = new IdentityHashMap<>();
  private final LocalValues locals;
  private final FieldValues fields;
  private final CallValues calls;
  private final ValueLimits limits;
  private final ContextDependence context = new ContextDependence();
  private final ArgumentValues arguments;
  private int depth;
  private Node current;

  ValueEvaluator(Analysis analysis, Reachability.Result reach) {
    this(analysis, reach, DEFAULT_BUDGET);
  }

  ValueEvaluator(Analysis analysis, Reachability.Result reach, long budget) {
    this.analysis = analysis;
    this.reach = reach;
    this.limits = new ValueLimits(budget);
    this.locals = new LocalValues(this, analysis.variables());
    this.fields = new FieldValues(this, analysis, reach);
    this.calls = new CallValues(this, analysis, reach);
    this.arguments = new ArgumentValues(this, reach);
  }

  Analysis analysis() {
    return analysis;
  }

  FieldValues fields() {
    return fields;
  }

  CallValues calls() {
    return calls;
  }

  ValueLimits limits() {
    return limits;
  }

  boolean isReachable(CodeUnit unit) {
    return reach.units().contains(unit);
  }

  ArgumentValues arguments() {
    return arguments;
  }

  /** The values a declaration is bound to while a lambda or mutation is applied, if it is. */
  List<Value> bound(Node declaration) {
    return bindings.get(declaration);
  }

  /** Notes that the value being evaluated depends on the calling context (a parameter, this). */
  void dependsOnContext() {
    context.note();
  }

  /**
   * Evaluates {@code expression} in every calling context of {@code method} that matters: once if
   * the value does not depend on parameters, else once per chain of call sites.
   */
  List<Value> evaluateInContexts(Expression expression, CodeUnit unit) {
    return evaluateInContexts(frame -> eval(expression, frame), unit);
  }

  /** The same, for any evaluation that starts from a frame of {@code unit}. */
  List<Value> evaluateInContexts(
      java.util.function.Function<Frame, List<Value>> evaluation, CodeUnit unit) {
    Frame start = frameOf(unit);
    context.begin();
    List<Value> unbound;
    boolean dependent;
    try {
      unbound = evaluation.apply(start);
    } finally {
      dependent = context.end();
    }
    if (!dependent || start.method() == null) {
      return unbound;
    }
    Set<Value> out = new LinkedHashSet<>();
    for (Frame frame : arguments.callingFrames(start.method(), MAX_FRAME_DEPTH)) {
      out.addAll(evaluation.apply(frame));
    }
    return bound(new ArrayList<>(out));
  }

  static MethodInfo callerMethod(CallSite site) {
    return site.caller() instanceof CodeUnit.Method m ? m.method() : null;
  }

  /** The frame an expression inside {@code unit} starts in. */
  static Frame frameOf(CodeUnit unit) {
    return unit instanceof CodeUnit.Method m ? Frame.unbound(m.method()) : Frame.NONE;
  }

  List<Value> eval(Expression expression, Frame frame) {
    Expression e = expression;
    while (e instanceof EnclosedExpr || e instanceof CastExpr) {
      e = e instanceof EnclosedExpr enclosed ? enclosed.getInner() : ((CastExpr) e).getExpression();
    }
    if (depth > MAX_DEPTH) {
      String reason = "built through more than " + MAX_DEPTH + " steps";
      limits.record(current, 0, ArgValue.unknown(reason));
      return List.of(Value.opaque(reason));
    }
    if (!limits.step(e)) {
      return List.of(Value.opaque("the analysis budget was spent"));
    }
    List<Value> link = calls.link(e, frame);
    if (link != null) {
      return link;
    }
    int nesting = active.getOrDefault(e, 0);
    if (nesting >= 2) {
      return List.of();
    }
    active.put(e, nesting + 1);
    depth++;
    Node outer = current;
    current = e;
    try {
      return bound(compute(e, frame));
    } finally {
      current = outer;
      depth--;
      if (nesting == 0) {
        active.remove(e);
      } else {
        active.put(e, nesting);
      }
    }
  }

  private List<Value> compute(Expression e, Frame frame) {
    if (e instanceof StringLiteralExpr s) {
      return List.of(Value.str(s.asString()));
    }
    if (e instanceof TextBlockLiteralExpr t) {
      return List.of(Value.str(t.asString()));
    }
    // Numbers as Java's string conversion writes them: 0x1F is "31", 1_000L is "1000".
    if (e instanceof IntegerLiteralExpr i) {
      return List.of(Value.str(i.asNumber().toString()));
    }
    if (e instanceof LongLiteralExpr l) {
      return List.of(Value.str(l.asNumber().toString()));
    }
    if (e instanceof DoubleLiteralExpr d) {
      String text = d.getValue();
      boolean isFloat = text.endsWith("f") || text.endsWith("F");
      return List.of(
          Value.str(
              isFloat ? Float.toString((float) d.asDouble()) : Double.toString(d.asDouble())));
    }
    if (e instanceof BooleanLiteralExpr b) {
      return List.of(Value.str(Boolean.toString(b.getValue())));
    }
    if (e instanceof CharLiteralExpr c) {
      return List.of(Value.str(c.asChar() + ""));
    }
    if (e instanceof NullLiteralExpr) {
      return List.of();
    }
    if (e instanceof EnclosedExpr enclosed) {
      return eval(enclosed.getInner(), frame);
    }
    if (e instanceof CastExpr cast) {
      return eval(cast.getExpression(), frame);
    }
    if (e instanceof ConditionalExpr conditional) {
      return Values.union(
          eval(conditional.getThenExpr(), frame), eval(conditional.getElseExpr(), frame));
    }
    if (e instanceof AssignExpr assign) {
      return eval(assign.getValue(), frame);
    }
    if (e instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
      return concat(List.of(eval(binary.getLeft(), frame), eval(binary.getRight(), frame)));
    }
    if (e instanceof NameExpr name) {
      return name(name, frame);
    }
    if (e instanceof FieldAccessExpr access) {
      return fields.fieldAccess(access, frame);
    }
    if (e instanceof MethodCallExpr call) {
      return calls.call(call, frame);
    }
    if (e instanceof ObjectCreationExpr creation) {
      if (creation.getAnonymousClassBody().isEmpty()
          && analysis.index().contains(analysis.types().typeOf(creation).name())) {
        return List.of(new Value.Alloc(creation, frame));
      }
      return Sdk1Requests.creation(this, creation, frame)
          .or(() -> SdkBuilders.creation(this, creation, frame))
          .orElseGet(() -> calls.jdk().creation(creation, frame));
    }
    if (e instanceof ArrayCreationExpr array) {
      return array
          .getInitializer()
          .map(i -> eval(i, frame))
          .orElse(List.of(new Value.Seq(List.of())));
    }
    if (e instanceof ArrayInitializerExpr init) {
      return List.of(sequence(init.getValues(), frame));
    }
    if (e instanceof ArrayAccessExpr access) {
      return Values.elements(eval(access.getName(), frame));
    }
    if (e instanceof LambdaExpr) {
      return List.of(Value.opaque("a lambda"));
    }
    if (e instanceof com.github.javaparser.ast.expr.ClassExpr classExpr) {
      return List.of(Value.str(analysis.names().resolve(classExpr.getType(), classExpr).name()));
    }
    return List.of(Value.opaque(NodeText.describe(e)));
  }

  // ---- names, fields and parameters

  private List<Value> name(NameExpr name, Frame frame) {
    Optional<VarRef> ref = analysis.variables().lookup(name.getNameAsString(), name);
    if (ref.isEmpty()) {
      return List.of(Value.opaque(name.getNameAsString()));
    }
    if (ref.get() instanceof VarRef.Local local && !bindings.containsKey(local.declarator())) {
      return locals.read(name, local.declarator(), frame);
    }
    return variable(ref.get(), frame);
  }

  List<Value> variable(VarRef ref, Frame frame) {
    if (ref instanceof VarRef.Local local) {
      List<Value> bound = bindings.get(local.declarator());
      return bound != null ? bound : locals.anywhere(local.declarator(), frame);
    }
    if (ref instanceof VarRef.Param param) {
      return arguments.parameter(param, frame);
    }
    if (ref instanceof VarRef.LambdaParam lambdaParam) {
      List<Value> bound = bindings.get(lambdaParam.parameter());
      if (bound != null) {
        return bound;
      }
      return calls
          .jdk()
          .lambdaArgument(lambdaParam, frame)
          .orElse(
              List.of(
                  Value.opaque("lambda parameter " + lambdaParam.parameter().getNameAsString())));
    }
    if (ref instanceof VarRef.Field field) {
      return field.field().isStatic()
          ? fields.field(field.field())
          : fields.fieldOfThis(field.field(), frame);
    }
    VarRef.Other other = (VarRef.Other) ref;
    return List.of(Value.opaque(NodeText.describe(other.declaration())));
  }

  /** The elements a for-each loop runs over, or one unknown value. */
  List<Value> loopElements(ForEachStmt loop, Frame frame) {
    List<Value> iterated = eval(loop.getIterable(), frame);
    return !iterated.isEmpty() && iterated.stream().allMatch(v -> v instanceof Value.Seq)
        ? Values.elements(iterated)
        : List.of(Value.opaque("loop variable " + loop.getVariableDeclarator().getNameAsString()));
  }

  /** True if {@code name} resolves to the declaration {@code node}. */
  @SuppressWarnings("ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
  boolean refersTo(NameExpr name, Node node) {
    Optional<VarRef> ref = analysis.variables().lookup(name.getNameAsString(), name);
    if (ref.isEmpty()) {
      return false;
    }
    VarRef r = ref.get();
    return (r instanceof VarRef.Local l && l.declarator() == node)
        || (r instanceof VarRef.LambdaParam p && p.parameter() == node)
        || (r instanceof VarRef.Param p && p.parameter() == node);
  }

  Value sequence(List<Expression> elements, Frame frame) {
    List<Value> out = new ArrayList<>();
    for (Expression element : elements) {
      List<Value> alternatives = eval(element, frame);
      out.add(alternatives.size() == 1 ? alternatives.get(0) : merge(alternatives));
    }
    return new Value.Seq(out);
  }

  /** One value standing for several alternatives inside a list: kept if equal, else unknown. */
  private static Value merge(List<Value> alternatives) {
    if (alternatives.isEmpty()) {
      return Value.opaque("no value");
    }
    return alternatives.stream().distinct().count() == 1
        ? alternatives.get(0)
        : Value.opaque("one of several values");
  }

  /** Evaluates a lambda with its first parameter bound to {@code argument}. */
  List<Value> applyLambda(LambdaExpr lambda, List<Value> argument, Frame frame) {
    if (lambda.getParameters().isEmpty()) {
      return lambdaResult(lambda, frame);
    }
    Parameter p = lambda.getParameter(0);
    List<Value> previous = bindings.put(p, argument);
    locals.enter();
    calls.enter();
    try {
      List<Value> result = lambdaResult(lambda, frame);
      List<Value> mutated = Mutations.apply(this, argument, p, lambda.getBody(), frame);
      return result.isEmpty() || !lambda.getExpressionBody().isPresent() ? mutated : result;
    } finally {
      locals.leave();
      calls.leave();
      if (previous == null) {
        bindings.remove(p);
      } else {
        bindings.put(p, previous);
      }
    }
  }

  private List<Value> lambdaResult(LambdaExpr lambda, Frame frame) {
    if (lambda.getExpressionBody().isPresent()) {
      return eval(lambda.getExpressionBody().get(), frame);
    }
    List<Value> out = new ArrayList<>();
    for (ReturnStmt ret : lambda.getBody().findAll(ReturnStmt.class)) {
      ret.getExpression().ifPresent(e -> out.addAll(eval(e, frame)));
    }
    return out;
  }

  /** Evaluates {@code expression} with a variable declaration bound to fixed values. */
  List<Value> withBinding(
      Node declaration, List<Value> values, Expression expression, Frame frame) {
    List<Value> previous = bindings.put(declaration, values);
    locals.enter();
    calls.enter();
    try {
      return eval(expression, frame);
    } finally {
      locals.leave();
      calls.leave();
      if (previous == null) {
        bindings.remove(declaration);
      } else {
        bindings.put(declaration, previous);
      }
    }
  }

  // ---- helpers

  List<Value> concat(List<List<Value>> parts) {
    List<List<ArgValue>> combos = new ArrayList<>();
    combos.add(List.of());
    for (List<Value> part : parts) {
      List<Value> alternatives = part.isEmpty() ? List.of(Value.opaque("null")) : part;
      List<List<ArgValue>> next = new ArrayList<>();
      for (List<ArgValue> combo : combos) {
        for (Value v : alternatives) {
          List<ArgValue> extended = new ArrayList<>(combo);
          extended.add(Values.toArg(v));
          next.add(extended);
        }
      }
      if (next.size() > MAX_ALTERNATIVES) {
        return List.of(limits.concatWidened(parts, current));
      }
      combos = next;
    }
    List<Value> out = new ArrayList<>();
    for (List<ArgValue> combo : combos) {
      out.add(new Value.Str(ArgValue.concat(combo)));
    }
    return bound(out);
  }

  /** {@code values} within the bounds of {@link ValueLimits}, widenings noted where they happen. */
  List<Value> bound(List<Value> values) {
    return limits.bound(values, current);
  }
}
