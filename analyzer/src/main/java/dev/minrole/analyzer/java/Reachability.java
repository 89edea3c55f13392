package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The code one Lambda function can run: everything reachable from its entry points through calls,
 * constructors, static and instance initialization, method references, anonymous classes and
 * dependency injection. Virtual calls dispatch to the implementations of types the function
 * actually instantiates (rapid type analysis); when no instantiation is visible, for example
 * because a framework creates the object, every implementation in the sources is included and more
 * than one is reported as {@code AMBIGUOUS_TARGET}.
 */
final class Reachability {
  /** A virtual call: a statically bound method and the type dispatch starts from. */
  private record VirtualCall(
      Node site, CodeUnit caller, MethodInfo declared, TypeInfo receiver, CallSite callSite) {}

  private final TypeIndex index;
  private final TypeNames names;
  private final CallTargets targets;
  private final ExpressionTypes types;
  private final Variables variables;
  private final DependencyInjection injection;

  private final Set<CodeUnit> reached = new LinkedHashSet<>();
  private final Deque<CodeUnit> work = new ArrayDeque<>();
  private final Set<TypeInfo> instantiated = new LinkedHashSet<>();
  private final Set<TypeInfo> initialized = new LinkedHashSet<>();
  private final Set<String> injected = new LinkedHashSet<>();
  private final Map<Node, List<MethodInfo>> suppliers = new IdentityHashMap<>();

  /** Classes created only because an injection point had several candidates. */
  private final Set<TypeInfo> ambiguouslyInjected = new LinkedHashSet<>();

  /**
   * Virtual calls bound to a target the function may not create: by fallback or ambiguous
   * injection.
   */
  private final Set<Node> guessed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private final Map<MethodInfo, List<CallSite>> callSites = new IdentityHashMap<>();
  private final List<VirtualCall> virtualCalls = new ArrayList<>();
  private final Map<Node, Set<MethodInfo>> dispatched = new IdentityHashMap<>();
  private final Map<String, Finding> findings = new LinkedHashMap<>();

  Reachability(
      TypeIndex index,
      TypeNames names,
      CallTargets targets,
      ExpressionTypes types,
      Variables variables,
      DependencyInjection injection) {
    this.index = index;
    this.names = names;
    this.targets = targets;
    this.types = types;
    this.variables = variables;
    this.injection = injection;
  }

  /** What the function can run, and where each method of the sources is called from. */
  record Result(
      Set<CodeUnit> units,
      Map<MethodInfo, List<CallSite>> callSites,
      Map<Node, Set<MethodInfo>> dispatched,
      Set<TypeInfo> instantiated,
      Map<Node, List<MethodInfo>> suppliers,
      List<Finding> findings) {

    List<CallSite> callSitesOf(MethodInfo method) {
      return callSites.getOrDefault(method, List.of());
    }

    /** The provider methods whose results a container injects into this field or parameter. */
    List<MethodInfo> suppliersOf(Node injectionPoint) {
      return suppliers.getOrDefault(injectionPoint, List.of());
    }

    boolean reaches(MethodInfo method) {
      return units.contains(new CodeUnit.Method(method));
    }
  }

  /** Lambda creates the handler class with its no-argument constructor, then calls the method. */
  Result fromHandler(TypeInfo handlerClass, List<MethodInfo> handlerMethods) {
    instantiate(handlerClass);
    for (MethodInfo c : handlerClass.constructors()) {
      if (c.parameters().isEmpty()) {
        reachMethod(c, null);
      }
    }
    handlerMethods.forEach(m -> reachMethod(m, null));
    return run();
  }

  /**
   * A framework's entry points ({@link EntryPoints}): Lambda creates the handler class, if there is
   * one, and calls its methods; the container creates its beans as it would for an injection point
   * and calls the providers and methods the framework runs.
   */
  Result fromEntryPoints(EntryPoints entries) {
    entries.handler().ifPresent(h -> fromHandlerClass(h, entries.handlerMethods()));
    for (TypeInfo bean : entries.managed()) {
      instantiate(bean);
      for (MethodInfo ctor : injection.injectionConstructors(bean)) {
        reachMethod(ctor, null);
        ctor.parameters().forEach(this::injectParameter);
      }
    }
    for (MethodInfo provider : entries.providers()) {
      touch(provider.owner());
      reachMethod(provider, null);
      provider.parameters().forEach(this::injectParameter);
    }
    for (MethodInfo method : entries.methods()) {
      touch(method.owner());
      reachMethod(method, null);
    }
    return run();
  }

