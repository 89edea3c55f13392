package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.minrole.analyzer.entry.EntrySpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, in the sources, the entry points one {@link EntrySpec} of a framework model describes:
 * function beans and their providers, annotated request methods, the methods a library base class
 * calls. Candidates come sorted, so what follows never depends on file order.
 */
final class EntryCandidates {
  private static final Comparator<EntryCandidate> ORDER =
      Comparator.comparing(EntryCandidate::label).thenComparing(EntryCandidate::name);

  private final TypeIndex index;
  private final TypeNames names;

  EntryCandidates(TypeIndex index, TypeNames names) {
    this.index = index;
    this.names = names;
  }

  /** The candidates of {@code spec}; {@code handler} is the user's handler class, if any. */
  List<EntryCandidate> of(EntrySpec spec, Optional<TypeInfo> handler) {
    List<EntryCandidate> out;
    if (spec instanceof EntrySpec.Beans beans) {
      out = beans(beans);
    } else if (spec instanceof EntrySpec.Methods methods) {
      out = methods(methods);
    } else {
      out = inherited((EntrySpec.Inherited) spec, handler);
    }
    return out.stream().sorted(ORDER).toList();
  }

  private List<EntryCandidate> beans(EntrySpec.Beans spec) {
    List<EntryCandidate> out = new ArrayList<>();
    for (TypeInfo type : declaredTypes()) {
      for (MethodInfo provider : type.methods()) {
        if (Annotations.hasAny(provider.annotations(), spec.providers())
            && providesOneOf(provider, spec.types())) {
          out.add(provider(provider, spec));
        }
      }
      if (type.isConcrete()
          && implementsOneOf(type, spec.types())
          && (spec.classes().isEmpty() || Annotations.hasAny(type.annotations(), spec.classes()))) {
        String name =
            annotationValue(type.annotations(), spec.names())
                .orElse(decapitalize(type.simpleName()));
        out.add(
            new EntryCandidate(
                name,
                type.fqn(),
                type,
                type.node(),
                new EntryPoints(
                    Optional.empty(),
                    List.of(),
                    List.of(type),
                    List.of(),
                    calls(type, spec.calls()))));
      }
    }
    return out;
  }

  /**
   * A provider method: the container creates its class and injects its parameters; what it returns
   * is called. A lambda or method reference it returns is part of its code already; a class it
   * creates with {@code new} has its called methods added.
   */
  private EntryCandidate provider(MethodInfo provider, EntrySpec.Beans spec) {
    List<MethodInfo> called = new ArrayList<>();
    Set<TypeInfo> created = new LinkedHashSet<>();
    provider
        .returnType()
        .flatMap(r -> index.get(names.resolve(r, provider.node()).name()))
        .filter(TypeInfo::isConcrete)
        .ifPresent(created::add);
    provider
        .body()
        .ifPresent(
            body -> {
              for (ObjectCreationExpr creation : body.findAll(ObjectCreationExpr.class)) {
                if (creation.getAnonymousClassBody().isEmpty()) {
                  index
                      .get(names.resolve(creation.getType(), creation).name())
                      .filter(t -> implementsOneOf(t, spec.types()))
                      .ifPresent(created::add);
                }
              }
            });
    created.forEach(t -> called.addAll(calls(t, spec.calls())));
    String name =
        annotationValue(provider.annotations(), List.of("Bean"), "name")
            .or(() -> annotationValue(provider.annotations(), spec.names()))
            .orElse(provider.name());
    List<TypeInfo> managed = provider.isStatic() ? List.of() : List.of(provider.owner());
    return new EntryCandidate(
        name,
        provider.owner().fqn() + "::" + provider.name(),
        provider.owner(),
        provider.node(),
        new EntryPoints(Optional.empty(), List.of(), managed, List.of(provider), called));
  }

  private List<EntryCandidate> methods(EntrySpec.Methods spec) {
    List<EntryCandidate> out = new ArrayList<>();
    for (TypeInfo type : declaredTypes()) {
      for (MethodInfo method : type.methods()) {
        if (!Annotations.hasAny(method.annotations(), spec.annotations())) {
          continue;
        }
        String name = annotationValue(method.annotations(), spec.names()).orElse(method.name());
        if (method.isStatic()) {
          if (classMatches(type, type, spec)) {
            out.add(method(name, type, method, List.of()));
          }
          continue;
        }
        for (TypeInfo runs : concreteOf(type)) {
          if (!classMatches(type, runs, spec)) {
            continue;
          }
          for (MethodInfo impl : calls(runs, List.of(method.name()))) {
            if (impl.parameters().size() == method.parameters().size()) {
              out.add(method(name, runs, impl, List.of(runs)));
            }
          }
        }
      }
    }
    return out;
  }

  private static EntryCandidate method(
      String name, TypeInfo runs, MethodInfo method, List<TypeInfo> managed) {
    return new EntryCandidate(
        name,
        runs.fqn() + "::" + method.name(),
        runs,
        method.node(),
        new EntryPoints(Optional.empty(), List.of(), managed, List.of(), List.of(method)));
  }

