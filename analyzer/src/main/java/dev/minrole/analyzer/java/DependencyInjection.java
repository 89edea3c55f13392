package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a dependency-injection container hands out for a type, read from the sources: Spring
 * {@code @Component} classes and {@code @Bean} methods, Dagger {@code @Provides} and {@code Binds},
 * Guice {@code bind(X.class).to(Y.class)}, CDI and Micronaut scopes and producers, and classes with
 * an {@code @Inject} constructor.
 */
final class DependencyInjection {
  static final Set<String> MANAGED_CLASS_ANNOTATIONS =
      Set.of(
          "Component",
          "Service",
          "Repository",
          "Controller",
          "RestController",
          "Configuration",
          "Singleton",
          "ApplicationScoped",
          "RequestScoped",
          "Dependent",
          "SessionScoped",
          "Named",
          "Prototype",
          "Context",
          "Infrastructure",
          "Factory");
  static final Set<String> INJECT_ANNOTATIONS = Set.of("Inject", "Autowired", "Resource");
  static final Set<String> PROVIDER_ANNOTATIONS = Set.of("Provides", "Bean", "Produces");
  static final Set<String> LIFECYCLE_ANNOTATIONS = Set.of("PostConstruct");
  static final List<String> QUALIFIER_ANNOTATIONS = List.of("Named", "Qualifier");

  /** The classes and provider methods that can supply one injected type. */
  record Binding(List<TypeInfo> classes, List<MethodInfo> providers) {
    Binding {
      classes = List.copyOf(classes);
      providers = List.copyOf(providers);
    }

    int size() {
      return classes.size() + providers.size();
    }
  }

  private final TypeIndex index;
  private final TypeNames names;
  private final List<TypeInfo> managed = new ArrayList<>();
  private final List<MethodInfo> providers = new ArrayList<>();
  private final Map<String, List<String>> explicitBindings = new HashMap<>();

  DependencyInjection(TypeIndex index, TypeNames names) {
    this.index = index;
    this.names = names;
    for (TypeInfo type : index.types()) {
      if (type.isConcrete() && isManaged(type)) {
        managed.add(type);
      }
      for (MethodInfo method : type.methods()) {
        if (Annotations.hasAny(method.annotations(), PROVIDER_ANNOTATIONS)) {
          providers.add(method);
        }
        if (method.hasAnnotation("Binds") && method.parameters().size() == 1) {
          method
              .returnType()
              .ifPresent(
                  r ->
                      explicitBindings
                          .computeIfAbsent(
                              names.resolve(r, method.node()).name(), k -> new ArrayList<>())
                          .add(
                              names
                                  .resolve(method.parameters().get(0).getType(), method.node())
                                  .name()));
        }
      }
    }
    for (FileScope scope : index.scopes()) {
      for (MethodCallExpr call : scope.file().unit().findAll(MethodCallExpr.class)) {
        guiceBinding(call)
            .ifPresent(
                b -> explicitBindings.computeIfAbsent(b[0], k -> new ArrayList<>()).add(b[1]));
      }
    }
  }

  private boolean isManaged(TypeInfo type) {
    return Annotations.hasAny(type.annotations(), MANAGED_CLASS_ANNOTATIONS)
        || type.constructors().stream()
            .anyMatch(c -> Annotations.hasAny(c.annotations(), INJECT_ANNOTATIONS));
  }

