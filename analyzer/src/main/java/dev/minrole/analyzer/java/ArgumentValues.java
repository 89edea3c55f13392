package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values of parameters: in a frame bound to a call site, that call's argument (a varargs
 * parameter its array or the rest of the arguments); otherwise the arguments of every reachable
 * call site, what a dependency-injection container supplies, or an unknown value that names the
 * parameter (or the configuration annotation that supplies it).
 */
final class ArgumentValues {
  private final ValueEvaluator ev;
  private final Reachability.Result reach;

  ArgumentValues(ValueEvaluator ev, Reachability.Result reach) {
    this.ev = ev;
    this.reach = reach;
  }

  List<Value> parameter(VarRef.Param param, Frame frame) {
    MethodInfo method = param.method();
    if (frame.binds(method)) {
      return argument(frame.site(), param.index(), method, frame.parent());
    }
    ev.dependsOnContext();
    List<CallSite> sites = reach.callSitesOf(method);
    if (sites.isEmpty()) {
      List<Value> injected = ev.fields().injected(param.parameter());
      return injected.isEmpty() ? List.of(Value.opaque(unsuppliedParameter(param))) : injected;
    }
    List<Value> out = new ArrayList<>();
    for (CallSite site : sites) {
      out.addAll(
          argument(site, param.index(), method, Frame.unbound(ValueEvaluator.callerMethod(site))));
    }
    return Values.dedupe(out);
  }

  private static String unsuppliedParameter(VarRef.Param param) {
    MethodInfo method = param.method();
    String name = param.parameter().getNameAsString();
    Optional<String> property = ConfigAnnotations.describe(param.parameter().getAnnotations());
    if (property.isPresent()) {
      return property.get();
    }
    return "parameter "
        + name
        + " of "
        + method.owner().simpleName()
        + "."
        + displayName(method)
        + " is supplied by its caller at run time";
  }

  private static String displayName(MethodInfo method) {
    return method.isConstructor() ? method.owner().simpleName() : method.name();
  }

  List<Value> argument(CallSite site, int index, MethodInfo method, Frame callerFrame) {
    if (site.arguments().isEmpty()) {
      return List.of(Value.opaque("passed by a method reference"));
    }
    List<Expression> args = site.arguments().get();
    int last = method.parameters().size() - 1;
    if (method.isVarArgs() && index == last) {
      if (args.size() == method.parameters().size()) {
        List<Value> single = ev.eval(args.get(index), callerFrame);
        boolean isArray = single.stream().allMatch(v -> v instanceof Value.Seq);
        return isArray ? single : List.of(new Value.Seq(single));
      }
      return List.of(
          ev.sequence(args.subList(Math.min(index, args.size()), args.size()), callerFrame));
    }
    return index < args.size() ? ev.eval(args.get(index), callerFrame) : List.of();
  }

  /**
   * The frames {@code method} can run in, up to {@code levels} call sites deep: one per chain of
   * reachable call sites, or one unbound frame when it has none or more than {@link
   * ValueEvaluator#MAX_FRAMES}.
   */
  List<Frame> callingFrames(MethodInfo method, int levels) {
    List<CallSite> sites = reach.callSitesOf(method);
    if (levels == 0 || sites.isEmpty()) {
      return List.of(Frame.unbound(method));
    }
    List<Frame> out = new ArrayList<>();
    for (CallSite site : sites) {
      MethodInfo caller = ValueEvaluator.callerMethod(site);
      List<Frame> parents =
          caller == null ? List.of(Frame.NONE) : callingFrames(caller, levels - 1);
      for (Frame parent : parents) {
        out.add(new Frame(method, site, parent));
        if (out.size() > ValueEvaluator.MAX_FRAMES) {
          return List.of(Frame.unbound(method));
        }
      }
    }
    return out;
  }
}
