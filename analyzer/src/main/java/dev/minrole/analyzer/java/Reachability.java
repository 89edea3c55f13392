package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
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
 * than one is reported as {@code AMBIGUOUS_TARGET}. {@link InjectionEdges} adds what a
 * dependency-injection container creates and calls, {@link VirtualDispatch} binds virtual calls;
 * ADR 0006 explains the choices.
 *
 * <p>It stays one class of about 450 lines because the worklist, the reached set, the instantiated
 * and initialized types and the call sites change together in one fixed-point loop; splitting them
 * further would pass that mutable state between classes instead of keeping it in one place.
 */
final class Reachability {
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

  private final IdentityHashMap<MethodInfo, List<CallSite>> callSites = new IdentityHashMap<>();
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final InjectionEdges edges;
  private final VirtualDispatch virtual;

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
    this.edges = new InjectionEdges(names, injection, this);
    this.virtual = new VirtualDispatch(index, targets, types, variables, edges, this);
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
        ctor.parameters().forEach(edges::injectParameter);
      }
    }
    for (MethodInfo provider : entries.providers()) {
      touch(provider.owner());
      reachMethod(provider, null);
      provider.parameters().forEach(edges::injectParameter);
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
      changed = virtual.redispatch(false);
      if (!changed) {
        changed = virtual.redispatch(true);
      }
    }
    virtual.reportAmbiguity();
    return new Result(
        reached,
        callSites,
        virtual.dispatched(),
        instantiated,
        edges.suppliers(),
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

  void reachMethod(MethodInfo method, CallSite site) {
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
  void touch(TypeInfo type) {
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

  void instantiate(TypeInfo type) {
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
          edges.injectAt(
              names.resolve(field.declaredType(), field.node()), field.annotations(), field.node());
        }
      }
      for (MethodInfo m : t.methods()) {
        if (Annotations.hasAny(m.annotations(), DependencyInjection.LIFECYCLE_ANNOTATIONS)
            || (Annotations.hasAny(m.annotations(), DependencyInjection.INJECT_ANNOTATIONS)
                && !m.isStatic())) {
          reachMethod(m, null);
          m.parameters().forEach(edges::injectParameter);
        }
      }
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
      containerLookup(call).ifPresent(t -> edges.inject(t, Optional.empty(), call));
      reflection(call, resolution.receiver());
      return;
    }
    Optional<TypeInfo> receiver = index.get(resolution.receiver().name());
    for (MethodInfo declared : resolution.declared()) {
      if (declared.isAbstract() && DependencyInjection.isComponentInterface(declared.owner())) {
        declared
            .returnType()
            .ifPresent(
                r -> edges.inject(names.resolve(r, declared.node()), Optional.empty(), call));
        declared
            .parameters()
            .forEach(
                p ->
                    edges.inject(
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
      virtual.add(new VirtualDispatch.VirtualCall(call, unit, declared, receiver.get(), site));
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
          NodeText.describe(call)
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
        if (!m.isAbstract()) {
          reachMethod(m, site);
          virtual.bound(reference, m);
        }
        virtual.add(new VirtualDispatch.VirtualCall(reference, unit, m, m.owner(), site));
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

  boolean isInstantiated(TypeInfo type) {
    return instantiated.contains(type);
  }

  void addFinding(String id, String message, Node at) {
    SourceLocation location = Locations.of(at, index);
    findings.putIfAbsent(id + location + message, Finding.warning(id, message, location));
  }
}
