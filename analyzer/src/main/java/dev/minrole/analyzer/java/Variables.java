package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what a simple name refers to at a point in the code, walking outward as the compiler does:
 * locals declared earlier in enclosing blocks, loop and catch variables, lambda and method
 * parameters, fields of the enclosing types (and their supertypes), locals captured by inner and
 * anonymous classes, pattern variables, and static imports. It caches per method, so an instance
 * serves one analysis on one thread.
 */
final class Variables {
  private final TypeIndex index;
  private final IdentityHashMap<Node, Map<String, TypePatternExpr>> patterns =
      new IdentityHashMap<>();

  Variables(TypeIndex index) {
    this.index = index;
  }

  Optional<VarRef> lookup(String name, Node at) {
    Node child = at;
    for (Node n = at.getParentNode().orElse(null); n != null; ) {
      Optional<VarRef> found = lookIn(n, child, name);
      if (found.isPresent()) {
        return found;
      }
      if (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr) {
        Optional<VarRef> pattern = patternVariable(n, name);
        if (pattern.isPresent()) {
          return pattern;
        }
      }
      child = n;
      n = n.getParentNode().orElse(null);
    }
    return staticImport(name, at);
  }

  private Optional<VarRef> lookIn(Node n, Node child, String name) {
    if (n instanceof BlockStmt block) {
      return declaredBefore(block.getStatements(), child, name);
    }
    if (n instanceof SwitchEntry entry) {
      return declaredBefore(entry.getStatements(), child, name);
    }
    if (n instanceof ForStmt loop) {
      for (Expression init : loop.getInitialization()) {
        Optional<VarRef> found = declaredIn(init, name);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    if (n instanceof ForEachStmt loop) {
      return declaredIn(loop.getVariable(), name);
    }
    if (n instanceof TryStmt tryStmt) {
      for (Expression resource : tryStmt.getResources()) {
        Optional<VarRef> found = declaredIn(resource, name);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    if (n instanceof CatchClause c && c.getParameter().getNameAsString().equals(name)) {
      return Optional.of(
          new VarRef.Other(c.getParameter(), Optional.of(c.getParameter().getType())));
    }
    if (n instanceof LambdaExpr lambda) {
      List<Parameter> params = lambda.getParameters();
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i).getNameAsString().equals(name)) {
          return Optional.of(new VarRef.LambdaParam(lambda, params.get(i), i));
        }
      }
      return Optional.empty();
    }
    if (n instanceof CallableDeclaration<?>) {
      Optional<MethodInfo> method = index.methodForNode(n);
      if (method.isPresent()) {
        int i = method.get().parameterIndex(name);
        if (i >= 0) {
          return Optional.of(new VarRef.Param(method.get(), method.get().parameters().get(i), i));
        }
      }
      return Optional.empty();
    }
    if (n instanceof TypeDeclaration<?>
        || (n instanceof ObjectCreationExpr creation
            && creation.getAnonymousClassBody().isPresent()
            && child instanceof com.github.javaparser.ast.body.BodyDeclaration<?>)) {
      return index.forNode(n).flatMap(type -> field(type, name)).map(VarRef.Field::new);
    }
    return Optional.empty();
  }

  @SuppressWarnings("ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
  private Optional<VarRef> declaredBefore(List<Statement> statements, Node child, String name) {
    for (Statement statement : statements) {
      if (statement == child) {
        break;
      }
      if (statement instanceof ExpressionStmt e) {
        Optional<VarRef> found = declaredIn(e.getExpression(), name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<VarRef> declaredIn(Expression expression, String name) {
    if (expression instanceof VariableDeclarationExpr declaration) {
      for (VariableDeclarator v : declaration.getVariables()) {
        if (v.getNameAsString().equals(name)) {
          return Optional.of(new VarRef.Local(v));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A pattern variable ({@code x instanceof Foo f}) declared anywhere in a method or lambda: the
   * first by that name in source order. Each method is searched once per analysis.
   */
  private Optional<VarRef> patternVariable(Node callable, String name) {
    TypePatternExpr pattern = patterns.computeIfAbsent(callable, Variables::patternsIn).get(name);
    return pattern == null
        ? Optional.empty()
        : Optional.of(new VarRef.Other(pattern, Optional.of(pattern.getType())));
  }

  private static Map<String, TypePatternExpr> patternsIn(Node callable) {
    Map<String, TypePatternExpr> byName = new HashMap<>();
    for (TypePatternExpr pattern : callable.findAll(TypePatternExpr.class)) {
      byName.putIfAbsent(pattern.getNameAsString(), pattern);
    }
    return byName.isEmpty() ? Map.of() : byName;
  }

  /** A field declared in {@code type} or inherited from its supertypes in the sources. */
  Optional<FieldInfo> field(TypeInfo type, String name) {
    return field(type, name, new HashSet<>());
  }

  private Optional<FieldInfo> field(TypeInfo type, String name, Set<TypeInfo> seen) {
    if (!seen.add(type)) {
      return Optional.empty();
    }
    FieldInfo direct = type.fields().get(name);
    if (direct != null) {
      return Optional.of(direct);
    }
    for (JType s : type.supertypes()) {
      Optional<TypeInfo> superType = index.get(s.name());
      if (superType.isPresent()) {
        Optional<FieldInfo> found = field(superType.get(), name, seen);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<VarRef> staticImport(String name, Node at) {
    FileScope scope = index.scopeOf(at);
    String owner = scope.staticImportOwner(name);
    if (owner != null) {
      Optional<FieldInfo> f = index.get(owner).flatMap(t -> field(t, name));
      if (f.isPresent()) {
        return Optional.of(new VarRef.Field(f.get()));
      }
    }
    for (String ownerName : scope.staticOnDemandImports()) {
      Optional<FieldInfo> f = index.get(ownerName).flatMap(t -> field(t, name));
      if (f.isPresent()) {
        return Optional.of(new VarRef.Field(f.get()));
      }
    }
    return Optional.empty();
  }
}
