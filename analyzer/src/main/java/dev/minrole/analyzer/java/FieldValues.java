package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The values of fields: a static field's initializer and every assignment to it in reachable code;
 * an instance field's value in the object a frame's method runs on (what the constructor that made
 * that object gave it, with the constructor's parameters bound to the creation's arguments), else
 * in every object; record components; and what a dependency-injection container supplies.
 */
final class FieldValues {
  private final ValueEvaluator ev;
  private final Analysis analysis;
  private final Reachability.Result reach;
  private final IdentityHashMap<Object, List<Value>> memo = new IdentityHashMap<>();

  FieldValues(ValueEvaluator ev, Analysis analysis, Reachability.Result reach) {
    this.ev = ev;
    this.analysis = analysis;
    this.reach = reach;
  }

  /** What provider methods return for a field or parameter a container injects; none if none do. */
  List<Value> injected(Node injectionPoint) {
    List<Value> out = new ArrayList<>();
    for (MethodInfo provider : reach.suppliersOf(injectionPoint)) {
      out.addAll(ev.calls().returned(provider, Frame.unbound(provider)));
    }
    return Values.dedupe(out);
  }

  /** A field: its initializer and every assignment to it in reachable code, or its annotations. */
  List<Value> field(FieldInfo field) {
    List<Value> bound = ev.bound(field.node());
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
  List<Value> fieldOfThis(FieldInfo field, Frame frame) {
    if (ev.bound(field.node()) != null) {
      return field(field);
    }
    List<Value> receivers = receivers(frame, 0);
    if (receivers.isEmpty()) {
      if (frame.method() != null && !frame.method().isStatic()) {
        ev.dependsOnContext();
      }
      return field(field);
    }
    return fieldOf(field, receivers);
  }

  /** The field of each object; objects the evaluator cannot identify give the union. */
  List<Value> fieldOf(FieldInfo field, List<Value> objects) {
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
        || depth > ValueEvaluator.MAX_FRAME_DEPTH + 2) {
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
      List<Value> values = ev.eval(scope.get(), parent);
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
    field.initializer().ifPresent(init -> values.addAll(ev.eval(init, Frame.NONE)));
    if (field.owner().isRecord()) {
      for (MethodInfo constructor : constructors) {
        int index = constructor.parameterIndex(field.name());
        if (constructor.isImplicit() && index >= 0) {
          values.addAll(ev.arguments().argument(site, index, constructor, alloc.frame()));
        }
      }
    }
    for (Assignment assignment : Mutations.assignmentsTo(field, analysis)) {
      if (!ev.isReachable(assignment.unit())) {
        continue;
      }
      Frame frame = ValueEvaluator.frameOf(assignment.unit());
      if (assignment.unit() instanceof CodeUnit.Method m && m.method().isConstructor()) {
        if (!constructors.contains(m.method())) {
          continue;
        }
        frame = new Frame(m.method(), site, alloc.frame());
      }
      values.addAll(ev.eval(assignment.value(), frame));
    }
    if (values.isEmpty()) {
      return field(field);
    }
    return Mutations.applyToField(ev, Values.dedupe(values), field);
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
    field.initializer().ifPresent(init -> values.addAll(ev.eval(init, initFrame)));
    if (field.owner().isRecord() && !field.isStatic()) {
      values.addAll(recordComponent(field));
    }
    for (Assignment assignment : Mutations.assignmentsTo(field, analysis)) {
      if (!ev.isReachable(assignment.unit())) {
        continue;
      }
      values.addAll(ev.eval(assignment.value(), ValueEvaluator.frameOf(assignment.unit())));
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
    return Mutations.applyToField(ev, Values.dedupe(values), field);
  }

  private List<Value> recordComponent(FieldInfo field) {
    List<Value> out = new ArrayList<>();
    for (MethodInfo constructor : field.owner().constructors()) {
      int index = constructor.parameterIndex(field.name());
      if (!constructor.isImplicit() || index < 0) {
        continue;
      }
      for (CallSite site : reach.callSitesOf(constructor)) {
        out.addAll(
            ev.arguments()
                .argument(
                    site, index, constructor, Frame.unbound(ValueEvaluator.callerMethod(site))));
      }
    }
    return out;
  }

  List<Value> fieldAccess(FieldAccessExpr access, Frame frame) {
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
            : fieldOf(field.get(), ev.eval(scope, frame));
      }
    }
    if (scopeType.staticRef() && scopeType.isKnown()) {
      return List.of(Value.str(name));
    }
    if (scope instanceof ThisExpr) {
      return List.of(Value.opaque("this." + name));
    }
    return List.of(Value.opaque(NodeText.describe(access)));
  }
}
