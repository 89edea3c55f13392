package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every type declared in the sources, by fully qualified name and by declaration node, with the
 * subtype relation. Built once per analysis from declarations only; method bodies are looked at
 * later, and only when reachable.
 */
final class TypeIndex {
  private final Map<String, TypeInfo> byName = new LinkedHashMap<>();
  private final IdentityHashMap<Node, TypeInfo> byNode = new IdentityHashMap<>();
  private final IdentityHashMap<Node, MethodInfo> methodsByNode = new IdentityHashMap<>();
  private final Map<String, List<TypeInfo>> directSubtypes = new HashMap<>();
  private final Map<String, Set<TypeInfo>> allSubtypes = new ConcurrentHashMap<>();
  private final List<FileScope> scopes = new ArrayList<>();
  private final IdentityHashMap<Node, FileScope> scopeByUnit = new IdentityHashMap<>();
  private int anonymousCounter;

  TypeIndex(List<ParsedFile> files) {
    List<LocalDeclarations> locals = new ArrayList<>(files.size());
    for (ParsedFile file : files) {
      FileScope scope = new FileScope(file);
      scopes.add(scope);
      scopeByUnit.put(file.unit(), scope);
      LocalDeclarations local = LocalDeclarations.of(file.unit());
      locals.add(local);
      String prefix = scope.packageName().isEmpty() ? "" : scope.packageName() + ".";
      for (TypeDeclaration<?> type : file.unit().getTypes()) {
        register(type, prefix + type.getNameAsString(), null, scope, local);
      }
    }
    for (int i = 0; i < scopes.size(); i++) {
      for (ObjectCreationExpr creation : locals.get(i).anonymousClasses()) {
        registerAnonymous(creation, scopes.get(i), locals.get(i));
      }
    }
  }

  /**
   * Registers the anonymous class of {@code new X(...) {...}} with {@code X} as its supertype,
   * named after the type that encloses it.
   */
  private void registerAnonymous(
      ObjectCreationExpr creation, FileScope scope, LocalDeclarations local) {
    TypeInfo enclosing = null;
    for (Node n = creation.getParentNode().orElse(null); n != null && enclosing == null; ) {
      enclosing = byNode.get(n);
      n = n.getParentNode().orElse(null);
    }
    if (enclosing == null) {
      return;
    }
    anonymousCounter++;
    String fqn = enclosing.fqn() + "$" + anonymousCounter;
    TypeInfo type =
        new TypeInfo(
            fqn,
            "",
            TypeInfo.Kind.ANONYMOUS,
            false,
            enclosing,
            scope,
            creation,
            List.of(creation.getType()),
            List.of());
    byName.put(fqn, type);
    byNode.put(creation, type);
    addMembers(type, creation.getAnonymousClassBody().get(), local);
  }

  /**
   * Resolves every declared supertype and builds the subtype relation. After this the index does
   * not change, so analyses of several functions may share it.
   */
  void linkSupertypes(TypeNames names) {
    for (TypeInfo type : byName.values()) {
      link(type, names);
    }
  }

  private void link(TypeInfo type, TypeNames names) {
    List<JType> supers = new ArrayList<>();
    for (ClassOrInterfaceType declared : type.declaredSupertypes()) {
      supers.add(names.resolveSupertype(declared, type));
    }
    type.resolvedSupertypes(supers);
    for (JType s : supers) {
      directSubtypes.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(type);
    }
  }

  Collection<TypeInfo> types() {
    return byName.values();
  }

  List<FileScope> scopes() {
    return scopes;
  }

  Optional<TypeInfo> get(String fqn) {
    return Optional.ofNullable(byName.get(fqn));
  }

  boolean contains(String fqn) {
    return byName.containsKey(fqn);
  }

  /** The type a declaration node (or anonymous class creation) declares. */
  Optional<TypeInfo> forNode(Node node) {
    return Optional.ofNullable(byNode.get(node));
  }

  /** The method or constructor a declaration node declares. */
  Optional<MethodInfo> methodForNode(Node node) {
    return Optional.ofNullable(methodsByNode.get(node));
  }

  FileScope scopeOf(Node node) {
    Node unit = node.findCompilationUnit().orElseThrow();
    return scopeByUnit.get(unit);
  }

  /** Every type that extends or implements {@code fqn}, directly or not. */
  Set<TypeInfo> subtypes(String fqn) {
    return allSubtypes.computeIfAbsent(
        fqn,
        name -> {
          Set<TypeInfo> out = new LinkedHashSet<>();
          collectSubtypes(name, out);
          return out;
        });
  }

  private void collectSubtypes(String fqn, Set<TypeInfo> out) {
    for (TypeInfo sub : directSubtypes.getOrDefault(fqn, List.of())) {
      if (out.add(sub)) {
        collectSubtypes(sub.fqn(), out);
      }
    }
  }

