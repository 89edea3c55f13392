package dev.minrole.tools.sdkinventory;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Follows a 1.x client implementation's source from a public method to the operations it sends.
 * Every request the SDK 1.x sends is tagged with its operation name ({@code
 * request.addHandlerContext(HandlerContextKey.OPERATION_NAME, "GetObject")}); a convenience
 * overload delegates to another method of the client with a request it builds from its parameters
 * ({@code getObject(new GetObjectRequest(bucketName, key))}). The tracer follows such delegation
 * within the client and its superclasses, and records which parameter becomes which request
 * property.
 */
final class Sdk1Tracer {

  /** The request object itself, as opposed to one of its properties. */
  static final String REQUEST = "request";

  /**
   * One operation a method performs.
   *
   * @param operation the operation name, e.g. {@code GetObject}
   * @param bindings parameter index to {@link #REQUEST} or the property the parameter sets
   */
  record Outcome(String operation, Map<Integer, String> bindings) {}

  /**
   * What a method does: the operations it sends, whether it reaches the client's transport at all
   * even where no operation name was found, and the operations of requests it tags and returns for
   * its caller to send.
   */
  record Trace(List<Outcome> outcomes, boolean invokes, List<Outcome> returned) {
    static final Trace NONE = new Trace(List.of(), false, List.of());
  }

  /**
   * The client's transport ({@code invoke}, {@code doInvoke}; S3's upload strategies' {@code
   * invokeServiceCall}): where a tagged request is sent. It is not followed, so that what the
   * transport may do on its own (S3 looks a bucket's region up with HeadBucket and reads it from
   * the error when that is refused) is not taken for what the method asks for.
   */
  private static boolean isTransport(String method) {
    return method.equals("invoke")
        || method.equals("doInvoke")
        || method.equals("invokeServiceCall");
  }

  private final Sdk1Arguments arguments;
  private final List<TypeDeclaration<?>> hierarchy;
  private final IdentityHashMap<MethodDeclaration, Trace> memo = new IdentityHashMap<>();

  /**
   * @param hierarchy the implementation class first, then its superclasses that have sources
   */
  Sdk1Tracer(
      Sdk1Sources sources, Sdk1Constructors constructors, List<TypeDeclaration<?>> hierarchy) {
    this.arguments = new Sdk1Arguments(sources, constructors);
    this.hierarchy = List.copyOf(hierarchy);
  }

