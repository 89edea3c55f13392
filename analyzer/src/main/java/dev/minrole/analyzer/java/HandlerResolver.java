package dev.minrole.analyzer.java;

import java.util.ArrayList;
import java.util.Comparator;
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
    Optional<String> methodName = sep < 0 ? Optional.empty() : Optional.of(trimmed.substring(sep + 2));
    Optional<TypeInfo> type = index.get(className);
    if (type.isEmpty()) {
      return new Missing(
          "handler class "
              + className
              + " is not in the sources"
              + closest(className, classNames())
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
          className + " has no method " + methodName.get() + closest(methodName.get(), new ArrayList<>(names)));
    }
    return new Found(type.get(), methods);
  }

  /** The implementations an instance of {@code type} runs for {@code name}, overloads included. */
  private List<MethodInfo> methods(TypeInfo type, String name) {
    List<MethodInfo> out = new ArrayList<>();
    for (TypeInfo t : index.hierarchy(type)) {
      for (MethodInfo m : t.methodsNamed(name)) {
        if (!m.isAbstract() && out.stream().noneMatch(o -> o.parameters().size() == m.parameters().size())) {
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

  /** {@code ; closest: a, b, c} for the candidates nearest to {@code wanted}, or nothing. */
  static String closest(String wanted, List<String> candidates) {
    if (candidates.isEmpty()) {
      return "";
    }
    String simpleWanted = simple(wanted);
    List<String> best =
        candidates.stream()
            .distinct()
            .sorted(
                Comparator.comparingInt(
                        (String c) ->
                            Math.min(distance(wanted, c), distance(simpleWanted, simple(c))))
                    .thenComparing(c -> c))
            .limit(3)
            .toList();
    return "; closest: " + String.join(", ", best);
  }

  private static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** Levenshtein distance, case-insensitive. */
  static int distance(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }
}
