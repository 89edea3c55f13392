package dev.minrole.analyzer.java;

import java.util.List;
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
          "apply",
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

  /**
   * The return type of a call on a JDK (or DI container) type: as {@link #returnType(JType, String,
   * int)}, and for a static generic factory ({@code Optional.of(s3)}, {@code List.of(client)}) the
   * type its arguments bind: {@code Optional<S3Client>}.
   */
  static JType returnType(JType receiver, String method, List<JType> argTypes) {
    JType plain = returnType(receiver, method, argTypes.size());
    if (receiver.staticRef() && receiver.name().startsWith("java.") && plain.args().isEmpty()) {
      JType inferred = staticFactory(receiver.name(), method, argTypes);
      if (inferred.isKnown()) {
        return inferred;
      }
    }
    return plain;
  }

  private static final java.util.Map<String, JType> FACTORIES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The parameterized type a static generic method of the JDK returns for these argument types,
   * read from its declaration by reflection: each type variable of the return type takes the type
   * of the first argument declared with it ({@code T} or {@code T...}). Unknown when overloads of
   * that arity disagree or a type variable is not bound.
   */
  private static JType staticFactory(String owner, String method, List<JType> argTypes) {
    String key = owner + "#" + method + argTypes;
    return FACTORIES.computeIfAbsent(
        key,
        k -> {
          try {
            Class<?> type = Class.forName(owner, false, ClassLoader.getPlatformClassLoader());
            JType found = null;
            for (java.lang.reflect.Method m : type.getMethods()) {
              if (!m.getName().equals(method)
                  || !java.lang.reflect.Modifier.isStatic(m.getModifiers())
                  || !(m.getParameterCount() == argTypes.size()
                      || (m.isVarArgs() && argTypes.size() >= m.getParameterCount() - 1))) {
                continue;
              }
              JType candidate = bound(m, argTypes);
              if (found != null && !found.equals(candidate)) {
                return JType.UNKNOWN;
              }
              found = candidate;
            }
            return found == null ? JType.UNKNOWN : found;
          } catch (ClassNotFoundException | LinkageError e) {
            return JType.UNKNOWN;
          }
        });
  }

  private static JType bound(java.lang.reflect.Method m, List<JType> argTypes) {
    if (!(m.getGenericReturnType() instanceof java.lang.reflect.ParameterizedType returned)
        || !(returned.getRawType() instanceof Class<?> raw)) {
      return JType.UNKNOWN;
    }
    java.lang.reflect.Type[] params = m.getGenericParameterTypes();
    java.util.Map<String, JType> bindings = new java.util.HashMap<>();
    for (int i = 0; i < argTypes.size() && params.length > 0; i++) {
      java.lang.reflect.Type param = params[Math.min(i, params.length - 1)];
      if (m.isVarArgs()
          && i >= params.length - 1
          && param instanceof java.lang.reflect.GenericArrayType array) {
        param = array.getGenericComponentType();
      }
      if (param instanceof java.lang.reflect.TypeVariable<?> variable
          && argTypes.get(i).isKnown()) {
        bindings.putIfAbsent(variable.getName(), argTypes.get(i).asValue());
      }
    }
    List<JType> args = new java.util.ArrayList<>();
    for (java.lang.reflect.Type arg : returned.getActualTypeArguments()) {
      if (arg instanceof java.lang.reflect.TypeVariable<?> variable
          && bindings.containsKey(variable.getName())) {
        args.add(bindings.get(variable.getName()));
      } else if (arg instanceof Class<?> c) {
        args.add(JType.of(c.getName().replace('$', '.')));
      } else {
        return JType.UNKNOWN;
      }
    }
    return JType.of(raw.getName().replace('$', '.'), args);
  }

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
