package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.type.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves type names the way {@code javac} would, as far as the sources and the known libraries
 * allow: type parameters, nested and inherited member types, single-type imports, the file's own
 * package, on-demand imports, then {@code java.lang}. A name nothing resolves becomes an unresolved
 * {@link JType} ({@code ?Name}), never a guess.
 */
final class TypeNames {
  private static final Map<String, Boolean> JDK_CLASSES = new ConcurrentHashMap<>();

  private final TypeIndex index;
  private final KnownTypes known;

  TypeNames(TypeIndex index, KnownTypes known) {
    this.index = index;
    this.known = known;
  }

  TypeIndex index() {
    return index;
  }

  /** Resolves a type written in the sources, in the context of the node it appears at. */
  JType resolve(Type type, Node context) {
    if (type instanceof PrimitiveType p) {
      return JType.of(p.asString());
    }
    if (type instanceof ArrayType a) {
      return resolve(a.getComponentType(), context).arrayOf(1);
    }
    if (type instanceof VarType || type.isUnknownType()) {
      return JType.UNKNOWN;
    }
    if (type.isVoidType()) {
      return JType.VOID;
    }
    if (type instanceof WildcardType w) {
      return w.getExtendedType().map(t -> resolve(t, context)).orElse(JType.of("java.lang.Object"));
    }
    if (type instanceof ClassOrInterfaceType c) {
      List<JType> args = new ArrayList<>();
      c.getTypeArguments().ifPresent(list -> list.forEach(a -> args.add(resolve(a, context))));
      JType raw = resolveName(c.getNameWithScope(), context);
      return JType.of(raw.name(), args);
    }
    return JType.UNKNOWN;
  }

  /** Resolves a declared supertype, looking only outward so resolution cannot loop. */
  JType resolveSupertype(ClassOrInterfaceType type, TypeInfo declaring) {
    List<JType> args = new ArrayList<>();
    type.getTypeArguments()
        .ifPresent(list -> list.forEach(a -> args.add(resolve(a, declaring.node()))));
    Node context = declaring.node().getParentNode().orElse(declaring.node());
    JType raw = resolveName(type.getNameWithScope(), context, false);
    return JType.of(raw.name(), args);
  }

  /** Resolves a simple or qualified type name used at {@code context}. */
  JType resolveName(String name, Node context) {
    return resolveName(name, context, true);
  }

  private JType resolveName(String name, Node context, boolean throughSupertypes) {
    int dot = name.indexOf('.');
    if (dot > 0) {
      JType head = resolveName(name.substring(0, dot), context, throughSupertypes);
      if (head.isKnown()) {
        Optional<JType> member = memberType(head.name(), name.substring(dot + 1));
        if (member.isPresent()) {
          return member.get();
        }
      }
      return qualified(name);
    }
    Optional<JType> typeParameter = typeParameter(name, context);
    if (typeParameter.isPresent()) {
      return typeParameter.get();
    }
    for (TypeInfo type = enclosingType(context); type != null; type = type.outer().orElse(null)) {
      Optional<TypeInfo> member = nestedType(type, name, throughSupertypes, new HashSet<>());
      if (member.isPresent()) {
        return JType.of(member.get().fqn());
      }
    }
    FileScope scope = index.scopeOf(context);
    String imported = scope.singleImport(name);
    if (imported != null) {
      return JType.of(imported);
    }
    String samePackage = scope.packageName().isEmpty() ? name : scope.packageName() + "." + name;
    if (index.contains(samePackage)) {
      return JType.of(samePackage);
    }
    for (String pkg : scope.onDemandImports()) {
      String candidate = pkg + "." + name;
      if (index.contains(candidate) || known.knows(candidate) || isJdkClass(candidate)) {
        return JType.of(candidate);
      }
      Optional<TypeInfo> outer = index.get(pkg);
      if (outer.isPresent() && outer.get().nested().containsKey(name)) {
        return JType.of(outer.get().nested().get(name).fqn());
      }
    }
    if (isJdkClass("java.lang." + name)) {
      return JType.of("java.lang." + name);
    }
    return JType.unresolved(name);
  }

