package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The edges a dependency-injection container adds to what a function can run (Spring, Dagger,
 * Guice, CDI, Micronaut, {@link DependencyInjection}): for each injection point, the classes the
 * container would create (with their injection constructors) and the provider methods it would
 * call, all reached; several candidates are reported as {@code AMBIGUOUS_TARGET}. It remembers
 * which providers supply each field or parameter, whose results are its values.
 */
final class InjectionEdges {
  private final TypeNames names;
  private final DependencyInjection injection;
  private final Reachability reach;
  private final Set<String> injected = new LinkedHashSet<>();
  private final IdentityHashMap<Node, List<MethodInfo>> suppliers = new IdentityHashMap<>();

  /** Classes created only because an injection point had several candidates. */
  private final Set<TypeInfo> ambiguouslyInjected = new LinkedHashSet<>();

  InjectionEdges(TypeNames names, DependencyInjection injection, Reachability reach) {
    this.names = names;
    this.injection = injection;
    this.reach = reach;
  }

  Map<Node, List<MethodInfo>> suppliers() {
    return suppliers;
  }

  /** True if the container may create {@code type} only because an injection was ambiguous. */
  boolean isAmbiguouslyInjected(TypeInfo type) {
    return ambiguouslyInjected.contains(type);
  }

  void injectParameter(Parameter p) {
    injectAt(names.resolve(p.getType(), p), p.getAnnotations(), p);
  }

  /**
   * A container supplies {@code type} to a field or parameter: remember the provider methods that
   * supply it, whose results are its values, and reach what the container would create.
   */
  void injectAt(JType type, List<AnnotationExpr> annotations, Node point) {
    Optional<String> qualifier = DependencyInjection.qualifier(annotations);
    if (type.isKnown()) {
      suppliers.put(point, injection.bindingFor(type, qualifier).providers());
    }
    inject(type, qualifier, point);
  }

  /** A container supplies {@code type} here: reach what it would create. */
  void inject(JType type, Optional<String> qualifier, Node at) {
    if (!type.isKnown() || !injected.add(type.name() + qualifier.map(q -> "@" + q).orElse(""))) {
      return;
    }
    DependencyInjection.Binding binding = injection.bindingFor(type, qualifier);
    if (binding.size() > 1) {
      List<String> choices = new ArrayList<>();
      binding.classes().forEach(c -> choices.add(c.fqn()));
      binding.providers().forEach(p -> choices.add(p.signature()));
      reach.addFinding(
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
      reach.instantiate(c);
      for (MethodInfo ctor : injection.injectionConstructors(c)) {
        reach.reachMethod(ctor, null);
        ctor.parameters().forEach(this::injectParameter);
      }
    }
    for (MethodInfo provider : binding.providers()) {
      reach.touch(provider.owner());
      reach.reachMethod(provider, null);
      provider.parameters().forEach(this::injectParameter);
    }
  }
}
