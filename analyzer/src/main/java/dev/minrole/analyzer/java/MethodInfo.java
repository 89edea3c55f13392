package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Optional;

/**
 * A method or constructor declared in the sources, or the implicit constructor of a class that
 * declares none. Identity is the declaration: two {@code MethodInfo}s are the same method only if
 * they are the same object.
 */
final class MethodInfo {
  static final String CONSTRUCTOR = "<init>";

  private final TypeInfo owner;
  private final CallableDeclaration<?> declaration;
  private final String name;
  private final List<Parameter> parameters;
  private final boolean isStatic;
  private final boolean isAbstract;

  private MethodInfo(
      TypeInfo owner,
      CallableDeclaration<?> declaration,
      String name,
      List<Parameter> parameters,
      boolean isStatic,
      boolean isAbstract) {
    this.owner = owner;
    this.declaration = declaration;
    this.name = name;
    this.parameters = List.copyOf(parameters);
    this.isStatic = isStatic;
    this.isAbstract = isAbstract;
  }

  static MethodInfo of(TypeInfo owner, MethodDeclaration method) {
    boolean isAbstract = method.getBody().isEmpty();
    boolean isStatic = method.isStatic();
    return new MethodInfo(
        owner, method, method.getNameAsString(), method.getParameters(), isStatic, isAbstract);
  }

  static MethodInfo of(TypeInfo owner, ConstructorDeclaration constructor) {
    return new MethodInfo(
        owner, constructor, CONSTRUCTOR, constructor.getParameters(), false, false);
  }

  /** The constructor a class has when it declares none, or a record's canonical constructor. */
  static MethodInfo implicitConstructor(TypeInfo owner, List<Parameter> parameters) {
    return new MethodInfo(owner, null, CONSTRUCTOR, parameters, false, false);
  }

  TypeInfo owner() {
    return owner;
  }

  String name() {
    return name;
  }

  List<Parameter> parameters() {
    return parameters;
  }

  boolean isStatic() {
    return isStatic;
  }

  boolean isAbstract() {
    return isAbstract;
  }

  boolean isConstructor() {
    return CONSTRUCTOR.equals(name);
  }

  boolean isImplicit() {
    return declaration == null;
  }

  boolean isPrivate() {
    return declaration != null && declaration.hasModifier(Modifier.Keyword.PRIVATE);
  }

  boolean isPublic() {
    return declaration != null
        && (declaration.hasModifier(Modifier.Keyword.PUBLIC) || owner.isInterface());
  }

  boolean isVarArgs() {
    return !parameters.isEmpty() && parameters.get(parameters.size() - 1).isVarArgs();
  }

  /** True if a call with {@code argCount} arguments can bind to this method. */
  boolean acceptsArity(int argCount) {
    int n = parameters.size();
    return isVarArgs() ? argCount >= n - 1 : argCount == n;
  }

  Optional<CallableDeclaration<?>> declaration() {
    return Optional.ofNullable(declaration);
  }

  Optional<BlockStmt> body() {
    if (declaration instanceof MethodDeclaration m) {
      return m.getBody();
    }
    if (declaration instanceof ConstructorDeclaration c) {
      return Optional.of(c.getBody());
    }
    return Optional.empty();
  }

  Optional<Type> returnType() {
    return declaration instanceof MethodDeclaration m ? Optional.of(m.getType()) : Optional.empty();
  }

  List<AnnotationExpr> annotations() {
    return declaration == null ? List.of() : declaration.getAnnotations();
  }

  boolean hasAnnotation(String simpleName) {
    return Annotations.has(annotations(), simpleName);
  }

  /** The node to report this method at. */
  Node node() {
    return declaration != null ? declaration : owner.node();
  }

  int parameterIndex(String parameterName) {
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).getNameAsString().equals(parameterName)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code pkg.Type::name/arity}, for messages and stable ordering. */
  String signature() {
    return owner.fqn() + "::" + name + "/" + parameters.size();
  }

  @Override
  public String toString() {
    return signature();
  }
}
