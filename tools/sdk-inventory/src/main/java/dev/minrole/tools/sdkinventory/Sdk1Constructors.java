package dev.minrole.tools.sdkinventory;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The properties each constructor of a 1.x model class sets from its parameters, read from the
 * sources: {@code new GetObjectRequest(bucketName, key)} calls {@code this(bucketName, key, null)},
 * which calls {@code setBucketName(bucketName)} and {@code setKey(key)}. Parameter names are not in
 * the bytecode; what a constructor does with them is only in the source.
 */
final class Sdk1Constructors {

  /**
   * One constructor.
   *
   * @param params the parameter types' simple names, erased ({@code String}, {@code Map}, {@code
   *     File})
   * @param set per parameter, the property it sets ({@code BucketName}), or empty
   */
  record Ctor(List<String> params, List<String> set) {
    boolean setsAny() {
      return set.stream().anyMatch(s -> !s.isEmpty());
    }
  }

  private static final int MAX_DEPTH = 8;

  private final Sdk1Sources sources;
  private final Map<String, List<Ctor>> cache = new HashMap<>();

  Sdk1Constructors(Sdk1Sources sources) {
    this.sources = sources;
  }

  /** The public constructors with parameters of the model class {@code fqn}. */
  List<Ctor> of(String fqn) {
    List<Ctor> cached = cache.get(fqn);
    if (cached != null) {
      return cached;
    }
    List<Ctor> out = new ArrayList<>();
    Optional<TypeDeclaration<?>> type = sources.type(fqn);
    if (type.isPresent()) {
      for (ConstructorDeclaration c : type.get().getConstructors()) {
        if (c.isPublic() && !c.getParameters().isEmpty()) {
          out.add(new Ctor(paramTypes(c.getParameters()), bindings(type.get(), c, 0)));
        }
      }
    }
    cache.put(fqn, List.copyOf(out));
    return cache.get(fqn);
  }

  private List<String> bindings(TypeDeclaration<?> type, ConstructorDeclaration c, int depth) {
    List<String> set = new ArrayList<>(Collections.nCopies(c.getParameters().size(), ""));
    if (depth > MAX_DEPTH) {
      return set;
    }
    for (ExplicitConstructorInvocationStmt call :
        c.getBody().findAll(ExplicitConstructorInvocationStmt.class)) {
      Optional<TypeDeclaration<?>> target =
          call.isThis() ? Optional.of(type) : superclass(type).flatMap(sources::type);
      if (target.isEmpty()) {
        continue;
      }
      List<String> targetSet = delegated(target.get(), call.getArguments(), c, depth);
      for (int j = 0; j < call.getArguments().size() && j < targetSet.size(); j++) {
        int k = paramIndex(c, call.getArgument(j));
        if (k >= 0 && !targetSet.get(j).isEmpty()) {
          set.set(k, targetSet.get(j));
        }
      }
    }
    for (AssignExpr assign : c.getBody().findAll(AssignExpr.class)) {
      int k = paramIndex(c, assign.getValue());
      String field = fieldName(assign.getTarget(), c);
      if (k >= 0 && field != null) {
        set.set(k, capitalize(field));
      }
    }
    for (MethodCallExpr call : c.getBody().findAll(MethodCallExpr.class)) {
      String property = setterProperty(call);
      if (property != null && call.getArguments().size() == 1) {
        int k = paramIndex(c, call.getArgument(0));
        if (k >= 0) {
          set.set(k, property);
        }
      }
    }
    return set;
  }

  /** The bindings of the constructor a {@code this(...)} or {@code super(...)} call runs. */
  private List<String> delegated(
      TypeDeclaration<?> target, List<Expression> args, ConstructorDeclaration caller, int depth) {
    for (ConstructorDeclaration candidate : target.getConstructors()) {
      if (candidate.equals(caller) || candidate.getParameters().size() != args.size()) {
        continue;
      }
      boolean compatible = true;
      for (int j = 0; j < args.size(); j++) {
        int k = paramIndex(caller, args.get(j));
        if (k >= 0
            && !typeName(caller.getParameter(k).getType(), caller.getParameter(k).isVarArgs())
                .equals(
                    typeName(
                        candidate.getParameter(j).getType(),
                        candidate.getParameter(j).isVarArgs()))) {
          compatible = false;
        }
      }
      if (compatible) {
        return bindings(target, candidate, depth + 1);
      }
    }
    return List.of();
  }

