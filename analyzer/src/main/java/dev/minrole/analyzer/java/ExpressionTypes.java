package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The static type of an expression, as far as the sources and the known libraries tell. Results are
 * cached per node; one instance serves one thread.
 */
final class ExpressionTypes {
  private final TypeIndex index;
  private final TypeNames names;
  private final Variables variables;
  private final CallTargets targets;
  private final ExternalTypes external;
  private final IdentityHashMap<Node, JType> cache = new IdentityHashMap<>();

  ExpressionTypes(
      TypeIndex index,
      TypeNames names,
      Variables variables,
      CallTargets targets,
      ExternalTypes external) {
    this.index = index;
    this.names = names;
    this.variables = variables;
    this.targets = targets;
    this.external = external;
  }

  JType typeOf(Expression e) {
    JType cached = cache.get(e);
    if (cached != null) {
      return cached;
    }
    cache.put(e, JType.UNKNOWN);
    JType computed = compute(e);
    cache.put(e, computed);
    return computed;
  }

  /** The declared type of a variable, or the type of its initializer for {@code var}. */
  JType typeOf(VarRef ref) {
    if (ref instanceof VarRef.Local local) {
      Type declared = local.declarator().getType();
      if (declared.isVarType()) {
        return local.declarator().getInitializer().map(this::typeOf).orElse(JType.UNKNOWN);
      }
      return names.resolve(declared, local.declarator());
    }
    if (ref instanceof VarRef.Param param) {
      return parameterType(param.parameter());
    }
    if (ref instanceof VarRef.LambdaParam lambdaParam) {
      Type declared = lambdaParam.parameter().getType();
      return declared.isUnknownType() || declared.isVarType()
          ? JType.UNKNOWN
          : names.resolve(declared, lambdaParam.parameter());
    }
    if (ref instanceof VarRef.Field field) {
      return names.resolve(field.field().declaredType(), field.field().node());
    }
    VarRef.Other other = (VarRef.Other) ref;
    return other.type().map(t -> names.resolve(t, other.declaration())).orElse(JType.UNKNOWN);
  }

  private JType parameterType(Parameter p) {
    JType t = names.resolve(p.getType(), p);
    return p.isVarArgs() ? t.arrayOf(1) : t;
  }