  private void fromHandlerClass(TypeInfo handlerClass, List<MethodInfo> handlerMethods) {
    instantiate(handlerClass);
    for (MethodInfo c : handlerClass.constructors()) {
      if (c.parameters().isEmpty()) {
        reachMethod(c, null);
      }
    }
    handlerMethods.forEach(m -> reachMethod(m, null));
  }

  /** Every given method is an entry point, as when no handler is known. */
  Result fromMethods(Collection<MethodInfo> methods) {
    for (MethodInfo m : methods) {
      touch(m.owner());
      reachMethod(m, null);
    }
    return run();
  }

  private Result run() {
    boolean changed = true;
    while (changed) {
      drain();
      changed = redispatch(false);
      if (!changed) {
        changed = redispatch(true);
      }
    }
    reportAmbiguity();
    return new Result(
        reached,
        callSites,
        dispatched,
        instantiated,
        suppliers,
        List.copyOf(new TreeSet<>(findings.values())));
  }

  private void drain() {
    while (!work.isEmpty()) {
      CodeUnit unit = work.removeFirst();
      if (unit instanceof CodeUnit.Method m) {
        implicitSuperConstructor(m.method(), unit);
      }
      for (Node root : unit.roots()) {
        visit(root, unit);
      }
    }
  }

  private void reach(CodeUnit unit) {
    if (reached.add(unit)) {
      work.addLast(unit);
    }
  }

  private void reachMethod(MethodInfo method, CallSite site) {
    if (site != null) {
      callSites.computeIfAbsent(method, m -> new ArrayList<>()).add(site);
    }
    reach(new CodeUnit.Method(method));
    if (method.isConstructor()) {
      reach(new CodeUnit.InstanceInit(method.owner()));
      touch(method.owner());
    }
    if (method.isStatic()) {
      touch(method.owner());
    }
  }

  /** A class is initialized on first use; its superclasses are initialized first. */
  private void touch(TypeInfo type) {
    if (!initialized.add(type)) {
      return;
    }
    reach(new CodeUnit.StaticInit(type));
    if (type.isEnum()) {
      constructEnumConstants(type);
    }
    for (JType s : type.supertypes()) {
      index.get(s.name()).ifPresent(this::touch);
    }
    type.outer().ifPresent(this::touch);
  }

  /** Initializing an enum creates its constants, each with its constructor and arguments. */
  private void constructEnumConstants(TypeInfo type) {
    instantiated.add(type);
    reach(new CodeUnit.InstanceInit(type));
    for (FieldInfo field : type.fields().values()) {
      if (field.node() instanceof com.github.javaparser.ast.body.EnumConstantDeclaration constant) {
        CallSite site =
            CallSite.withArguments(
                constant, new CodeUnit.StaticInit(type), constant.getArguments());
        for (MethodInfo c : type.constructors()) {
          if (c.acceptsArity(constant.getArguments().size())) {
            reachMethod(c, site);
          }
        }
      }
    }
  }

  private void instantiate(TypeInfo type) {
    if (!instantiated.add(type)) {
      return;
    }
    touch(type);
    reach(new CodeUnit.InstanceInit(type));
    if (type.kind() == TypeInfo.Kind.ANONYMOUS) {
      type.methods().forEach(m -> reachMethod(m, null));
    }
    for (TypeInfo t : index.hierarchy(type)) {
      for (FieldInfo field : t.fields().values()) {
        if (DependencyInjection.isInjectedField(field)) {
          injectAt(
              names.resolve(field.declaredType(), field.node()), field.annotations(), field.node());
        }
      }
      for (MethodInfo m : t.methods()) {
        if (Annotations.hasAny(m.annotations(), DependencyInjection.LIFECYCLE_ANNOTATIONS)
            || (Annotations.hasAny(m.annotations(), DependencyInjection.INJECT_ANNOTATIONS)
                && !m.isStatic())) {
          reachMethod(m, null);
          m.parameters().forEach(this::injectParameter);
        }
      }
    }
  }

  private void injectParameter(Parameter p) {
    injectAt(names.resolve(p.getType(), p), p.getAnnotations(), p);
  }

