package dev.minrole.analyzer.java;

import java.util.List;

/**
 * A type as far as the analyzer can tell: a fully qualified name with its type arguments. A name
 * starting with {@code ?} is a type the analyzer could not resolve. {@code staticRef} marks a type
 * name used as the scope of a static member access ({@code S3Client.create()}), as opposed to a
 * value of that type.
 */
record JType(String name, List<JType> args, int arrayDims, boolean staticRef) {
  static final JType UNKNOWN = new JType("?", List.of(), 0, false);
  static final JType STRING = of("java.lang.String");
  static final JType VOID = of("void");

  JType {
    args = List.copyOf(args);
  }

  static JType of(String name) {
    return new JType(name, List.of(), 0, false);
  }

  static JType of(String name, List<JType> args) {
    return new JType(name, args, 0, false);
  }

  static JType unresolved(String simpleName) {
    return of("?" + simpleName);
  }

  boolean isKnown() {
    return !name.startsWith("?");
  }

  boolean isArray() {
    return arrayDims > 0;
  }

  boolean isString() {
    return arrayDims == 0 && "java.lang.String".equals(name);
  }

  JType asStaticRef() {
    return new JType(name, args, arrayDims, true);
  }

  JType asValue() {
    return staticRef ? new JType(name, args, arrayDims, false) : this;
  }

  JType arrayOf(int dims) {
    return new JType(name, args, arrayDims + dims, false);
  }

  JType elementType() {
    return arrayDims > 0 ? new JType(name, args, arrayDims - 1, false) : UNKNOWN;
  }

  /** The type argument at {@code index}, or unknown. */
  JType arg(int index) {
    return index >= 0 && index < args.size() ? args.get(index) : UNKNOWN;
  }

  JType lastArg() {
    return args.isEmpty() ? UNKNOWN : args.get(args.size() - 1);
  }

  String simpleName() {
    String n = name.startsWith("?") ? name.substring(1) : name;
    int dot = n.lastIndexOf('.');
    return dot < 0 ? n : n.substring(dot + 1);
  }

  String packageName() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(name);
    if (!args.isEmpty()) {
      out.append('<');
      for (int i = 0; i < args.size(); i++) {
        out.append(i == 0 ? "" : ",").append(args.get(i));
      }
      out.append('>');
    }
    out.append("[]".repeat(arrayDims));
    return out.toString();
  }
}