  /** The implementation of an interface method: same name and erased parameter types. */
  Optional<MethodDeclaration> implementation(String name, List<String> paramTypes) {
    for (TypeDeclaration<?> type : hierarchy) {
      for (MethodDeclaration m : type.getMethodsByName(name)) {
        if (m.getBody().isPresent()
            && Sdk1Constructors.paramTypes(m.getParameters()).equals(paramTypes)) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  Trace trace(MethodDeclaration method) {
    Trace known = memo.get(method);
    if (known != null) {
      return known;
    }
    memo.put(method, Trace.NONE);
    Trace result = compute(method);
    memo.put(method, result);
    return result;
  }

  private Trace compute(MethodDeclaration method) {
    Map<String, Map<Integer, String>> outcomes = new TreeMap<>();
    Map<String, Map<Integer, String>> returned = new TreeMap<>();
    boolean invokes =
        method.findAll(MethodCallExpr.class).stream()
            .anyMatch(c -> isTransport(c.getNameAsString()));
    for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
      String name = call.getNameAsString();
      if (isTransport(name)) {
        continue;
      }
      Optional<String> literal = operationLiteral(call);
      if (literal.isPresent()) {
        Map<Integer, String> bindings = new LinkedHashMap<>();
        for (int i = 0; i < method.getParameters().size(); i++) {
          String type = Sdk1Constructors.typeName(method.getParameter(i).getType(), false);
          if (type.endsWith("Request") && !type.equals("AmazonWebServiceRequest")) {
            bindings.put(i, REQUEST);
            break;
          }
        }
        String tagged =
            call.getScope().orElse(null) instanceof NameExpr n ? n.getNameAsString() : "";
        if (sent(method, tagged)) {
          merge(outcomes, literal.get(), bindings);
        } else if (returns(method, tagged)) {
          // createRestoreObjectRequest tags the request its caller sends.
          merge(returned, literal.get(), bindings);
        }
        // Otherwise tagged but never sent: generatePresignedUrl signs a request it does not send.
        continue;
      }
      boolean local =
          call.getScope().isEmpty()
              || call.getScope().get() instanceof ThisExpr
              || call.getScope().get() instanceof SuperExpr;
      if (!local) {
        continue;
      }
      for (MethodDeclaration callee : callees(method, call)) {
        Trace inner = trace(callee);
        invokes |= inner.invokes();
        String receiver = receivingVariable(call);
        for (Outcome o : inner.returned()) {
          if (receiver != null && sent(method, receiver)) {
            merge(outcomes, o.operation(), Map.of());
          } else if (receiver != null && returns(method, receiver)) {
            merge(returned, o.operation(), Map.of());
          }
        }
        for (Outcome o : inner.outcomes()) {
          Map<Integer, String> bindings = new LinkedHashMap<>();
          for (Map.Entry<Integer, String> b : o.bindings().entrySet()) {
            if (b.getKey() < call.getArguments().size()) {
              bindings.putAll(
                  arguments.resolve(method, call.getArgument(b.getKey()), b.getValue(), 0));
            }
          }
          merge(outcomes, o.operation(), bindings);
        }
      }
    }
    narrowByName(method.getNameAsString(), outcomes);
    List<Outcome> out = new ArrayList<>();
    outcomes.forEach((op, b) -> out.add(new Outcome(op, Map.copyOf(b))));
    List<Outcome> pending = new ArrayList<>();
    returned.forEach((op, b) -> pending.add(new Outcome(op, Map.copyOf(b))));
    return new Trace(List.copyOf(out), invokes, List.copyOf(pending));
  }

  private static void merge(
      Map<String, Map<Integer, String>> outcomes, String op, Map<Integer, String> bindings) {
    Map<Integer, String> existing = outcomes.computeIfAbsent(op, k -> new TreeMap<>());
    bindings.forEach(existing::putIfAbsent);
  }

  /**
   * True if the request a literal tags is handed to the transport, directly or through a method of
   * the client that reaches it ({@code uploadObject(..., request, ...)}).
   */
  private boolean sent(MethodDeclaration method, String tagged) {
    if (tagged.isEmpty()) {
      return false;
    }
    for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
      boolean passes =
          call.getArguments().stream()
              .anyMatch(a -> a instanceof NameExpr n && n.getNameAsString().equals(tagged));
      if (!passes) {
        continue;
      }
      if (isTransport(call.getNameAsString())) {
        return true;
      }
      boolean local =
          call.getScope().isEmpty()
              || call.getScope().get() instanceof ThisExpr
              || call.getScope().get() instanceof SuperExpr;
      if (local && callees(method, call).stream().anyMatch(c -> trace(c).invokes())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A shared helper may tag its request with one of several operations depending on its arguments
   * ({@code getAcl} sends GetObjectAcl with a key, GetBucketAcl without). A method named after one
   * of them ({@code getBucketAcl}; {@code setBucketAcl} for PutBucketAcl) sends that one.
   */
  private static void narrowByName(String method, Map<String, Map<Integer, String>> outcomes) {
    if (outcomes.size() < 2) {
      return;
    }
    String name = Sdk1Constructors.capitalize(method);
    List<String> named =
        outcomes.keySet().stream()
            .filter(op -> op.equals(name) || op.equals(name.replaceFirst("^Set", "Put")))
            .toList();
    if (named.size() == 1) {
      outcomes.keySet().retainAll(named);
    }
  }

  /** True if the method returns the variable. */
  private static boolean returns(MethodDeclaration method, String variable) {
    return !variable.isEmpty()
        && method.findAll(com.github.javaparser.ast.stmt.ReturnStmt.class).stream()
            .anyMatch(
                r ->
                    r.getExpression().orElse(null) instanceof NameExpr n
                        && n.getNameAsString().equals(variable));
  }

  /** The local variable a call's result is stored in ({@code Request r = create(...)}), or null. */
  private static String receivingVariable(MethodCallExpr call) {
    if (call.getParentNode().orElse(null) instanceof VariableDeclarator v) {
      return v.getNameAsString();
    }
    if (call.getParentNode().orElse(null) instanceof AssignExpr a
        && a.getTarget() instanceof NameExpr n) {
      return n.getNameAsString();
    }
    return null;
  }

  /** {@code request.addHandlerContext(HandlerContextKey.OPERATION_NAME, "GetObject")}. */
  private static Optional<String> operationLiteral(MethodCallExpr call) {
    if (!call.getNameAsString().equals("addHandlerContext") || call.getArguments().size() != 2) {
      return Optional.empty();
    }
    if (!call.getArgument(0).toString().endsWith("OPERATION_NAME")
        || !(call.getArgument(1) instanceof StringLiteralExpr literal)) {
      return Optional.empty();
    }
    return Optional.of(literal.asString());
  }

  /** The methods of the client hierarchy a call in {@code caller} can run, by name and types. */
  private List<MethodDeclaration> callees(MethodDeclaration caller, MethodCallExpr call) {
    int arity = call.getArguments().size();
    List<MethodDeclaration> byArity = new ArrayList<>();
    boolean fromSuper = call.getScope().map(s -> s instanceof SuperExpr).orElse(false);
    boolean seenCaller = false;
    for (TypeDeclaration<?> type : hierarchy) {
      if (fromSuper && !seenCaller) {
        seenCaller = type.getMethods().contains(caller);
        continue;
      }
      for (MethodDeclaration m : type.getMethodsByName(call.getNameAsString())) {
        if (m.getBody().isPresent()
            && m.getParameters().size() == arity
            && byArity.stream()
                .noneMatch(
                    x ->
                        Sdk1Constructors.paramTypes(x.getParameters())
                            .equals(Sdk1Constructors.paramTypes(m.getParameters())))) {
          byArity.add(m);
        }
      }
    }
    if (byArity.size() <= 1) {
      return byArity;
    }
    List<MethodDeclaration> typed = new ArrayList<>();
    for (MethodDeclaration m : byArity) {
      boolean compatible = true;
      for (int i = 0; i < arity; i++) {
        String argType = staticType(caller, call.getArgument(i));
        String paramType = Sdk1Constructors.typeName(m.getParameter(i).getType(), false);
        if (argType != null && !argType.equals(paramType)) {
          compatible = false;
        }
      }
      if (compatible) {
        typed.add(m);
      }
    }
    return typed.isEmpty() ? byArity : typed;
  }

  /** The simple type name of an argument where it is plain to see, else null. */
  private static String staticType(MethodDeclaration caller, Expression arg) {
    if (arg instanceof ObjectCreationExpr creation) {
      return creation.getType().getName().getIdentifier();
    }
    if (arg instanceof StringLiteralExpr) {
      return "String";
    }
    int k = Sdk1Constructors.paramIndex(caller, arg);
    if (k >= 0) {
      return Sdk1Constructors.typeName(caller.getParameter(k).getType(), false);
    }
    if (arg instanceof NameExpr name) {
      for (VariableDeclarator v : caller.findAll(VariableDeclarator.class)) {
        if (v.getNameAsString().equals(name.getNameAsString())) {
          return Sdk1Constructors.typeName(v.getType(), false);
        }
      }
    }
    return null;
  }
}