  /** A class filter holds on the type that declares the method or on the class that runs it. */
  private static boolean classMatches(TypeInfo declaring, TypeInfo runs, EntrySpec.Methods spec) {
    return spec.classes().isEmpty()
        || Annotations.hasAny(declaring.annotations(), spec.classes())
        || Annotations.hasAny(runs.annotations(), spec.classes());
  }

  private List<EntryCandidate> inherited(EntrySpec.Inherited spec, Optional<TypeInfo> handler) {
    if (handler.isEmpty()) {
      return List.of();
    }
    List<EntryCandidate> out = new ArrayList<>();
    for (MethodInfo m : calls(handler.get(), spec.calls())) {
      out.add(
          new EntryCandidate(
              m.name(),
              m.owner().fqn() + "::" + m.name(),
              handler.get(),
              m.node(),
              new EntryPoints(Optional.empty(), List.of(), List.of(), List.of(), List.of(m))));
    }
    return out;
  }

  /** The concrete classes an instance method of {@code type} can run in: itself or subclasses. */
  private List<TypeInfo> concreteOf(TypeInfo type) {
    List<TypeInfo> out = new ArrayList<>();
    if (type.isConcrete()) {
      out.add(type);
    }
    for (TypeInfo sub : index.subtypes(type.fqn())) {
      if (sub.isConcrete() && sub.kind() != TypeInfo.Kind.ANONYMOUS) {
        out.add(sub);
      }
    }
    return out;
  }

  /**
   * The implementations an instance of {@code type} runs for each of {@code names}: per name and
   * number of parameters, the nearest non-abstract declaration in its hierarchy.
   */
  List<MethodInfo> calls(TypeInfo type, Collection<String> methodNames) {
    List<MethodInfo> out = new ArrayList<>();
    for (String name : methodNames) {
      List<MethodInfo> found = new ArrayList<>();
      for (TypeInfo t : index.hierarchy(type)) {
        for (MethodInfo m : t.methodsNamed(name)) {
          if (!m.isAbstract()
              && !m.isStatic()
              && found.stream().noneMatch(f -> f.parameters().size() == m.parameters().size())) {
            found.add(m);
          }
        }
      }
      out.addAll(found);
    }
    return out;
  }

  private boolean providesOneOf(MethodInfo provider, List<String> types) {
    if (provider.returnType().isEmpty()) {
      return false;
    }
    JType returned = names.resolve(provider.returnType().get(), provider.node());
    if (matchesOneOf(returned.name(), types)) {
      return true;
    }
    return index.get(returned.name()).map(t -> implementsOneOf(t, types)).orElse(false);
  }

  private boolean implementsOneOf(TypeInfo type, List<String> types) {
    for (TypeInfo t : index.hierarchy(type)) {
      for (JType s : t.supertypes()) {
        if (matchesOneOf(s.name(), types)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesOneOf(String name, List<String> types) {
    for (String type : types) {
      if (type.equals(name)
          || (name.startsWith("?")
              && type.substring(type.lastIndexOf('.') + 1).equals(name.substring(1)))) {
        return true;
      }
    }
    return false;
  }

  /** Classes, records and enums declared by name (not anonymous or local). */
  private List<TypeInfo> declaredTypes() {
    return index.types().stream()
        .filter(t -> t.kind() != TypeInfo.Kind.ANONYMOUS && !t.fqn().contains("$"))
        .toList();
  }

  /** The first string of an annotation's {@code value} (or of the {@code attributes} given). */
  static Optional<String> annotationValue(
      List<AnnotationExpr> annotations, List<String> simpleNames, String... attributes) {
    List<String> wanted = attributes.length == 0 ? List.of("value") : List.of(attributes);
    for (String simpleName : simpleNames) {
      Optional<AnnotationExpr> found = Annotations.find(annotations, simpleName);
      if (found.isEmpty()) {
        continue;
      }
      for (String attribute : wanted) {
        Optional<String> text =
            Annotations.attribute(found.get(), attribute).flatMap(EntryCandidates::firstString);
        if (text.isPresent() && !text.get().isEmpty()) {
          return text;
        }
      }
      if (attributes.length > 0) {
        Optional<String> value =
            Annotations.attribute(found.get(), "value").flatMap(EntryCandidates::firstString);
        if (value.isPresent() && !value.get().isEmpty()) {
          return value;
        }
      }
    }
    return Optional.empty();
  }

  static Optional<String> firstString(Expression e) {
    if (e.isStringLiteralExpr()) {
      return Optional.of(e.asStringLiteralExpr().asString());
    }
    if (e instanceof ArrayInitializerExpr array && !array.getValues().isEmpty()) {
      return firstString(array.getValues().get(0));
    }
    return Optional.empty();
  }

  /**
   * A bean's default name: its simple name with a lower-case first letter, unless the first two
   * letters are both upper case ({@code URLFetcher} stays), as Spring and CDI name beans.
   */
  static String decapitalize(String simpleName) {
    if (simpleName.isEmpty()
        || (simpleName.length() > 1
            && Character.isUpperCase(simpleName.charAt(0))
            && Character.isUpperCase(simpleName.charAt(1)))) {
      return simpleName;
    }
    return Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
  }
}
