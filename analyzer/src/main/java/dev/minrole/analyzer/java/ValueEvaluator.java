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
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.minrole.analyzer.model.ArgValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out the values an expression can have in reachable code: literals and constants,
 * environment variables, concatenations, values passed through parameters, constructor arguments,
 * fields and return values, and SDK request builders. It is demand driven: only the arguments of
 * SDK calls are evaluated, following each value back to where it was set.
 *
 * <p>Evaluation is flow-insensitive within a method (every assignment to a variable counts) and
 * context-sensitive across calls up to {@link #MAX_FRAME_DEPTH} call sites, so that a helper called
 * with two different buckets yields two requests, not four combinations.
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
  private final JdkValueRules jdk;
  private final Map<Node, List<Value>> bindings = new IdentityHashMap<>();
  private final Map<Node, Integer> active = new IdentityHashMap<>();
  private final Map<Object, List<Value>> memo = new IdentityHashMap<>();
  private final LocalValues locals;
  private final FrameMemo chains = new FrameMemo();
  private boolean warmingChain;

  /** A call chain longer than this is evaluated link by link from its start ({@link #warm}). */
  private static final int LONG_CHAIN = 8;

  private int depth;
  private boolean touchedParameters;
  private final long budget;
  private long steps;
  private Node current;
  private Node exhaustedAt;
  private final Map<Node, Widened> widened = new IdentityHashMap<>();

  /** A value that was widened at {@code at}: {@code alternatives} values, or one too long. */
  record Widened(Node at, int alternatives, ArgValue result) {}

  ValueEvaluator(Analysis analysis, Reachability.Result reach) {
    this(analysis, reach, DEFAULT_BUDGET);
  }

  ValueEvaluator(Analysis analysis, Reachability.Result reach, long budget) {
    this.budget = budget;
    this.analysis = analysis;
    this.reach = reach;
    this.jdk = new JdkValueRules(this);
    this.locals = new LocalValues(this, analysis.variables());
  }

  Analysis analysis() {
    return analysis;
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
    touchedParameters = false;
    Frame start = frameOf(unit);
    List<Value> unbound = evaluation.apply(start);
    if (!touchedParameters || start.method() == null) {
      return unbound;
    }
    Set<Value> out = new LinkedHashSet<>();
    for (Frame frame : frames(start.method(), MAX_FRAME_DEPTH)) {
      out.addAll(evaluation.apply(frame));
    }
    return bound(new ArrayList<>(out));
  }

  private List<Frame> frames(MethodInfo method, int levels) {
    List<CallSite> sites = reach.callSitesOf(method);
    if (levels == 0 || sites.isEmpty()) {
      return List.of(Frame.unbound(method));
    }
    List<Frame> out = new ArrayList<>();
    for (CallSite site : sites) {
      MethodInfo caller = callerMethod(site);
      List<Frame> parents = caller == null ? List.of(Frame.NONE) : frames(caller, levels - 1);
      for (Frame parent : parents) {
        out.add(new Frame(method, site, parent));
        if (out.size() > MAX_FRAMES) {
          return List.of(Frame.unbound(method));
        }
      }
    }
    return out;
  }

  private static MethodInfo callerMethod(CallSite site) {
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
      if (current != null) {
        widened.putIfAbsent(current, new Widened(current, 0, ArgValue.unknown(reason)));
      }
      return List.of(Value.opaque(reason));
    }
    if (++steps > budget) {
      if (exhaustedAt == null) {
        exhaustedAt = e;
      }
      return List.of(Value.opaque("the analysis budget was spent"));
    }
    List<Value> link = chains.get(e, frame);
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
      return fieldAccess(access, frame);
    }
    if (e instanceof MethodCallExpr call) {
      return call(call, frame);
    }
    if (e instanceof ObjectCreationExpr creation) {
      if (creation.getAnonymousClassBody().isEmpty()
          && analysis.index().contains(analysis.types().typeOf(creation).name())) {
        return List.of(new Value.Alloc(creation, frame));
      }
      return Sdk1Requests.creation(this, creation, frame)
          .or(() -> SdkBuilders.creation(this, creation, frame))
          .orElseGet(() -> jdk.creation(creation, frame));
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
    return List.of(Value.opaque(describe(e)));
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
      return parameter(param, frame);
    }
    if (ref instanceof VarRef.LambdaParam lambdaParam) {
      List<Value> bound = bindings.get(lambdaParam.parameter());
      if (bound != null) {
        return bound;
      }
      return jdk.lambdaArgument(lambdaParam, frame)
          .orElse(
              List.of(
                  Value.opaque("lambda parameter " + lambdaParam.parameter().getNameAsString())));
    }
    if (ref instanceof VarRef.Field field) {
      return field.field().isStatic() ? field(field.field()) : fieldOfThis(field.field(), frame);
    }
    VarRef.Other other = (VarRef.Other) ref;
    return List.of(Value.opaque(describe(other.declaration())));
  }

  /** The elements a for-each loop runs over, or one unknown value. */
  List<Value> loopElements(ForEachStmt loop, Frame frame) {
    List<Value> iterated = eval(loop.getIterable(), frame);
    return !iterated.isEmpty() && iterated.stream().allMatch(v -> v instanceof Value.Seq)
        ? Values.elements(iterated)
        : List.of(Value.opaque("loop variable " + loop.getVariableDeclarator().getNameAsString()));
  }

  /** True if {@code name} resolves to the declaration {@code node}. */
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

  private List<Value> parameter(VarRef.Param param, Frame frame) {
    MethodInfo method = param.method();
    if (frame.binds(method)) {
      return argument(frame.site(), param.index(), method, frame.parent());
    }
    touchedParameters = true;
    List<CallSite> sites = reach.callSitesOf(method);
    if (sites.isEmpty()) {
      List<Value> injected = injected(param.parameter());
      return injected.isEmpty() ? List.of(Value.opaque(unsuppliedParameter(param))) : injected;
    }
    List<Value> out = new ArrayList<>();
    for (CallSite site : sites) {
      out.addAll(argument(site, param.index(), method, Frame.unbound(callerMethod(site))));
    }
    return Values.dedupe(out);
  }

  /** What provider methods return for a field or parameter a container injects; none if none do. */
  private List<Value> injected(Node injectionPoint) {
    List<Value> out = new ArrayList<>();
    for (MethodInfo provider : reach.suppliersOf(injectionPoint)) {
      out.addAll(returned(provider, Frame.unbound(provider)));
    }
    return Values.dedupe(out);
  }

  private static String unsuppliedParameter(VarRef.Param param) {
    MethodInfo method = param.method();
    String name = param.parameter().getNameAsString();
    Optional<String> property = ConfigAnnotations.describe(param.parameter().getAnnotations());
    if (property.isPresent()) {
      return property.get();
    }
    return "parameter "
        + name
        + " of "
        + method.owner().simpleName()
        + "."
        + displayName(method)
        + " is supplied by its caller at run time";
  }

  private static String displayName(MethodInfo method) {
    return method.isConstructor() ? method.owner().simpleName() : method.name();
  }

  private List<Value> argument(CallSite site, int index, MethodInfo method, Frame callerFrame) {
    if (site.arguments().isEmpty()) {
      return List.of(Value.opaque("passed by a method reference"));
    }
    List<Expression> args = site.arguments().get();
    int last = method.parameters().size() - 1;
    if (method.isVarArgs() && index == last) {
      if (args.size() == method.parameters().size()) {
        List<Value> single = eval(args.get(index), callerFrame);
        boolean isArray = single.stream().allMatch(v -> v instanceof Value.Seq);
        return isArray ? single : List.of(new Value.Seq(single));
      }
      return List.of(
          sequence(args.subList(Math.min(index, args.size()), args.size()), callerFrame));
    }
    return index < args.size() ? eval(args.get(index), callerFrame) : List.of();
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

  /** A field: its initializer and every assignment to it in reachable code, or its annotations. */
  List<Value> field(FieldInfo field) {
    List<Value> bound = bindings.get(field.node());
    if (bound != null) {
      return bound;
    }
    List<Value> cached = memo.get(field);
    if (cached != null) {
      return cached;
    }
    memo.put(field, List.of());
    List<Value> values = computeField(field);
    memo.put(field, values);
    return values;
  }

  /**
   * An instance field read through {@code this} in a frame: when the frame knows which object the
   * method runs on (the receiver of its call site), the field's value for that object; else its
   * value for every object, and the caller is told that the calling context matters.
   */
  private List<Value> fieldOfThis(FieldInfo field, Frame frame) {
    if (bindings.containsKey(field.node())) {
      return field(field);
    }
    List<Value> receivers = receivers(frame, 0);
    if (receivers.isEmpty()) {
      if (frame.method() != null && !frame.method().isStatic()) {
        touchedParameters = true;
      }
      return field(field);
    }
    return fieldOf(field, receivers);
  }

  /** The field of each object; objects the evaluator cannot identify give the union. */
  private List<Value> fieldOf(FieldInfo field, List<Value> objects) {
    List<Value> out = new ArrayList<>();
    boolean unknown = objects.isEmpty();
    for (Value object : objects) {
      if (object instanceof Value.Alloc alloc) {
        out.addAll(fieldOfAllocation(field, alloc));
      } else {
        unknown = true;
      }
    }
    if (unknown) {
      out.addAll(field(field));
    }
    return Values.dedupe(out);
  }

  /**
   * The objects a frame's method runs on, when its call site says: {@code a.read()} runs on {@code
   * a}.
   */
  private List<Value> receivers(Frame frame, int depth) {
    if (frame.site() == null
        || frame.method() == null
        || frame.method().isStatic()
        || depth > MAX_FRAME_DEPTH + 2) {
      return List.of();
    }
    Node site = frame.site().node();
    Frame parent = frame.parent() == null ? Frame.NONE : frame.parent();
    if (site instanceof ObjectCreationExpr creation) {
      return List.of(new Value.Alloc(creation, parent));
    }
    if (site instanceof MethodCallExpr call) {
      Optional<Expression> scope = call.getScope();
      if (scope.isEmpty() || scope.get() instanceof ThisExpr) {
        return receivers(parent, depth + 1);
      }
      List<Value> values = eval(scope.get(), parent);
      return values.stream().allMatch(v -> v instanceof Value.Alloc) ? values : List.of();
    }
    if (site instanceof com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt) {
      return receivers(parent, depth + 1);
    }
    return List.of();
  }

  /**
   * A field's value in one object: its initializer, what the constructor that made the object
   * assigns (with the constructor's parameters bound to the creation's arguments), and what other
   * methods assign to it.
   */
  private List<Value> fieldOfAllocation(FieldInfo field, Value.Alloc alloc) {
    Optional<TypeInfo> created = createdType(alloc);
    if (created.isEmpty() || !analysis.index().isSubtype(created.get(), field.owner().fqn())) {
      return field(field);
    }
    List<Expression> args = arguments(alloc);
    List<MethodInfo> constructors =
        alloc.site() instanceof ObjectCreationExpr creation
            ? analysis.targets().constructors(creation)
            : created.get().constructors().stream()
                .filter(c -> c.acceptsArity(args.size()))
                .toList();
    CallSite site = CallSite.withArguments(alloc.site(), null, args);
    List<Value> values = new ArrayList<>();
    field.initializer().ifPresent(init -> values.addAll(eval(init, Frame.NONE)));
    if (field.owner().isRecord()) {
      for (MethodInfo constructor : constructors) {
        int index = constructor.parameterIndex(field.name());
        if (constructor.isImplicit() && index >= 0) {
          values.addAll(argument(site, index, constructor, alloc.frame()));
        }
      }
    }
    for (Assignment assignment : Mutations.assignmentsTo(field, analysis)) {
      if (!isReachable(assignment.unit())) {
        continue;
      }
      Frame frame = frameOf(assignment.unit());
      if (assignment.unit() instanceof CodeUnit.Method m && m.method().isConstructor()) {
        if (!constructors.contains(m.method())) {
          continue;
        }
        frame = new Frame(m.method(), site, alloc.frame());
      }
      values.addAll(eval(assignment.value(), frame));
    }
    if (values.isEmpty()) {
      return field(field);
    }
    return Mutations.applyToField(this, Values.dedupe(values), field);
  }

  private Optional<TypeInfo> createdType(Value.Alloc alloc) {
    if (alloc.site() instanceof ObjectCreationExpr creation) {
      return analysis.index().get(analysis.types().typeOf(creation).name());
    }
    return Optional.ofNullable(analysis.names().enclosingType(alloc.site()));
  }

  private static List<Expression> arguments(Value.Alloc alloc) {
    if (alloc.site() instanceof ObjectCreationExpr creation) {
      return creation.getArguments();
    }
    return ((com.github.javaparser.ast.body.EnumConstantDeclaration) alloc.site()).getArguments();
  }

  private List<Value> computeField(FieldInfo field) {
    if (field.owner().isEnum()
        && field.node() instanceof com.github.javaparser.ast.body.EnumConstantDeclaration) {
      return List.of(new Value.Alloc(field.node(), Frame.NONE));
    }
    List<Value> values = new ArrayList<>();
    Frame initFrame = Frame.NONE;
    field.initializer().ifPresent(init -> values.addAll(eval(init, initFrame)));
    if (field.owner().isRecord() && !field.isStatic()) {
      values.addAll(recordComponent(field));
    }
    for (Assignment assignment : Mutations.assignmentsTo(field, analysis)) {
      if (!isReachable(assignment.unit())) {
        continue;
      }
      values.addAll(eval(assignment.value(), frameOf(assignment.unit())));
    }
    if (values.isEmpty()) {
      values.addAll(injected(field.node()));
    }
    if (values.isEmpty()) {
      Optional<String> config = ConfigAnnotations.describe(field.annotations());
      values.add(
          Value.opaque(
              config.orElse(
                  "field "
                      + field.owner().simpleName()
                      + "."
                      + field.name()
                      + " is not set in code the function runs")));
    }
    return Mutations.applyToField(this, Values.dedupe(values), field);
  }

  private List<Value> recordComponent(FieldInfo field) {
    List<Value> out = new ArrayList<>();
    for (MethodInfo constructor : field.owner().constructors()) {
      int index = constructor.parameterIndex(field.name());
      if (!constructor.isImplicit() || index < 0) {
        continue;
      }
      for (CallSite site : reach.callSitesOf(constructor)) {
        out.addAll(argument(site, index, constructor, Frame.unbound(callerMethod(site))));
      }
    }
    return out;
  }

  boolean isReachable(CodeUnit unit) {
    return reach.units().contains(unit);
  }

  private List<Value> fieldAccess(FieldAccessExpr access, Frame frame) {
    Expression scope = access.getScope();
    String name = access.getNameAsString();
    JType scopeType = analysis.types().typeOf(scope);
    Optional<TypeInfo> owner = analysis.index().get(scopeType.name());
    if (owner.isPresent()) {
      Optional<FieldInfo> field = analysis.variables().field(owner.get(), name);
      if (field.isPresent()) {
        if (field.get().isStatic() || scopeType.staticRef()) {
          return field(field.get());
        }
        return scope instanceof ThisExpr
            ? fieldOfThis(field.get(), frame)
            : fieldOf(field.get(), eval(scope, frame));
      }
    }
    if (scopeType.staticRef() && scopeType.isKnown()) {
      return List.of(Value.str(name));
    }
    if (scope instanceof ThisExpr) {
      return List.of(Value.opaque("this." + name));
    }
    return List.of(Value.opaque(describe(access)));
  }

  // ---- calls

  private List<Value> call(MethodCallExpr call, Frame frame) {
    if (!warmingChain) {
      warm(call, frame);
    }
    Optional<Expression> scope = call.getScope();
    JType receiverType = scope.map(analysis.types()::typeOf).orElse(JType.UNKNOWN);
    if (receiverType.staticRef()) {
      Optional<List<Value>> factory =
          jdk.staticCall(receiverType.name(), call, frame)
              .or(() -> SdkBuilders.staticCall(this, receiverType.name(), call, frame))
              .or(() -> Sdk1Requests.staticCall(this, receiverType.name(), call, frame));
      if (factory.isPresent()) {
        return factory.get();
      }
    } else if (scope.isPresent() && !analysis.index().contains(receiverType.name())) {
      Optional<List<Value>> response = ClientResponses.clientCall(this, receiverType, call, frame);
      if (response.isPresent()) {
        return response.get();
      }
      List<Value> receiver = eval(scope.get(), frame);
      Optional<List<Value>> onValue =
          jdk.onValue(call, receiver, frame)
              .or(() -> SdkBuilders.onValue(this, call, receiver, frame))
              .or(() -> Sdk1Requests.onValue(this, call, receiver, frame));
      if (onValue.isPresent()) {
        return onValue.get();
      }
    }
    List<MethodInfo> methods = targetsOf(call);
    if (!methods.isEmpty()) {
      CallSite site = CallSite.withArguments(call, null, call.getArguments());
      List<Value> out = new ArrayList<>();
      for (MethodInfo m : methods) {
        out.addAll(returned(m, new Frame(m, site, frame)));
      }
      return Values.dedupe(out);
    }
    if (scope.isPresent()
        && call.getArguments().isEmpty()
        && (call.getNameAsString().equals("name") || call.getNameAsString().equals("toString"))
        && analysis.index().get(receiverType.name()).map(TypeInfo::isEnum).orElse(false)) {
      List<Value> names = new ArrayList<>();
      eval(scope.get(), frame).forEach(v -> names.add(new Value.Str(Values.toArg(v))));
      return names;
    }
    Optional<List<Value>> accessor = accessor(call, frame);
    return accessor.orElse(List.of(Value.opaque("result of " + describe(call))));
  }

  /**
   * Evaluates the links of a long call chain ({@code sb.append(a).append(b)...}) from the start,
   * each remembered for the next, so that the chain costs one shallow evaluation per link instead
   * of one evaluation as deep as the chain is long.
   */
  private void warm(MethodCallExpr call, Frame frame) {
    java.util.ArrayDeque<MethodCallExpr> links = new java.util.ArrayDeque<>();
    for (Expression s = call.getScope().orElse(null);
        s instanceof MethodCallExpr m;
        s = m.getScope().orElse(null)) {
      links.push(m);
    }
    if (links.size() <= LONG_CHAIN) {
      return;
    }
    warmingChain = true;
    try {
      for (MethodCallExpr link : links) {
        if (chains.get(link, frame) == null) {
          chains.put(link, frame, eval(link, frame));
        }
      }
    } finally {
      warmingChain = false;
    }
  }

  /** The methods a call runs: its dispatch targets where known, else its static targets. */
  List<MethodInfo> targetsOf(MethodCallExpr call) {
    Set<MethodInfo> dispatched = reach.dispatched().get(call);
    if (dispatched != null && !dispatched.isEmpty()) {
      return List.copyOf(dispatched);
    }
    return analysis.targets().resolve(call).declared().stream()
        .filter(m -> !m.isAbstract())
        .toList();
  }

  private List<Value> returned(MethodInfo method, Frame frame) {
    Optional<com.github.javaparser.ast.stmt.BlockStmt> body = method.body();
    if (body.isEmpty()) {
      return List.of(Value.opaque("result of " + method.signature()));
    }
    List<Value> out = new ArrayList<>();
    for (ReturnStmt ret : body.get().findAll(ReturnStmt.class)) {
      if (belongsTo(ret, body.get())) {
        ret.getExpression().ifPresent(e -> out.addAll(eval(e, frame)));
      }
    }
    return Values.dedupe(out);
  }

  /** True if a return statement returns from this body, not from a lambda or inner class in it. */
  private static boolean belongsTo(ReturnStmt ret, Node body) {
    for (Node n = ret.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n == body) {
        return true;
      }
      if (n instanceof LambdaExpr
          || n instanceof com.github.javaparser.ast.body.BodyDeclaration<?>) {
        return false;
      }
    }
    return false;
  }

  /**
   * A getter that is not in the sources: a record accessor, or one generated by Lombok. It reads
   * the field of the same name.
   */
  private Optional<List<Value>> accessor(MethodCallExpr call, Frame frame) {
    if (!call.getArguments().isEmpty()) {
      return Optional.empty();
    }
    Optional<TypeInfo> owner =
        call.getScope()
            .map(s -> analysis.types().typeOf(s))
            .flatMap(t -> analysis.index().get(t.name()))
            .or(() -> Optional.ofNullable(analysis.names().enclosingType(call)));
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    for (String candidate : List.of(name, propertyName(name, "get"), propertyName(name, "is"))) {
      if (candidate.isEmpty()) {
        continue;
      }
      Optional<FieldInfo> field = analysis.variables().field(owner.get(), candidate);
      if (field.isPresent()) {
        if (field.get().isStatic()) {
          return Optional.of(field(field.get()));
        }
        return Optional.of(
            call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr
                ? fieldOfThis(field.get(), frame)
                : fieldOf(field.get(), eval(call.getScope().get(), frame)));
      }
    }
    return Optional.empty();
  }

  private static String propertyName(String method, String prefix) {
    if (method.length() <= prefix.length() || !method.startsWith(prefix)) {
      return "";
    }
    String rest = method.substring(prefix.length());
    return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }

  /** Evaluates a lambda with its first parameter bound to {@code argument}. */
  List<Value> applyLambda(LambdaExpr lambda, List<Value> argument, Frame frame) {
    if (lambda.getParameters().isEmpty()) {
      return lambdaResult(lambda, frame);
    }
    Parameter p = lambda.getParameter(0);
    List<Value> previous = bindings.put(p, argument);
    locals.enter();
    chains.enter();
    try {
      List<Value> result = lambdaResult(lambda, frame);
      List<Value> mutated = Mutations.apply(this, argument, p, lambda.getBody(), frame);
      return result.isEmpty() || !lambda.getExpressionBody().isPresent() ? mutated : result;
    } finally {
      locals.leave();
      chains.leave();
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
    chains.enter();
    try {
      return eval(expression, frame);
    } finally {
      locals.leave();
      chains.leave();
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
        return List.of(concatWidened(parts));
      }
      combos = next;
    }
    List<Value> out = new ArrayList<>();
    for (List<ArgValue> combo : combos) {
      out.add(new Value.Str(ArgValue.concat(combo)));
    }
    return bound(out);
  }

  /** A concatenation with too many combinations: each part widened to one value, then joined. */
  private Value concatWidened(List<List<Value>> parts) {
    List<ArgValue> joined = new ArrayList<>();
    int combinations = 1;
    for (List<Value> part : parts) {
      List<ArgValue> alternatives = new ArrayList<>();
      for (Value v : part.isEmpty() ? List.of(Value.opaque("null")) : part) {
        alternatives.add(Values.toArg(v));
      }
      combinations = (int) Math.min(Integer.MAX_VALUE, (long) combinations * alternatives.size());
      joined.add(
          alternatives.size() == 1
              ? alternatives.get(0)
              : Widening.widen(alternatives, "one of " + alternatives.size() + " values"));
    }
    ArgValue result = Widening.shorten(ArgValue.concat(joined));
    recordWidening(combinations, result);
    return new Value.Str(result);
  }

  /**
   * {@code values} without repeats, within the bounds: at most {@link #MAX_ALTERNATIVES} strings
   * (more are widened to what they have in common) and no string longer than {@link
   * Widening#MAX_LENGTH}. Each widening is recorded, to be reported.
   */
  List<Value> bound(List<Value> values) {
    List<Value> distinct = Values.dedupe(values);
    List<Value> out = new ArrayList<>(distinct.size());
    for (Value v : distinct) {
      if (v instanceof Value.Str s && Widening.length(s.value()) > Widening.MAX_LENGTH) {
        ArgValue shorter = Widening.shorten(s.value());
        recordWidening(1, shorter);
        out.add(new Value.Str(shorter));
      } else {
        out.add(v);
      }
    }
    if (out.size() <= MAX_ALTERNATIVES) {
      return out;
    }
    if (out.stream().allMatch(v -> v instanceof Value.Str)) {
      List<ArgValue> strings = out.stream().map(Values::toArg).toList();
      ArgValue result = Widening.widen(strings, "one of " + strings.size() + " values");
      recordWidening(strings.size(), result);
      return List.of(new Value.Str(result));
    }
    recordWidening(out.size(), ArgValue.unknown("one of " + out.size() + " objects"));
    return List.of(Value.opaque("one of " + out.size() + " possible objects"));
  }

  private void recordWidening(int alternatives, ArgValue result) {
    if (current != null) {
      widened.putIfAbsent(current, new Widened(current, alternatives, result));
    }
  }

  /** The widenings so far, in no particular order. */
  List<Widened> widenings() {
    return List.copyOf(widened.values());
  }

  /** Where the budget ran out, if it did: the expression being evaluated then. */
  Optional<Node> exhaustedAt() {
    return Optional.ofNullable(exhaustedAt);
  }

  long steps() {
    return steps;
  }

  long budget() {
    return budget;
  }

  /**
   * The code of a node for a message, at most 60 characters. A large node (a long call chain, deep
   * parentheses) is not printed, as printing it would recurse through all of it: it is named by its
   * kind and line instead.
   */
  static String describe(Node node) {
    if (isLarge(node)) {
      String kind = node.getClass().getSimpleName().replace("Expr", "").toLowerCase(Locale.ROOT);
      String name =
          node instanceof com.github.javaparser.ast.nodeTypes.NodeWithSimpleName<?> named
              ? " " + named.getNameAsString()
              : "";
      return "a large " + kind + name + " expression";
    }
    String text = node.toString().replaceAll("\\s+", " ");
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static final int LARGE_NODE = 200;

  private static boolean isLarge(Node node) {
    int count = 0;
    java.util.Deque<Node> stack = new java.util.ArrayDeque<>();
    stack.push(node);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (++count > LARGE_NODE) {
        return true;
      }
      n.getChildNodes().forEach(stack::push);
    }
    return false;
  }
}
