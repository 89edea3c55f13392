package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The values calls give: JDK methods ({@link JdkValueRules}), SDK builders, factories and client
 * responses, SDK 1.x requests, the return statements of the methods of the sources a call runs (in
 * a frame bound to its call site), and getters that are not in the sources (record accessors,
 * Lombok). A long call chain is evaluated link by link from its start.
 */
final class CallValues {
  /** A call chain longer than this is evaluated link by link from its start ({@link #warm}). */
  private static final int LONG_CHAIN = 8;

  private final ValueEvaluator ev;
  private final Analysis analysis;
  private final Reachability.Result reach;
  private final JdkValueRules jdk;
  private final FrameMemo chains = new FrameMemo();
  private boolean warmingChain;

  CallValues(ValueEvaluator ev, Analysis analysis, Reachability.Result reach) {
    this.ev = ev;
    this.analysis = analysis;
    this.reach = reach;
    this.jdk = new JdkValueRules(ev);
  }

  JdkValueRules jdk() {
    return jdk;
  }

  /** The value of a link of a call chain evaluated by {@link #warm}, if it was. */
  List<Value> link(Node node, Frame frame) {
    return chains.get(node, frame);
  }

  /** Starts a new memo of chain links: the evaluator bound a lambda parameter or variable. */
  void enter() {
    chains.enter();
  }

  void leave() {
    chains.leave();
  }

  List<Value> call(MethodCallExpr call, Frame frame) {
    if (!warmingChain) {
      warm(call, frame);
    }
    Optional<Expression> scope = call.getScope();
    JType receiverType = scope.map(analysis.types()::typeOf).orElse(JType.UNKNOWN);
    if (receiverType.staticRef()) {
      Optional<List<Value>> factory =
          jdk.staticCall(receiverType.name(), call, frame)
              .or(() -> SdkBuilders.staticCall(ev, receiverType.name(), call, frame))
              .or(() -> Sdk1Requests.staticCall(ev, receiverType.name(), call, frame))
              .or(() -> ClientRegions.staticCall(ev, receiverType.name(), call, frame));
      if (factory.isPresent()) {
        return factory.get();
      }
    } else if (scope.isPresent() && !analysis.index().contains(receiverType.name())) {
      Optional<List<Value>> response = ClientResponses.clientCall(ev, receiverType, call, frame);
      if (response.isPresent()) {
        return response.get();
      }
      List<Value> receiver = ev.eval(scope.get(), frame);
      Optional<List<Value>> onValue =
          jdk.onValue(call, receiver, frame)
              .or(() -> SdkBuilders.onValue(ev, call, receiver, frame))
              .or(() -> Sdk1Requests.onValue(ev, call, receiver, frame));
      if (onValue.isPresent()) {
        return onValue.get();
      }
    }
    List<MethodInfo> methods = targetsOf(call);
    if (!methods.isEmpty()) {
      CallSite site = CallSite.withArguments(call, null, call.getArguments());
      List<Value> out = new ArrayList<>();
      for (MethodInfo m : methods) {
        out.addAll(returned(m, new Frame(m, site, frame)));
      }
      return Values.dedupe(out);
    }
    if (scope.isPresent()
        && call.getArguments().isEmpty()
        && (call.getNameAsString().equals("name") || call.getNameAsString().equals("toString"))
        && analysis.index().get(receiverType.name()).map(TypeInfo::isEnum).orElse(false)) {
      List<Value> names = new ArrayList<>();
      ev.eval(scope.get(), frame).forEach(v -> names.add(new Value.Str(Values.toArg(v))));
      return names;
    }
    Optional<List<Value>> accessor = accessor(call, frame);
    return accessor.orElse(List.of(Value.opaque("result of " + NodeText.describe(call))));
  }

  /**
   * Evaluates the links of a long call chain ({@code sb.append(a).append(b)...}) from the start,
   * each remembered for the next, so that the chain costs one shallow evaluation per link instead
   * of one evaluation as deep as the chain is long.
   */
  private void warm(MethodCallExpr call, Frame frame) {
    java.util.ArrayDeque<MethodCallExpr> links = new java.util.ArrayDeque<>();
    for (Expression s = call.getScope().orElse(null);
        s instanceof MethodCallExpr m;
        s = m.getScope().orElse(null)) {
      links.push(m);
    }
    if (links.size() <= LONG_CHAIN) {
      return;
    }
    warmingChain = true;
    try {
      for (MethodCallExpr link : links) {
        if (chains.get(link, frame) == null) {
          chains.put(link, frame, ev.eval(link, frame));
        }
      }
    } finally {
      warmingChain = false;
    }
  }

  /** The methods a call runs: its dispatch targets where known, else its static targets. */
  List<MethodInfo> targetsOf(MethodCallExpr call) {
    Set<MethodInfo> dispatched = reach.dispatched().get(call);
    if (dispatched != null && !dispatched.isEmpty()) {
      return List.copyOf(dispatched);
    }
    return analysis.targets().resolve(call).declared().stream()
        .filter(m -> !m.isAbstract())
        .toList();
  }

  List<Value> returned(MethodInfo method, Frame frame) {
    Optional<com.github.javaparser.ast.stmt.BlockStmt> body = method.body();
    if (body.isEmpty()) {
      return List.of(Value.opaque("result of " + method.signature()));
    }
    List<Value> out = new ArrayList<>();
    for (ReturnStmt ret : body.get().findAll(ReturnStmt.class)) {
      if (belongsTo(ret, body.get())) {
        ret.getExpression().ifPresent(e -> out.addAll(ev.eval(e, frame)));
      }
    }
    return Values.dedupe(out);
  }

  /** True if a return statement returns from this body, not from a lambda or inner class in it. */
  @SuppressWarnings("ReferenceEquality") // JavaParser nodes compare structurally; identity is meant
  private static boolean belongsTo(ReturnStmt ret, Node body) {
    for (Node n = ret.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n == body) {
        return true;
      }
      if (n instanceof LambdaExpr
          || n instanceof com.github.javaparser.ast.body.BodyDeclaration<?>) {
        return false;
      }
    }
    return false;
  }

  /**
   * A getter that is not in the sources: a record accessor, or one generated by Lombok. It reads
   * the field of the same name.
   */
  private Optional<List<Value>> accessor(MethodCallExpr call, Frame frame) {
    if (!call.getArguments().isEmpty()) {
      return Optional.empty();
    }
    Optional<TypeInfo> owner =
        call.getScope()
            .map(s -> analysis.types().typeOf(s))
            .flatMap(t -> analysis.index().get(t.name()))
            .or(() -> Optional.ofNullable(analysis.names().enclosingType(call)));
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    for (String candidate : List.of(name, propertyName(name, "get"), propertyName(name, "is"))) {
      if (candidate.isEmpty()) {
        continue;
      }
      Optional<FieldInfo> field = analysis.variables().field(owner.get(), candidate);
      if (field.isPresent()) {
        if (field.get().isStatic()) {
          return Optional.of(ev.fields().field(field.get()));
        }
        return Optional.of(
            call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr
                ? ev.fields().fieldOfThis(field.get(), frame)
                : ev.fields().fieldOf(field.get(), ev.eval(call.getScope().get(), frame)));
      }
    }
    return Optional.empty();
  }

  private static String propertyName(String method, String prefix) {
    if (method.length() <= prefix.length() || !method.startsWith(prefix)) {
      return "";
    }
    String rest = method.substring(prefix.length());
    return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }
}