  private Optional<String> superclass(TypeDeclaration<?> type) {
    if (!(type instanceof ClassOrInterfaceDeclaration c) || c.getExtendedTypes().isEmpty()) {
      return Optional.empty();
    }
    Optional<CompilationUnit> unit = type.findCompilationUnit();
    return unit.flatMap(u -> sources.resolve(u, c.getExtendedTypes(0).getNameAsString()));
  }

  /** The name of the field an assignment writes: {@code this.key} or {@code key} (not a param). */
  private static String fieldName(Expression target, ConstructorDeclaration c) {
    if (target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return access.getNameAsString();
    }
    if (target instanceof NameExpr name
        && c.getParameters().stream()
            .noneMatch(p -> p.getNameAsString().equals(name.getNameAsString()))) {
      return name.getNameAsString();
    }
    return null;
  }

  /** {@code setKey(x)}, {@code withKey(x)} or {@code this.setKey(x)}: the property, else null. */
  static String setterProperty(MethodCallExpr call) {
    if (call.getScope().isPresent() && !(call.getScope().get() instanceof ThisExpr)) {
      return null;
    }
    return propertyOf(call.getNameAsString());
  }

  /** {@code withBucketName} and {@code setBucketName} set {@code BucketName}. */
  static String propertyOf(String method) {
    for (String prefix : List.of("with", "set")) {
      if (method.length() > prefix.length()
          && method.startsWith(prefix)
          && Character.isUpperCase(method.charAt(prefix.length()))) {
        return method.substring(prefix.length());
      }
    }
    return null;
  }

  /** The index of the parameter {@code e} names, or -1. */
  static int paramIndex(com.github.javaparser.ast.body.CallableDeclaration<?> c, Expression e) {
    Expression inner = e;
    while (inner.isEnclosedExpr() || inner.isCastExpr()) {
      inner =
          inner.isEnclosedExpr()
              ? inner.asEnclosedExpr().getInner()
              : inner.asCastExpr().getExpression();
    }
    if (!(inner instanceof NameExpr name)) {
      return -1;
    }
    List<Parameter> params = c.getParameters();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).getNameAsString().equals(name.getNameAsString())
          && !shadowed(name, params.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** True if a local variable or lambda parameter between {@code name} and the method hides it. */
  @SuppressWarnings("ReferenceEquality") // the parameter's own declaration, not an equal one
  private static boolean shadowed(NameExpr name, Parameter param) {
    for (Node n = name.getParentNode().orElse(null);
        n != null;
        n = n.getParentNode().orElse(null)) {
      if (n == param.getParentNode().orElse(null)) {
        return false;
      }
      if (n instanceof com.github.javaparser.ast.expr.LambdaExpr lambda
          && lambda.getParameters().stream()
              .anyMatch(p -> p.getNameAsString().equals(name.getNameAsString()))) {
        return true;
      }
    }
    return false;
  }

  static List<String> paramTypes(List<Parameter> params) {
    List<String> out = new ArrayList<>();
    params.forEach(p -> out.add(typeName(p.getType(), p.isVarArgs())));
    return out;
  }

  /** The erased simple name of a type as written: {@code Map}, {@code String[]}, {@code int}. */
  static String typeName(Type type, boolean varArgs) {
    String base;
    if (type instanceof ArrayType array) {
      base = typeName(array.getComponentType(), false) + "[]";
    } else if (type instanceof ClassOrInterfaceType c) {
      base = c.getName().getIdentifier();
    } else {
      base = type.asString();
    }
    return varArgs ? base + "[]" : base;
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
