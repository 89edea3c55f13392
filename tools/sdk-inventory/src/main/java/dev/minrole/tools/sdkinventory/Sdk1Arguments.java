package dev.minrole.tools.sdkinventory;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which parameters of a 1.x client method end up where a method it delegates to expects its request
 * or a request property: through a parameter passed on, a local variable, a request constructor
 * ({@code new GetObjectRequest(bucketName, key)}), a {@code withX} chain, or a setter called on a
 * local request.
 */
final class Sdk1Arguments {
  private static final int MAX_LOCAL_DEPTH = 4;
  private static final String REQUEST = Sdk1Tracer.REQUEST;

  private final Sdk1Sources sources;
  private final Sdk1Constructors constructors;

  Sdk1Arguments(Sdk1Sources sources, Sdk1Constructors constructors) {
    this.sources = sources;
    this.constructors = constructors;
  }

  /**
   * Which of {@code method}'s parameters end up as {@code binding} ({@link #REQUEST} or a property)
   * when {@code arg} is passed where the callee expects it.
   */
  Map<Integer, String> resolve(
      MethodDeclaration method, Expression arg, String binding, int depth) {
    Map<Integer, String> out = new HashMap<>();
    if (depth > MAX_LOCAL_DEPTH) {
      return out;
    }
    Expression e = arg;
    while (e.isEnclosedExpr() || e.isCastExpr()) {
      e = e.isEnclosedExpr() ? e.asEnclosedExpr().getInner() : e.asCastExpr().getExpression();
    }
    int k = Sdk1Constructors.paramIndex(method, e);
    if (k >= 0) {
      out.put(k, binding);
      if (binding.equals(REQUEST)) {
        out.putAll(setterCallsOn(method, method.getParameter(k).getNameAsString(), depth));
      }
      return out;
    }
    if (e instanceof NameExpr name) {
      for (VariableDeclarator v : method.findAll(VariableDeclarator.class)) {
        if (v.getNameAsString().equals(name.getNameAsString()) && v.getInitializer().isPresent()) {
          out.putAll(resolve(method, v.getInitializer().get(), binding, depth + 1));
        }
      }
      for (AssignExpr assign : method.findAll(AssignExpr.class)) {
        if (assign.getTarget() instanceof NameExpr target
            && target.getNameAsString().equals(name.getNameAsString())) {
          out.putAll(resolve(method, assign.getValue(), binding, depth + 1));
        }
      }
      if (binding.equals(REQUEST)) {
        out.putAll(setterCallsOn(method, name.getNameAsString(), depth));
      }
      return out;
    }
    if (!binding.equals(REQUEST)) {
      return out;
    }
    if (e instanceof ObjectCreationExpr creation) {
      Optional<String> fqn = resolveType(method, creation.getType().getName().getIdentifier());
      if (fqn.isPresent()) {
        for (Sdk1Constructors.Ctor ctor : constructors.of(fqn.get())) {
          if (ctor.params().size() != creation.getArguments().size()) {
            continue;
          }
          for (int j = 0; j < ctor.set().size(); j++) {
            if (!ctor.set().get(j).isEmpty()) {
              resolve(method, creation.getArgument(j), ctor.set().get(j), depth + 1)
                  .forEach(out::putIfAbsent);
            }
          }
        }
      }
      return out;
    }
    if (e instanceof MethodCallExpr call && call.getScope().isPresent()) {
      String property = Sdk1Constructors.propertyOf(call.getNameAsString());
      if (property != null && call.getArguments().size() == 1) {
        out.putAll(resolve(method, call.getArgument(0), property, depth + 1));
      }
      out.putAll(resolve(method, call.getScope().get(), REQUEST, depth + 1));
      return out;
    }
    if (e instanceof MethodCallExpr call
        && call.getNameAsString().equals("beforeClientExecution")
        && call.getArguments().size() == 1) {
      return resolve(method, call.getArgument(0), REQUEST, depth + 1);
    }
    return out;
  }

  /** {@code request.setVersionId(versionId)} on a local request: parameter to property. */
  private Map<Integer, String> setterCallsOn(MethodDeclaration method, String variable, int depth) {
    Map<Integer, String> out = new HashMap<>();
    for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
      if (call.getScope().isPresent()
          && call.getScope().get() instanceof NameExpr scope
          && scope.getNameAsString().equals(variable)
          && call.getArguments().size() == 1) {
        String property = Sdk1Constructors.propertyOf(call.getNameAsString());
        if (property != null) {
          int k = Sdk1Constructors.paramIndex(method, call.getArgument(0));
          if (k >= 0 && depth <= MAX_LOCAL_DEPTH) {
            out.putIfAbsent(k, property);
          }
        }
      }
    }
    return out;
  }

  private Optional<String> resolveType(MethodDeclaration method, String simple) {
    Optional<CompilationUnit> unit = method.findCompilationUnit();
    return unit.flatMap(u -> sources.resolve(u, simple));
  }
}