  /** The type and all its supertypes declared in the sources, nearest first. */
  List<TypeInfo> hierarchy(TypeInfo type) {
    List<TypeInfo> out = new ArrayList<>();
    Set<TypeInfo> seen = new LinkedHashSet<>();
    ArrayList<TypeInfo> queue = new ArrayList<>(List.of(type));
    while (!queue.isEmpty()) {
      TypeInfo next = queue.remove(0);
      if (!seen.add(next)) {
        continue;
      }
      out.add(next);
      for (JType s : next.supertypes()) {
        get(s.name()).ifPresent(queue::add);
      }
    }
    return out;
  }

  /** True if {@code type} is {@code fqn} or one of its subtypes. */
  boolean isSubtype(TypeInfo type, String fqn) {
    if (type.fqn().equals(fqn)) {
      return true;
    }
    for (TypeInfo t : hierarchy(type)) {
      for (JType s : t.supertypes()) {
        if (s.name().equals(fqn)) {
          return true;
        }
      }
    }
    return false;
  }

  private void register(
      TypeDeclaration<?> decl,
      String fqn,
      TypeInfo outer,
      FileScope scope,
      LocalDeclarations local) {
    List<ClassOrInterfaceType> supers = new ArrayList<>();
    TypeInfo.Kind kind;
    boolean isAbstract = decl.hasModifier(Modifier.Keyword.ABSTRACT);
    if (decl instanceof ClassOrInterfaceDeclaration c) {
      kind = c.isInterface() ? TypeInfo.Kind.INTERFACE : TypeInfo.Kind.CLASS;
      supers.addAll(c.getExtendedTypes());
      supers.addAll(c.getImplementedTypes());
    } else if (decl instanceof EnumDeclaration e) {
      kind = TypeInfo.Kind.ENUM;
      supers.addAll(e.getImplementedTypes());
    } else if (decl instanceof RecordDeclaration r) {
      kind = TypeInfo.Kind.RECORD;
      supers.addAll(r.getImplementedTypes());
    } else {
      kind = TypeInfo.Kind.ANNOTATION;
    }
    TypeInfo type =
        new TypeInfo(
            fqn,
            decl.getNameAsString(),
            kind,
            isAbstract,
            outer,
            scope,
            decl,
            supers,
            decl.getAnnotations());
    byName.putIfAbsent(fqn, type);
    byNode.put(decl, type);
    if (outer != null) {
      outer.nested().put(decl.getNameAsString(), type);
    }
    if (decl instanceof RecordDeclaration r) {
      for (Parameter component : r.getParameters()) {
        type.fields()
            .put(
                component.getNameAsString(),
                new FieldInfo(
                    type,
                    component.getNameAsString(),
                    component.getType(),
                    Optional.empty(),
                    false,
                    component.getAnnotations(),
                    component));
      }
    }
    if (decl instanceof EnumDeclaration e) {
      for (EnumConstantDeclaration constant : e.getEntries()) {
        type.fields()
            .put(
                constant.getNameAsString(),
                new FieldInfo(
                    type,
                    constant.getNameAsString(),
                    new ClassOrInterfaceType(null, decl.getNameAsString()),
                    Optional.empty(),
                    true,
                    List.of(),
                    constant));
      }
    }
    addMembers(type, decl.getMembers(), local);
    if (type.constructors().isEmpty() && !type.isInterface()) {
      List<Parameter> params =
          decl instanceof RecordDeclaration r ? r.getParameters() : List.<Parameter>of();
      type.constructors().add(MethodInfo.implicitConstructor(type, params));
    }
    for (TypeDeclaration<?> localType : local.localTypesOf(decl)) {
      register(localType, type.fqn() + "$" + localType.getNameAsString(), type, scope, local);
    }
  }

  private void addMembers(
      TypeInfo type, Iterable<BodyDeclaration<?>> members, LocalDeclarations local) {
    for (BodyDeclaration<?> member : members) {
      if (member instanceof FieldDeclaration f) {
        for (VariableDeclarator v : f.getVariables()) {
          type.fields()
              .put(
                  v.getNameAsString(),
                  new FieldInfo(
                      type,
                      v.getNameAsString(),
                      v.getType(),
                      v.getInitializer(),
                      f.isStatic() || type.isInterface(),
                      f.getAnnotations(),
                      v));
        }
      } else if (member instanceof MethodDeclaration m) {
        MethodInfo method = MethodInfo.of(type, m);
        type.methods().add(method);
        methodsByNode.put(m, method);
      } else if (member instanceof ConstructorDeclaration c) {
        MethodInfo constructor = MethodInfo.of(type, c);
        type.constructors().add(constructor);
        methodsByNode.put(c, constructor);
      } else if (member instanceof InitializerDeclaration i) {
        type.initializers().add(i);
      } else if (member instanceof TypeDeclaration<?> nestedDecl) {
        register(
            nestedDecl, type.fqn() + "." + nestedDecl.getNameAsString(), type, type.scope(), local);
      }
    }
  }
}
