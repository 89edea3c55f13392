package dev.minrole.analyzer.java;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a Lambda handler in the sources: {@code pkg.Class::method}, or {@code pkg.Class} for a
 * class that implements {@code RequestHandler} or {@code RequestStreamHandler}. When it is not
 * there, the answer names the closest classes or methods that are.
 */
final class HandlerResolver {
  private static final Set<String> HANDLER_INTERFACES =
      Set.of("RequestHandler", "RequestStreamHandler");
  private static final String DEFAULT_METHOD = "handleRequest";

  /** The result of looking a handler up. */
  sealed interface Match {}

  record Found(TypeInfo type, List<MethodInfo> methods) implements Match {}

  record Missing(String message) implements Match {}

  private final TypeIndex index;

  HandlerResolver(TypeIndex index) {
    this.index = index;
  }

  Match resolve(String spec) {
    String trimmed = spec.strip();
    int sep = trimmed.indexOf("::");
    String className = (sep < 0 ? trimmed : trimmed.substring(0, sep)).replace('$', '.');
    Optional<String> methodName =
        sep < 0 ? Optional.empty() : Optional.of(trimmed.substring(sep + 2));
    Optional<TypeInfo> type = index.get(className);
    if (type.isEmpty()) {
      return new Missing(
          "handler class "
              + className
              + " is not in the sources"
              + NearestNames.closest(className, classNames())
              + "; check --handler and the source PATH");
    }
    if (methodName.isEmpty()) {
      if (!implementsHandler(type.get())) {
        return new Missing(
            className
                + " does not implement RequestHandler or RequestStreamHandler; name the method, e.g."
                + " --handler "
                + className
                + "::"
                + firstPublicMethod(type.get()).orElse("handle"));
      }
      methodName = Optional.of(DEFAULT_METHOD);
    }
    List<MethodInfo> methods = methods(type.get(), methodName.get());
    if (methods.isEmpty()) {
      Set<String> names = new LinkedHashSet<>();
      index.hierarchy(type.get()).forEach(t -> t.methods().forEach(m -> names.add(m.name())));
      return new Missing(
          className
              + " has no method "
              + methodName.get()
              + NearestNames.closest(methodName.get(), new ArrayList<>(names)));
    }
    return new Found(type.get(), methods);
  }

  /** The implementations an instance of {@code type} runs for {@code name}, overloads included. */
  private List<MethodInfo> methods(TypeInfo type, String name) {
    List<MethodInfo> out = new ArrayList<>();
    for (TypeInfo t : index.hierarchy(type)) {
      for (MethodInfo m : t.methodsNamed(name)) {
        if (!m.isAbstract()
            && out.stream().noneMatch(o -> o.parameters().size() == m.parameters().size())) {
          out.add(m);
        }
      }
    }
    return out;
  }

  private boolean implementsHandler(TypeInfo type) {
    for (TypeInfo t : index.hierarchy(type)) {
      for (JType s : t.supertypes()) {
        if (HANDLER_INTERFACES.contains(s.simpleName())) {
          return true;
        }
      }
    }
    return false;
  }

  private static Optional<String> firstPublicMethod(TypeInfo type) {
    return type.methods().stream().filter(MethodInfo::isPublic).map(MethodInfo::name).findFirst();
  }

  private List<String> classNames() {
    List<String> names = new ArrayList<>();
    for (TypeInfo t : index.types()) {
      if (t.kind() != TypeInfo.Kind.ANONYMOUS) {
        names.add(t.fqn());
      }
    }
    return names;
  }
}
