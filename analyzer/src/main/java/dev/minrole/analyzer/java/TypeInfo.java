package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A class, interface, enum, record or anonymous class declared in the sources, with its members.
 * Supertypes are resolved once the whole index is built.
 */
final class TypeInfo {
  enum Kind {
    CLASS,
    INTERFACE,
    ENUM,
    RECORD,
    ANNOTATION,
    ANONYMOUS
  }

  private final String fqn;
  private final String simpleName;
  private final Kind kind;
  private final boolean isAbstract;
  private final TypeInfo outer;
  private final FileScope scope;
  private final Node node;
  private final List<ClassOrInterfaceType> declaredSupertypes;
  private final List<AnnotationExpr> annotations;
  private final Map<String, FieldInfo> fields = new LinkedHashMap<>();
  private final List<MethodInfo> methods = new ArrayList<>();
  private volatile Map<String, List<MethodInfo>> methodsByName;
  private final List<MethodInfo> constructors = new ArrayList<>();
  private final List<InitializerDeclaration> initializers = new ArrayList<>();
  private final Map<String, TypeInfo> nested = new LinkedHashMap<>();
  private List<JType> supertypes = List.of();

  TypeInfo(
      String fqn,
      String simpleName,
      Kind kind,
      boolean isAbstract,
      TypeInfo outer,
      FileScope scope,
      Node node,
      List<ClassOrInterfaceType> declaredSupertypes,
      List<AnnotationExpr> annotations) {
    this.fqn = fqn;
    this.simpleName = simpleName;
    this.kind = kind;
    this.isAbstract = isAbstract;
    this.outer = outer;
    this.scope = scope;
    this.node = node;
    this.declaredSupertypes = List.copyOf(declaredSupertypes);
    this.annotations = List.copyOf(annotations);
  }

  String fqn() {
    return fqn;
  }

  String simpleName() {
    return simpleName;
  }

  Kind kind() {
    return kind;
  }

  boolean isInterface() {
    return kind == Kind.INTERFACE || kind == Kind.ANNOTATION;
  }

  boolean isRecord() {
    return kind == Kind.RECORD;
  }

  boolean isEnum() {
    return kind == Kind.ENUM;
  }

  /** True if instances of exactly this type can exist: not an interface, not abstract. */
  boolean isConcrete() {
    return !isInterface() && !isAbstract;
  }

  Optional<TypeInfo> outer() {
    return Optional.ofNullable(outer);
  }

  FileScope scope() {
    return scope;
  }

  /** The declaration: a type declaration, or the {@code new X() {...}} of an anonymous class. */
  Node node() {
    return node;
  }

  List<ClassOrInterfaceType> declaredSupertypes() {
    return declaredSupertypes;
  }

  List<AnnotationExpr> annotations() {
    return annotations;
  }

  boolean hasAnnotation(String simpleName) {
    return Annotations.has(annotations, simpleName);
  }

  Map<String, FieldInfo> fields() {
    return fields;
  }

  List<MethodInfo> methods() {
    return methods;
  }

  List<MethodInfo> constructors() {
    return constructors;
  }

  List<InitializerDeclaration> initializers() {
    return initializers;
  }

  Map<String, TypeInfo> nested() {
    return nested;
  }

  List<JType> supertypes() {
    return supertypes;
  }

  void resolvedSupertypes(List<JType> resolved) {
    this.supertypes = List.copyOf(resolved);
  }

  /**
   * The methods declared here with this name, from an index built on first use (after the type
   * index is complete), so a class with many methods costs one pass, not one per lookup.
   */
  List<MethodInfo> methodsNamed(String name) {
    Map<String, List<MethodInfo>> index = methodsByName;
    if (index == null) {
      synchronized (this) {
        index = methodsByName;
        if (index == null) {
          Map<String, List<MethodInfo>> built = new java.util.HashMap<>();
          for (MethodInfo m : methods) {
            built.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
          }
          index = built;
          methodsByName = index;
        }
      }
    }
    return index.getOrDefault(name, List.of());
  }

  @Override
  public String toString() {
    return fqn;
  }
}
