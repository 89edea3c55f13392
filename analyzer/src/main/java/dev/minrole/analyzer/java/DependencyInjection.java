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
 * {@code @Component} classes and {@code @Bean} methods, Dagger {@code @Provides} and {@code
 * Binds}, Guice {@code bind(X.class).to(Y.class)}, CDI and Micronaut scopes and producers, and
 * classes with an {@code @Inject} constructor.
 */
final class DependencyInjection {
  static final Set<String> MANAGED_CLASS_ANNOTATIONS =
      Set.of(
          "Component", "Service", "Repository", "Controller", "RestController", "Configuration",
          "Singleton", "ApplicationScoped", "RequestScoped", "Dependent", "SessionScoped", "Named",
          "Prototype", "Context", "Infrastructure", "Factory");
  static final Set<String> INJECT_ANNOTATIONS = Set.of("Inject", "Autowired", "Resource");
  static final Set<String> PROVIDER_ANNOTATIONS = Set.of("Provides", "Bean", "Produces");
  static final Set<String> LIFECYCLE_ANNOTATIONS = Set.of("PostConstruct");

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
                          .computeIfAbsent(names.resolve(r, method.node()).name(), k -> new ArrayList<>())
                          .add(names.resolve(method.parameters().get(0).getType(), method.node()).name()));
        }
      }
    }
    for (FileScope scope : index.scopes()) {
      for (MethodCallExpr call : scope.file().unit().findAll(MethodCallExpr.class)) {
        guiceBinding(call)
            .ifPresent(b -> explicitBindings.computeIfAbsent(b[0], k -> new ArrayList<>()).add(b[1]));
      }
    }
  }

  private boolean isManaged(TypeInfo type) {
    return Annotations.hasAny(type.annotations(), MANAGED_CLASS_ANNOTATIONS)
        || type.constructors().stream().anyMatch(c -> Annotations.hasAny(c.annotations(), INJECT_ANNOTATIONS));
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

  /** The implementations a container can inject where {@code type} is asked for. */
  Binding bindingFor(JType type) {
    Set<TypeInfo> classes = new LinkedHashSet<>();
    List<MethodInfo> suppliers = new ArrayList<>();
    for (TypeInfo candidate : managed) {
      if (index.isSubtype(candidate, type.name())) {
        classes.add(candidate);
      }
    }
    for (String bound : explicitBindings.getOrDefault(type.name(), List.of())) {
      index.get(bound).ifPresent(classes::add);
    }
    for (MethodInfo provider : providers) {
      JType provided = provider.returnType().map(r -> names.resolve(r, provider.node())).orElse(JType.UNKNOWN);
      Optional<TypeInfo> providedType = index.get(provided.name());
      if (provided.name().equals(type.name())
          || (providedType.isPresent() && index.isSubtype(providedType.get(), type.name()))) {
        suppliers.add(provider);
      }
    }
    if (classes.isEmpty() && suppliers.isEmpty()) {
      index.get(type.name()).filter(TypeInfo::isConcrete).ifPresent(classes::add);
    }
    return new Binding(new ArrayList<>(classes), suppliers);
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
    return type.isInterface() && (type.hasAnnotation("Component") || type.hasAnnotation("Subcomponent"));
  }
}