  /** {@code bind(X.class).to(Y.class)} as {@code [X, Y]}. */
  private Optional<String[]> guiceBinding(MethodCallExpr call) {
    if (!"to".equals(call.getNameAsString()) || call.getArguments().size() != 1) {
      return Optional.empty();
    }
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty()
        || !(scope.get() instanceof MethodCallExpr bind)
        || !"bind".equals(bind.getNameAsString())
        || bind.getArguments().size() != 1
        || !(bind.getArgument(0) instanceof ClassExpr from)
        || !(call.getArgument(0) instanceof ClassExpr to)) {
      return Optional.empty();
    }
    return Optional.of(
        new String[] {
          names.resolve(from.getType(), from).name(), names.resolve(to.getType(), to).name()
        });
  }

  /**
   * The implementations a container can inject where {@code type} is asked for, with {@code
   * qualifier} ({@code @Named("x")}, {@code @Qualifier("x")}) when the injection point has one. An
   * explicit binding ({@code @Binds}, Guice's {@code bind(X.class).to(Y.class)}) decides which
   * class serves an interface; without one, every managed implementation can. Suppliers with the
   * same qualifier are chosen; when none has it, all are kept, which grants more rather than miss a
   * call.
   */
  Binding bindingFor(JType type, Optional<String> qualifier) {
    Set<TypeInfo> classes = new LinkedHashSet<>();
    List<MethodInfo> suppliers = new ArrayList<>();
    List<String> bound = explicitBindings.getOrDefault(type.name(), List.of());
    if (bound.isEmpty()) {
      for (TypeInfo candidate : managed) {
        if (index.isSubtype(candidate, type.name())) {
          classes.add(candidate);
        }
      }
    }
    for (String name : bound) {
      index.get(name).ifPresent(classes::add);
    }
    for (MethodInfo provider : providers) {
      JType provided =
          provider.returnType().map(r -> names.resolve(r, provider.node())).orElse(JType.UNKNOWN);
      Optional<TypeInfo> providedType = index.get(provided.name());
      if (provided.name().equals(type.name())
          || (providedType.isPresent() && index.isSubtype(providedType.get(), type.name()))) {
        suppliers.add(provider);
      }
    }
    if (classes.isEmpty() && suppliers.isEmpty()) {
      index.get(type.name()).filter(TypeInfo::isConcrete).ifPresent(classes::add);
    }
    return new Binding(
        sameQualifier(new ArrayList<>(classes), qualifier, DependencyInjection::qualifierOf),
        sameQualifier(suppliers, qualifier, DependencyInjection::qualifierOf));
  }

  private static <T> List<T> sameQualifier(
      List<T> candidates,
      Optional<String> qualifier,
      java.util.function.Function<T, Optional<String>> qualifierOf) {
    if (qualifier.isEmpty() || candidates.size() < 2) {
      return candidates;
    }
    List<T> same = candidates.stream().filter(c -> qualifierOf.apply(c).equals(qualifier)).toList();
    return same.isEmpty() ? candidates : same;
  }

  /** The qualifier of an injection point or a supplier: {@code @Named} or {@code @Qualifier}. */
  static Optional<String> qualifier(
      java.util.Collection<com.github.javaparser.ast.expr.AnnotationExpr> annotations) {
    for (String name : QUALIFIER_ANNOTATIONS) {
      Optional<String> value =
          Annotations.find(annotations, name)
              .flatMap(a -> Annotations.attribute(a, "value"))
              .filter(e -> e.isStringLiteralExpr())
              .map(e -> e.asStringLiteralExpr().asString());
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** A provider's qualifier; a Spring {@code @Bean} is also named by its method. */
  private static Optional<String> qualifierOf(MethodInfo provider) {
    Optional<String> q = qualifier(provider.annotations());
    if (q.isPresent() || !provider.hasAnnotation("Bean")) {
      return q;
    }
    return Optional.of(provider.name());
  }

  /** A class's qualifier; a Spring component is also named by its annotation's value. */
  private static Optional<String> qualifierOf(TypeInfo type) {
    Optional<String> q = qualifier(type.annotations());
    if (q.isPresent()) {
      return q;
    }
    for (String name : List.of("Component", "Service", "Repository")) {
      Optional<String> value =
          Annotations.find(type.annotations(), name)
              .flatMap(a -> Annotations.attribute(a, "value"))
              .filter(e -> e.isStringLiteralExpr())
              .map(e -> e.asStringLiteralExpr().asString());
      if (value.isPresent()) {
        return value;
      }
    }
    String simple = type.simpleName();
    return Optional.of(Character.toLowerCase(simple.charAt(0)) + simple.substring(1));
  }

  /** The constructor a container calls: the annotated one, else the only one, else all. */
  List<MethodInfo> injectionConstructors(TypeInfo type) {
    List<MethodInfo> annotated =
        type.constructors().stream()
            .filter(c -> Annotations.hasAny(c.annotations(), INJECT_ANNOTATIONS))
            .toList();
    return annotated.isEmpty() ? type.constructors() : annotated;
  }

  static boolean isInjectedField(FieldInfo field) {
    return Annotations.hasAny(field.annotations(), INJECT_ANNOTATIONS);
  }

  static boolean isComponentInterface(TypeInfo type) {
    return type.isInterface()
        && (type.hasAnnotation("Component") || type.hasAnnotation("Subcomponent"));
  }
}
