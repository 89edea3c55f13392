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
          "get", "orElse", "orElseGet", "orElseThrow", "join", "getNow", "resultNow", "next",
          "peek", "poll", "take", "element", "getFirst", "getLast", "first", "getValue", "call",
          "getObject", "getIfAvailable", "getIfUnique", "firstElement", "lastElement", "remove");
  private static final Set<String> MAP_GETTERS =
      Set.of("get", "getOrDefault", "computeIfAbsent", "computeIfPresent", "remove", "put");
  private static final Set<String> HOLDER_PREFIXES =
      Set.of("java.", "javax.", "jakarta.", "dagger.", "com.google.inject.", "org.springframework.");

  private JdkTypes() {}

  static JType returnType(JType receiver, String method, int argCount) {
    if (receiver.args().isEmpty() || HOLDER_PREFIXES.stream().noneMatch(receiver.name()::startsWith)) {
      return JType.UNKNOWN;
    }
    if (receiver.name().endsWith("Map") && receiver.args().size() == 2) {
      return MAP_GETTERS.contains(method) ? receiver.arg(1) : JType.UNKNOWN;
    }
    if (HOLDER_GETTERS.contains(method) && argCount <= 2) {
      return receiver.lastArg();
    }
    return JType.UNKNOWN;
  }
}