  /**
   * A container supplies {@code type} to a field or parameter: remember the provider methods that
   * supply it, whose results are its values, and reach what the container would create.
   */
  private void injectAt(JType type, List<AnnotationExpr> annotations, Node point) {
    Optional<String> qualifier = DependencyInjection.qualifier(annotations);
    if (type.isKnown()) {
      suppliers.put(point, injection.bindingFor(type, qualifier).providers());
    }
    inject(type, qualifier, point);
  }

  /** A container supplies {@code type} here: reach what it would create. */
  private void inject(JType type, Optional<String> qualifier, Node at) {
    if (!type.isKnown() || !injected.add(type.name() + qualifier.map(q -> "@" + q).orElse(""))) {
      return;
    }
    DependencyInjection.Binding binding = injection.bindingFor(type, qualifier);
    if (binding.size() > 1) {
      List<String> choices = new ArrayList<>();
      binding.classes().forEach(c -> choices.add(c.fqn()));
      binding.providers().forEach(p -> choices.add(p.signature()));
      addFinding(
          "AMBIGUOUS_TARGET",
          "several implementations can be injected for "
              + type.name()
              + ": "
              + String.join(", ", choices)
              + "; all are included. Qualify the injection point to narrow it",
          at);
      ambiguouslyInjected.addAll(binding.classes());
    }
    for (TypeInfo c : binding.classes()) {
      instantiate(c);
      for (MethodInfo ctor : injection.injectionConstructors(c)) {
        reachMethod(ctor, null);
        ctor.parameters().forEach(this::injectParameter);
      }
    }
    for (MethodInfo provider : binding.providers()) {
      touch(provider.owner());
      reachMethod(provider, null);
      provider.parameters().forEach(this::injectParameter);
    }
  }

  /**
   * A constructor without {@code this(...)} or {@code super(...)} runs the superclass's no-arg one.
   */
  private void implicitSuperConstructor(MethodInfo method, CodeUnit unit) {
    if (!method.isConstructor()) {
      return;
    }
    Optional<BlockStmt> body = method.body();
    boolean explicit =
        body.isPresent()
            && !body.get().getStatements().isEmpty()
            && body.get().getStatement(0) instanceof ExplicitConstructorInvocationStmt;
    if (explicit) {
      return;
    }
    superclass(method.owner())
        .ifPresent(
            superType -> {
              for (MethodInfo c : superType.constructors()) {
                if (c.parameters().isEmpty()) {
                  reachMethod(c, CallSite.opaque(method.node(), unit));
                }
              }
            });
  }

  private Optional<TypeInfo> superclass(TypeInfo type) {
    for (JType s : type.supertypes()) {
      Optional<TypeInfo> t = index.get(s.name());
      if (t.isPresent() && !t.get().isInterface()) {
        return t;
      }
    }
    return Optional.empty();
  }

  /** Visits the code of a unit, but not the bodies of local and anonymous classes in it. */
  private void visit(Node node, CodeUnit unit) {
    if (node instanceof LocalClassDeclarationStmt || node instanceof LocalRecordDeclarationStmt) {
      return;
    }
    if (node instanceof TypeDeclaration<?>) {
      return;
    }
    if (node instanceof MethodCallExpr call) {
      onCall(call, unit);
    } else if (node instanceof ObjectCreationExpr creation) {
      onCreation(creation, unit);
    } else if (node instanceof ExplicitConstructorInvocationStmt explicit) {
      onExplicitConstructor(explicit, unit);
    } else if (node instanceof MethodReferenceExpr reference) {
      onMethodReference(reference, unit);
    } else if (node instanceof FieldAccessExpr || node instanceof NameExpr) {
      onStaticReference((Expression) node);
    }
    for (Node child : node.getChildNodes()) {
      if (node instanceof ObjectCreationExpr creation
          && creation.getAnonymousClassBody().isPresent()
          && child instanceof com.github.javaparser.ast.body.BodyDeclaration<?>) {
        continue;
      }
      visit(child, unit);
    }
  }

