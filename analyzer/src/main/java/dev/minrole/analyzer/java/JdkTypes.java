package dev.minrole.analyzer.java;

import java.util.Set;

/**
 * Return types of the JDK and DI container methods that hand back the value they hold: {@code
 * Supplier.get}, {@code Optional.orElseThrow}, {@code Map.get}, {@code Provider.get}, {@code
 * CompletableFuture.join}. This is what lets {@code clients.get().putItem(...)} resolve.
 */
final class JdkTypes {
  private static final Set<String> HOLDER_GETTERS =
      Set.of(
          "get",
          "orElse",
          "orElseGet",
          "orElseThrow",
          "join",
          "getNow",
          "resultNow",
          "next",
          "peek",
          "poll",
          "take",
          "element",
          "getFirst",
          "getLast",
          "first",
          "getValue",
          "call",
          "getObject",
          "getIfAvailable",
          "getIfUnique",
          "firstElement",
          "lastElement",
          "remove");
  private static final Set<String> MAP_GETTERS =
      Set.of("get", "getOrDefault", "computeIfAbsent", "computeIfPresent", "remove", "put");
  private static final Set<String> HOLDER_PREFIXES =
      Set.of(
          "java.", "javax.", "jakarta.", "dagger.", "com.google.inject.", "org.springframework.");

  private JdkTypes() {}

  static JType returnType(JType receiver, String method, int argCount) {
    if (receiver.args().isEmpty()
        || HOLDER_PREFIXES.stream().noneMatch(receiver.name()::startsWith)) {
      return declaredReturnType(receiver, method, argCount);
    }
    if (receiver.name().endsWith("Map") && receiver.args().size() == 2) {
      return MAP_GETTERS.contains(method) ? receiver.arg(1) : JType.UNKNOWN;
    }
    if (HOLDER_GETTERS.contains(method) && argCount <= 2) {
      return receiver.lastArg();
    }
    return declaredReturnType(receiver, method, argCount);
  }

  private static final java.util.Map<String, JType> DECLARED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The return type the JDK declares for a method of a {@code java.*} class, read by reflection
   * from the running JDK, when every overload with that arity agrees on it and it is not a type
   * variable. {@code Class.getMethod} returns {@code java.lang.reflect.Method}.
   */
  private static JType declaredReturnType(JType receiver, String method, int argCount) {
    String owner = receiver.name();
    if (!owner.startsWith("java.") || receiver.isArray()) {
      return JType.UNKNOWN;
    }
    return DECLARED.computeIfAbsent(
        owner + "#" + method + "/" + argCount,
        key -> {
          try {
            Class<?> type = Class.forName(owner, false, ClassLoader.getPlatformClassLoader());
            String found = null;
            for (java.lang.reflect.Method m : type.getMethods()) {
              if (!m.getName().equals(method)
                  || (m.getParameterCount() != argCount && !m.isVarArgs())) {
                continue;
              }
              if (!(m.getGenericReturnType() instanceof Class<?> returned)
                  || returned.isPrimitive()) {
                return JType.UNKNOWN;
              }
              if (found != null && !found.equals(returned.getName())) {
                return JType.UNKNOWN;
              }
              found = returned.getName();
            }
            return found == null ? JType.UNKNOWN : JType.of(found.replace('$', '.'));
          } catch (ClassNotFoundException | LinkageError e) {
            return JType.UNKNOWN;
          }
        });
  }
}