  /** A fully qualified name written in the code, possibly naming a nested type. */
  private JType qualified(String name) {
    if (index.contains(name) || known.knows(name)) {
      return JType.of(name);
    }
    String[] parts = name.split("\\.");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      prefix.append(i == 0 ? "" : ".").append(parts[i]);
      if (index.contains(prefix.toString())) {
        Optional<JType> member =
            memberType(
                prefix.toString(), String.join(".", List.of(parts).subList(i + 1, parts.length)));
        if (member.isPresent()) {
          return member.get();
        }
      }
    }
    return JType.of(name);
  }

  private Optional<JType> memberType(String ownerFqn, String rest) {
    if (rest.isEmpty()) {
      return Optional.of(JType.of(ownerFqn));
    }
    Optional<TypeInfo> owner = index.get(ownerFqn);
    if (owner.isEmpty()) {
      String candidate = ownerFqn + "." + rest;
      return known.knows(candidate) || isJdkClass(candidate)
          ? Optional.of(JType.of(candidate))
          : Optional.empty();
    }
    int dot = rest.indexOf('.');
    String first = dot < 0 ? rest : rest.substring(0, dot);
    Optional<TypeInfo> nested = nestedType(owner.get(), first, true, new HashSet<>());
    if (nested.isEmpty()) {
      return Optional.empty();
    }
    return dot < 0
        ? Optional.of(JType.of(nested.get().fqn()))
        : memberType(nested.get().fqn(), rest.substring(dot + 1));
  }

  private Optional<TypeInfo> nestedType(
      TypeInfo type, String name, boolean throughSupertypes, Set<TypeInfo> seen) {
    if (!seen.add(type)) {
      return Optional.empty();
    }
    TypeInfo direct = type.nested().get(name);
    if (direct != null) {
      return Optional.of(direct);
    }
    if (throughSupertypes) {
      for (JType s : type.supertypes()) {
        Optional<TypeInfo> superType = index.get(s.name());
        if (superType.isPresent()) {
          Optional<TypeInfo> found = nestedType(superType.get(), name, true, seen);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<JType> typeParameter(String name, Node context) {
    for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof NodeWithTypeParameters<?> withParams
          && (n instanceof MethodDeclaration
              || n instanceof ConstructorDeclaration
              || n instanceof ClassOrInterfaceDeclaration
              || n instanceof RecordDeclaration)) {
        for (TypeParameter p : withParams.getTypeParameters()) {
          if (p.getNameAsString().equals(name)) {
            return Optional.of(
                p.getTypeBound().isEmpty()
                    ? JType.of("java.lang.Object")
                    : resolve(p.getTypeBound().get(0), n.getParentNode().orElse(n)));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The innermost type declared around {@code node}, including anonymous classes. The arguments of
   * {@code new X(args) {...}} belong to the enclosing type, only the body to the anonymous one.
   */
  TypeInfo enclosingType(Node node) {
    Node previous = null;
    for (Node n = node; n != null; previous = n, n = n.getParentNode().orElse(null)) {
      Optional<TypeInfo> type = index.forNode(n);
      if (type.isPresent() && (!(n instanceof ObjectCreationExpr) || isBodyMember(previous))) {
        return type.get();
      }
    }
    return null;
  }

  private static boolean isBodyMember(Node child) {
    return child instanceof com.github.javaparser.ast.body.BodyDeclaration<?>;
  }

  static boolean isJdkClass(String fqn) {
    if (!fqn.startsWith("java.") && !fqn.startsWith("javax.")) {
      return false;
    }
    return JDK_CLASSES.computeIfAbsent(
        fqn,
        name -> {
          try {
            Class.forName(name, false, ClassLoader.getPlatformClassLoader());
            return true;
          } catch (ClassNotFoundException | LinkageError e) {
            return false;
          }
        });
  }
}