  private void onCall(MethodCallExpr call, CodeUnit unit) {
    CallTargets.Resolution resolution = targets.resolve(call);
    CallSite site = CallSite.withArguments(call, unit, call.getArguments());
    if (resolution.declared().isEmpty()) {
      containerLookup(call).ifPresent(t -> inject(t, Optional.empty(), call));
      reflection(call, resolution.receiver());
      return;
    }
    Optional<TypeInfo> receiver = index.get(resolution.receiver().name());
    for (MethodInfo declared : resolution.declared()) {
      if (declared.isAbstract() && DependencyInjection.isComponentInterface(declared.owner())) {
        declared
            .returnType()
            .ifPresent(r -> inject(names.resolve(r, declared.node()), Optional.empty(), call));
        declared
            .parameters()
            .forEach(
                p ->
                    inject(
                        names.resolve(p.getType(), p),
                        DependencyInjection.qualifier(p.getAnnotations()),
                        call));
        continue;
      }
      if (!resolution.isVirtual()
          || declared.isStatic()
          || declared.isPrivate()
          || receiver.isEmpty()) {
        reachMethod(declared, site);
        continue;
      }
      VirtualCall virtualCall = new VirtualCall(call, unit, declared, receiver.get(), site);
      virtualCalls.add(virtualCall);
      dispatch(virtualCall, false);
    }
  }

  private static final java.util.Map<String, java.util.Set<String>> REFLECTIVE =
      java.util.Map.of(
          "java.lang.reflect.Method", java.util.Set.of("invoke"),
          "java.lang.reflect.Constructor", java.util.Set.of("newInstance"),
          "java.lang.Class", java.util.Set.of("forName", "newInstance"),
          "java.lang.invoke.MethodHandle",
              java.util.Set.of("invoke", "invokeExact", "invokeWithArguments"));

  /** Code called through reflection cannot be followed; say so where it happens. */
  private void reflection(MethodCallExpr call, JType receiver) {
    if (REFLECTIVE
        .getOrDefault(receiver.name(), java.util.Set.of())
        .contains(call.getNameAsString())) {
      addFinding(
          "REFLECTIVE_CALL",
          ValueEvaluator.describe(call)
              + " calls code through reflection, which the analyzer cannot follow; AWS calls made there"
              + " are not in the policy. Call it directly, or add its permissions by hand",
          call);
    }
  }

  /** {@code context.getBean(X.class)}, {@code injector.getInstance(X.class)}: X is injected. */
  private Optional<JType> containerLookup(MethodCallExpr call) {
    String name = call.getNameAsString();
    if (!(name.equals("getBean") || name.equals("getInstance") || name.equals("select"))) {
      return Optional.empty();
    }
    for (Expression arg : call.getArguments()) {
      if (arg instanceof ClassExpr classExpr) {
        return Optional.of(names.resolve(classExpr.getType(), classExpr));
      }
    }
    return Optional.empty();
  }

  /**
   * Binds a virtual call to the implementations in instantiated types, or, with {@code fallback},
   * in every concrete type of the sources when none is instantiated. Returns true if it found a
   * target it did not have.
   */
  private boolean dispatch(VirtualCall call, boolean fallback) {
    Set<MethodInfo> found = dispatched.computeIfAbsent(call.site(), k -> new LinkedHashSet<>());
    List<TypeInfo> candidates = new ArrayList<>();
    candidates.add(call.receiver());
    candidates.addAll(index.subtypes(call.receiver().fqn()));
    boolean added = false;
    boolean anyInstantiated = false;
    for (TypeInfo c : candidates) {
      if (!c.isConcrete()
          || ((!fallback || narrowsLiveObjects(call.site())) && !instantiated.contains(c))) {
        continue;
      }
      anyInstantiated = true;
      Optional<MethodInfo> impl = targets.implementationIn(c, call.declared());
      if (impl.isPresent() && (fallback || ambiguouslyInjected.contains(c))) {
        guessed.add(call.site());
      }
      if (impl.isPresent() && found.add(impl.get())) {
        reachMethod(impl.get(), call.callSite());
        added = true;
      }
    }
    if (fallback
        && !anyInstantiated
        && !call.declared().isAbstract()
        && !narrowsLiveObjects(call.site())
        && found.add(call.declared())) {
      guessed.add(call.site());
      reachMethod(call.declared(), call.callSite());
      added = true;
    }
    return added;
  }

  /**
   * True if the receiver of {@code site} is an object the function already has, seen through a
   * narrower type ({@code x instanceof Legacy l}, {@code case Legacy l}, {@code (Legacy) x}) where
   * the function creates objects of {@code x}'s type. Such a receiver is one of those objects, so
   * the call dispatches to them only, never to every class of the sources: a branch whose pattern
   * no created object matches cannot run.
   */
  private boolean narrowsLiveObjects(Node site) {
    if (!(site instanceof MethodCallExpr call) || call.getScope().isEmpty()) {
      return false;
    }
    Optional<Expression> scrutinee = NarrowedValues.scrutinee(call.getScope().get(), variables);
    if (scrutinee.isEmpty()) {
      return false;
    }
    Optional<TypeInfo> wide = index.get(types.typeOf(scrutinee.get()).name());
    if (wide.isEmpty()) {
      return false;
    }
    List<TypeInfo> all = new ArrayList<>(index.subtypes(wide.get().fqn()));
    all.add(wide.get());
    return all.stream().anyMatch(instantiated::contains);
  }