  private JType compute(Expression e) {
    if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
      return JType.STRING;
    }
    if (e instanceof IntegerLiteralExpr) {
      return JType.of("int");
    }
    if (e instanceof LongLiteralExpr) {
      return JType.of("long");
    }
    if (e instanceof BooleanLiteralExpr || e instanceof InstanceOfExpr) {
      return JType.of("boolean");
    }
    if (e instanceof CharLiteralExpr) {
      return JType.of("char");
    }
    if (e instanceof DoubleLiteralExpr) {
      return JType.of("double");
    }
    if (e instanceof NullLiteralExpr) {
      return JType.of("null");
    }
    if (e instanceof NameExpr name) {
      return nameType(name.getNameAsString(), name);
    }
    if (e instanceof FieldAccessExpr access) {
      return fieldAccessType(access);
    }
    if (e instanceof MethodCallExpr call) {
      return callType(call);
    }
    if (e instanceof ObjectCreationExpr creation) {
      if (creation.getAnonymousClassBody().isPresent()) {
        Optional<TypeInfo> anonymous = index.forNode(creation);
        if (anonymous.isPresent()) {
          return JType.of(anonymous.get().fqn());
        }
      }
      return names.resolve(creation.getType(), creation);
    }
    if (e instanceof CastExpr cast) {
      return names.resolve(cast.getType(), cast);
    }
    if (e instanceof EnclosedExpr enclosed) {
      return typeOf(enclosed.getInner());
    }
    if (e instanceof ConditionalExpr conditional) {
      JType then = typeOf(conditional.getThenExpr());
      return then.isKnown() && !"null".equals(then.name())
          ? then
          : typeOf(conditional.getElseExpr());
    }
    if (e instanceof AssignExpr assign) {
      return typeOf(assign.getTarget());
    }
    if (e instanceof ThisExpr self) {
      if (self.getTypeName().isPresent()) {
        return names.resolveName(self.getTypeName().get().asString(), self);
      }
      TypeInfo enclosing = names.enclosingType(self);
      return enclosing == null ? JType.UNKNOWN : JType.of(enclosing.fqn());
    }
    if (e instanceof SuperExpr superExpr) {
      TypeInfo enclosing = names.enclosingType(superExpr);
      return enclosing == null || enclosing.supertypes().isEmpty()
          ? JType.UNKNOWN
          : enclosing.supertypes().get(0);
    }
    if (e instanceof BinaryExpr binary) {
      return binaryType(binary);
    }
    if (e instanceof UnaryExpr unary) {
      return typeOf(unary.getExpression());
    }
    if (e instanceof ArrayAccessExpr access) {
      return typeOf(access.getName()).elementType();
    }
    if (e instanceof ArrayCreationExpr creation) {
      return names
          .resolve(creation.getElementType(), creation)
          .arrayOf(creation.getLevels().size());
    }
    if (e instanceof ClassExpr) {
      return JType.of("java.lang.Class");
    }
    if (e instanceof TypeExpr typeExpr) {
      if (typeExpr.getType() instanceof ClassOrInterfaceType c
          && c.getScope().isEmpty()
          && isVariable(c.getNameAsString(), typeExpr)) {
        return nameType(c.getNameAsString(), typeExpr);
      }
      return names.resolve(typeExpr.getType(), typeExpr).asStaticRef();
    }
    return JType.UNKNOWN;
  }

  private JType binaryType(BinaryExpr binary) {
    switch (binary.getOperator()) {
      case EQUALS, NOT_EQUALS, LESS, GREATER, LESS_EQUALS, GREATER_EQUALS, AND, OR -> {
        return JType.of("boolean");
      }
      case PLUS -> {
        JType left = typeOf(binary.getLeft());
        JType right = typeOf(binary.getRight());
        return left.isString() || right.isString() ? JType.STRING : left;
      }
      default -> {
        return typeOf(binary.getLeft());
      }
    }
  }

  /** True if {@code name} is a variable (local, parameter or field) where {@code at} is. */
  boolean isVariable(String name, Node at) {
    return variables.lookup(name, at).isPresent();
  }

  private JType nameType(String name, Node at) {
    Optional<VarRef> ref = variables.lookup(name, at);
    if (ref.isPresent()) {
      return typeOf(ref.get());
    }
    return names.resolveName(name, at).asStaticRef();
  }

  private JType fieldAccessType(FieldAccessExpr access) {
    JType scope = typeOf(access.getScope());
    String name = access.getNameAsString();
    if (scope.isArray() && "length".equals(name)) {
      return JType.of("int");
    }
    Optional<TypeInfo> owner = index.get(scope.name());
    if (owner.isPresent()) {
      Optional<FieldInfo> field = variables.field(owner.get(), name);
      if (field.isPresent()) {
        return typeOf(new VarRef.Field(field.get()));
      }
      TypeInfo nested = owner.get().nested().get(name);
      if (nested != null) {
        return JType.of(nested.fqn()).asStaticRef();
      }
      return JType.UNKNOWN;
    }
    if (!scope.isKnown() || (scope.staticRef() && !external.knows(scope.name()))) {
      Optional<String> dotted = qualifiedName(access);
      if (dotted.isEmpty()) {
        return JType.UNKNOWN;
      }
      JType qualified = names.resolveName(dotted.get(), access);
      if (qualified.isKnown()
          && (index.contains(qualified.name())
              || external.knows(qualified.name())
              || TypeNames.isJdkClass(qualified.name()))) {
        return qualified.asStaticRef();
      }
      return JType.unresolved(dotted.get());
    }
    if (scope.staticRef() && external.knows(scope.name() + "." + name)) {
      // A nested type of a known library class: DynamoDBMapperConfig.SaveBehavior.
      return JType.of(scope.name() + "." + name).asStaticRef();
    }
    if (scope.staticRef()) {
      return scope.asValue();
    }
    return JType.UNKNOWN;
  }

  private JType callType(MethodCallExpr call) {
    CallTargets.Resolution resolution = targets.resolve(call);
    if (!resolution.declared().isEmpty()) {
      MethodInfo target = resolution.declared().get(0);
      return target
          .returnType()
          .map(t -> returnType(t, target, resolution.receiver()))
          .orElse(JType.UNKNOWN);
    }
    Optional<Expression> scope = call.getScope();
    if (scope.isEmpty()) {
      return JType.UNKNOWN;
    }
    JType receiver = typeOf(scope.get());
    if (index.contains(receiver.name())) {
      return JType.UNKNOWN;
    }
    Optional<JType> dagger = daggerComponent(receiver, call.getNameAsString(), call);
    if (dagger.isPresent()) {
      return dagger.get();
    }
    String method = call.getNameAsString();
    int argCount = call.getArguments().size();
    JType sdk = external.returnType(receiver, method, argCount);
    if (sdk.isKnown()) {
      return sdk;
    }
    return receiver.staticRef() && receiver.name().startsWith("java.")
        ? JdkTypes.returnType(
            receiver, method, call.getArguments().stream().map(this::typeOf).toList())
        : JdkTypes.returnType(receiver, method, argCount);
  }

  /**
   * Dagger generates {@code DaggerAppComponent} for an {@code @Component interface AppComponent}
   * (and {@code DaggerOuter_Inner} for a nested one) in the component's package; the generated
   * class is not in the sources, but {@code DaggerAppComponent.create()} (or its builder's {@code
   * build()}) is an {@code AppComponent}. The component is looked for in the package the name
   * resolves to: the single import's, else the file's own and its on-demand imports'.
   */
  private Optional<JType> daggerComponent(JType receiver, String method, Node at) {
    if (!receiver.staticRef() || !receiver.simpleName().startsWith("Dagger")) {
      return Optional.empty();
    }
    String component = receiver.simpleName().substring("Dagger".length()).replace('_', '.');
    List<String> packages = new ArrayList<>();
    if (receiver.isKnown()) {
      packages.add(receiver.packageName());
    } else {
      FileScope scope = index.scopeOf(at);
      packages.add(scope.packageName());
      packages.addAll(scope.onDemandImports());
    }
    for (String pkg : packages) {
      Optional<TypeInfo> type = index.get(pkg.isEmpty() ? component : pkg + "." + component);
      if (type.isPresent() && DependencyInjection.isComponentInterface(type.get())) {
        JType componentType = JType.of(type.get().fqn());
        if ("create".equals(method)) {
          return Optional.of(componentType);
        }
        if ("builder".equals(method) || "factory".equals(method)) {
          return Optional.of(SdkTypes.builderOf(componentType));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A declared return type, with the owner's type parameters replaced by the receiver's type
   * arguments: {@code Repository<Order>.find()} returns {@code Order}.
   */
  private JType returnType(Type declared, MethodInfo target, JType receiver) {
    if (declared instanceof ClassOrInterfaceType c
        && c.getScope().isEmpty()
        && target.owner().node() instanceof ClassOrInterfaceDeclaration owner) {
      List<TypeParameter> params = owner.getTypeParameters();
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i).getNameAsString().equals(c.getNameAsString())
            && receiver.args().size() > i) {
          return receiver.arg(i);
        }
      }
    }
    return names.resolve(declared, target.node());
  }

  /**
   * {@code a.b.c} as text, if the access is a dotted name (only names and field accesses): only
   * such an expression can name a type, and only it is cheap to print.
   */
  static Optional<String> qualifiedName(Expression e) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    Expression current = e;
    while (current instanceof com.github.javaparser.ast.expr.FieldAccessExpr f) {
      parts.push(f.getNameAsString());
      current = f.getScope();
    }
    if (!(current instanceof com.github.javaparser.ast.expr.NameExpr n)) {
      return Optional.empty();
    }
    parts.push(n.getNameAsString());
    return Optional.of(String.join(".", parts));
  }
}
