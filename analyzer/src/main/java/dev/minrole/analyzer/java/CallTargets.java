package dev.minrole.analyzer.java;

import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the methods in the sources that a call can bind to, by name, arity and, where the types are
 * known, argument types. When overloads cannot be told apart, all of them are kept: an analysis
 * that includes a method too many over-grants a little, one that misses a method loses a
 * permission.
 */
final class CallTargets {
  /** The statically bound methods of a call, and the receiver type virtual dispatch starts at. */
  record Resolution(JType receiver, List<MethodInfo> declared, boolean isVirtual) {
    static final Resolution NONE = new Resolution(JType.UNKNOWN, List.of(), false);
  }

  private final TypeIndex index;
  private final TypeNames names;
  private ExpressionTypes types;

  CallTargets(TypeIndex index, TypeNames names) {
    this.index = index;
    this.names = names;
  }

  void useTypes(ExpressionTypes expressionTypes) {
    this.types = expressionTypes;
  }

  Resolution resolve(MethodCallExpr call) {
    String name = call.getNameAsString();
    List<Expression> args = call.getArguments();
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty()) {
      return unqualified(call, name, args);
    }
    Expression s = scope.get();
    if (s instanceof SuperExpr) {
      TypeInfo enclosing = names.enclosingType(call);
      for (JType superType : enclosing == null ? List.<JType>of() : enclosing.supertypes()) {
        Optional<TypeInfo> t = index.get(superType.name());
        if (t.isPresent()) {
          List<MethodInfo> found = find(t.get(), name, args, false);
          if (!found.isEmpty()) {
            return new Resolution(JType.of(t.get().fqn()), found, false);
          }
        }
      }
      return Resolution.NONE;
    }
    JType receiver = types.typeOf(s);
    Optional<TypeInfo> type = index.get(receiver.name());
    if (type.isEmpty() || receiver.isArray()) {
      return new Resolution(receiver, List.of(), false);
    }
    List<MethodInfo> found = find(type.get(), name, args, receiver.staticRef());
    boolean isVirtual =
        !receiver.staticRef() && found.stream().anyMatch(m -> !m.isStatic() && !m.isPrivate());
    return new Resolution(receiver.asValue(), found, isVirtual);
  }

  private Resolution unqualified(MethodCallExpr call, String name, List<Expression> args) {
    for (TypeInfo type = names.enclosingType(call);
        type != null;
        type = type.outer().orElse(null)) {
      List<MethodInfo> found = find(type, name, args, false);
      if (!found.isEmpty()) {
        boolean isVirtual = found.stream().anyMatch(m -> !m.isStatic() && !m.isPrivate());
        return new Resolution(JType.of(type.fqn()), found, isVirtual);
      }
    }
    FileScope scope = index.scopeOf(call);
    List<String> owners = new ArrayList<>();
    Optional.ofNullable(scope.staticImportOwner(name)).ifPresent(owners::add);
    owners.addAll(scope.staticOnDemandImports());
    for (String owner : owners) {
      Optional<TypeInfo> type = index.get(owner);
      if (type.isPresent()) {
        List<MethodInfo> found = find(type.get(), name, args, true);
        if (!found.isEmpty()) {
          return new Resolution(JType.of(owner), found, false);
        }
      }
    }
    return Resolution.NONE;
  }

  /** The constructors {@code new X(...)} can run; for an anonymous class, its supertype's. */
  List<MethodInfo> constructors(ObjectCreationExpr creation) {
    JType created = types.typeOf(creation);
    Optional<TypeInfo> type = index.get(created.name());
    if (creation.getAnonymousClassBody().isPresent()) {
      type = index.get(names.resolve(creation.getType(), creation).name());
    }
    if (type.isEmpty()) {
      return List.of();
    }
    return select(type.get().constructors(), creation.getArguments());
  }

  /** The methods a method reference such as {@code this::handle} or {@code Util::parse} names. */
  List<MethodInfo> methodReference(MethodReferenceExpr reference) {
    String name = reference.getIdentifier();
    Expression scope = reference.getScope();
    Optional<TypeInfo> type;
    if (scope instanceof TypeExpr typeExpr && !isVariable(typeExpr)) {
      type = index.get(names.resolve(typeExpr.getType(), reference).name());
    } else if (scope instanceof ThisExpr || scope instanceof SuperExpr) {
      type = Optional.ofNullable(names.enclosingType(reference));
    } else {
      type = index.get(types.typeOf(scope).name());
    }
    if (type.isEmpty()) {
      return List.of();
    }
    if ("new".equals(name)) {
      return type.get().constructors();
    }
    List<MethodInfo> out = new ArrayList<>();
    for (TypeInfo t : index.hierarchy(type.get())) {
      out.addAll(t.methodsNamed(name));
    }
    return out;
  }

  /**
   * JavaParser reads the scope of {@code sender::send} as a type, since the syntax cannot tell a
   * variable from a class; a simple name that is a variable in scope is the variable.
   */
  private boolean isVariable(TypeExpr typeExpr) {
    return typeExpr.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType c
        && c.getScope().isEmpty()
        && c.getTypeArguments().isEmpty()
        && types.isVariable(c.getNameAsString(), typeExpr);
  }

  /** Methods named {@code name} visible in {@code type}, nearest declaration first. */
  List<MethodInfo> find(TypeInfo type, String name, List<Expression> args, boolean staticOnly) {
    List<MethodInfo> candidates = new ArrayList<>();
    for (TypeInfo t : index.hierarchy(type)) {
      for (MethodInfo m : t.methodsNamed(name)) {
        if (!m.acceptsArity(args.size()) || (staticOnly && !m.isStatic())) {
          continue;
        }
        if (candidates.stream().noneMatch(c -> overrideEquivalent(c, m))) {
          candidates.add(m);
        }
      }
    }
    return narrow(candidates, args);
  }

  /** The implementation of {@code declared} that an instance of {@code concrete} runs. */
  Optional<MethodInfo> implementationIn(TypeInfo concrete, MethodInfo declared) {
    for (TypeInfo t : index.hierarchy(concrete)) {
      for (MethodInfo m : t.methodsNamed(declared.name())) {
        if (!m.isAbstract() && !m.isStatic() && overrideEquivalent(m, declared)) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * True if one method can override the other: same name and arity, and parameter types that agree
   * after erasure. A type variable erases to {@code Object} and agrees with anything, so {@code
   * handleRequest(Map, Context)} overrides {@code handleRequest(I, Context)}.
   */
  boolean overrideEquivalent(MethodInfo a, MethodInfo b) {
    if (!a.name().equals(b.name()) || a.parameters().size() != b.parameters().size()) {
      return false;
    }
    for (int i = 0; i < a.parameters().size(); i++) {
      JType pa = erased(a.parameters().get(i));
      JType pb = erased(b.parameters().get(i));
      boolean wildcard = !pa.isKnown() || !pb.isKnown() || isObject(pa) || isObject(pb);
      if (!wildcard && !(pa.name().equals(pb.name()) && pa.arrayDims() == pb.arrayDims())) {
        return false;
      }
    }
    return true;
  }

  private JType erased(Parameter p) {
    JType t = names.resolve(p.getType(), p);
    return p.isVarArgs() ? t.arrayOf(1) : t;
  }

  private static boolean isObject(JType t) {
    return "java.lang.Object".equals(t.name()) && t.arrayDims() == 0;
  }

  private List<MethodInfo> select(List<MethodInfo> methods, List<Expression> args) {
    List<MethodInfo> candidates = new ArrayList<>();
    for (MethodInfo m : methods) {
      if (m.acceptsArity(args.size())) {
        candidates.add(m);
      }
    }
    return narrow(candidates, args);
  }

  /** Keeps the overloads whose parameter types fit the argument types; all if none clearly do. */
  private List<MethodInfo> narrow(List<MethodInfo> candidates, List<Expression> args) {
    if (candidates.size() <= 1) {
      return candidates;
    }
    List<JType> argTypes = new ArrayList<>();
    for (Expression arg : args) {
      argTypes.add(types.typeOf(arg));
    }
    List<MethodInfo> fitting = new ArrayList<>();
    for (MethodInfo m : candidates) {
      if (fits(m, argTypes)) {
        fitting.add(m);
      }
    }
    return fitting.isEmpty() ? candidates : fitting;
  }

  private boolean fits(MethodInfo method, List<JType> argTypes) {
    List<Parameter> params = method.parameters();
    for (int i = 0; i < argTypes.size(); i++) {
      Parameter p = params.get(Math.min(i, params.size() - 1));
      JType paramType = names.resolve(p.getType(), p);
      if (p.isVarArgs() && i >= params.size() - 1 && !argTypes.get(i).isArray()) {
        paramType = paramType.asValue();
      }
      if (!TypeCompatibility.assignable(argTypes.get(i), paramType, index)) {
        return false;
      }
    }
    return true;
  }
}
