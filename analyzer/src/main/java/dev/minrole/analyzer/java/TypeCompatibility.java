package dev.minrole.analyzer.java;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lenient assignability check used only to tell overloads apart: anything unknown fits, and so do
 * boxing, numeric widening and {@code Object}. Only clear mismatches are rejected.
 */
final class TypeCompatibility {
  private static final Map<String, String> BOXES =
      Map.of(
          "int", "java.lang.Integer",
          "long", "java.lang.Long",
          "boolean", "java.lang.Boolean",
          "double", "java.lang.Double",
          "float", "java.lang.Float",
          "short", "java.lang.Short",
          "byte", "java.lang.Byte",
          "char", "java.lang.Character");
  private static final Set<String> NUMERIC =
      Set.of("int", "long", "double", "float", "short", "byte", "char");

  private TypeCompatibility() {}

  static boolean assignable(JType from, JType to, TypeIndex index) {
    if (!from.isKnown() || !to.isKnown() || "java.lang.Object".equals(to.name())) {
      return true;
    }
    if (from.arrayDims() != to.arrayDims()) {
      return false;
    }
    String f = unbox(from.name());
    String t = unbox(to.name());
    if (f.equals(t)) {
      return true;
    }
    if (NUMERIC.contains(f) && NUMERIC.contains(t)) {
      return true;
    }
    if ("null".equals(f)) {
      return !NUMERIC.contains(to.name()) && !"boolean".equals(to.name());
    }
    Optional<TypeInfo> fromType = index.get(from.name());
    if (fromType.isPresent()) {
      return index.isSubtype(fromType.get(), to.name())
          || (!index.contains(to.name()) && !isJdkFinal(t));
    }
    if (index.contains(to.name())) {
      return false;
    }
    return !(isJdkFinal(f) && isJdkFinal(t));
  }

  private static String unbox(String name) {
    for (Map.Entry<String, String> e : BOXES.entrySet()) {
      if (e.getValue().equals(name)) {
        return e.getKey();
      }
    }
    return name;
  }

  private static boolean isJdkFinal(String name) {
    return "java.lang.String".equals(name) || BOXES.containsKey(name) || "boolean".equals(name);
  }
}