  private boolean redispatch(boolean fallback) {
    boolean added = false;
    for (VirtualCall call : new ArrayList<>(virtualCalls)) {
      Set<MethodInfo> found = dispatched.getOrDefault(call.site(), Set.of());
      if (fallback && !found.isEmpty()) {
        continue;
      }
      added |= dispatch(call, fallback);
    }
    return added;
  }

  private void reportAmbiguity() {
    Map<Node, VirtualCall> bySite = new IdentityHashMap<>();
    virtualCalls.forEach(c -> bySite.putIfAbsent(c.site(), c));
    for (Map.Entry<Node, VirtualCall> e : bySite.entrySet()) {
      Set<MethodInfo> found = dispatched.getOrDefault(e.getKey(), Set.of());
      if (found.size() > 1 && guessed.contains(e.getKey())) {
        List<String> owners = found.stream().map(m -> m.owner().fqn()).sorted().toList();
        addFinding(
            "AMBIGUOUS_TARGET",
            "call to "
                + e.getValue().receiver().fqn()
                + "."
                + e.getValue().declared().name()
                + " can run "
                + String.join(", ", owners)
                + "; all are included",
            e.getKey());
      }
    }
  }

  private void onCreation(ObjectCreationExpr creation, CodeUnit unit) {
    if (creation.getAnonymousClassBody().isPresent()) {
      index.forNode(creation).ifPresent(this::instantiate);
    } else {
      index.get(types.typeOf(creation).name()).ifPresent(this::instantiate);
    }
    CallSite site = CallSite.withArguments(creation, unit, creation.getArguments());
    for (MethodInfo c : targets.constructors(creation)) {
      reachMethod(c, site);
    }
  }

  private void onExplicitConstructor(ExplicitConstructorInvocationStmt explicit, CodeUnit unit) {
    TypeInfo owner = unit.owner();
    Optional<TypeInfo> target = explicit.isThis() ? Optional.of(owner) : superclass(owner);
    if (target.isEmpty()) {
      return;
    }
    CallSite site = CallSite.withArguments(explicit, unit, explicit.getArguments());
    for (MethodInfo c : target.get().constructors()) {
      if (c.acceptsArity(explicit.getArguments().size())) {
        reachMethod(c, site);
      }
    }
  }

  private void onMethodReference(MethodReferenceExpr reference, CodeUnit unit) {
    CallSite site = CallSite.opaque(reference, unit);
    for (MethodInfo m : targets.methodReference(reference)) {
      if (m.isConstructor()) {
        instantiate(m.owner());
      }
      if (!m.isStatic() && !m.isConstructor() && !m.isPrivate()) {
        VirtualCall call = new VirtualCall(reference, unit, m, m.owner(), site);
        virtualCalls.add(call);
        if (!m.isAbstract()) {
          reachMethod(m, site);
          dispatched.computeIfAbsent(reference, k -> new LinkedHashSet<>()).add(m);
        }
        dispatch(call, false);
      } else {
        reachMethod(m, site);
      }
    }
  }

  /** Reading a static field of a type initializes that type. */
  private void onStaticReference(Expression expression) {
    if (expression instanceof NameExpr name) {
      if (!Character.isUpperCase(name.getNameAsString().charAt(0))) {
        return;
      }
      variables
          .lookup(name.getNameAsString(), name)
          .filter(r -> r instanceof VarRef.Field f && f.field().isStatic())
          .ifPresent(r -> touch(((VarRef.Field) r).field().owner()));
      return;
    }
    FieldAccessExpr access = (FieldAccessExpr) expression;
    JType scope = types.typeOf(access.getScope());
    if (scope.staticRef()) {
      index.get(scope.name()).ifPresent(this::touch);
    }
  }

  private void addFinding(String id, String message, Node at) {
    SourceLocation location = Locations.of(at, index);
    findings.putIfAbsent(id + location + message, Finding.warning(id, message, location));
  }
}
