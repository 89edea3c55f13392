package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Virtual dispatch by rapid type analysis: a virtual call (or method reference) runs the
 * implementations in the types the function instantiates; when none is instantiated (a framework
 * creates the object), every implementation in the sources, and a call that may run several such
 * guessed targets is reported as {@code AMBIGUOUS_TARGET}. Calls are dispatched again whenever more
 * types are instantiated, until nothing changes.
 */
final class VirtualDispatch {
  /** A virtual call: a statically bound method and the type dispatch starts from. */
  record VirtualCall(
      Node site, CodeUnit caller, MethodInfo declared, TypeInfo receiver, CallSite callSite) {}

  private final TypeIndex index;
  private final CallTargets targets;
  private final ExpressionTypes types;
  private final Variables variables;
  private final InjectionEdges edges;
  private final Reachability reach;
  private final List<VirtualCall> virtualCalls = new ArrayList<>();
  private final IdentityHashMap<Node, Set<MethodInfo>> dispatched = new IdentityHashMap<>();

  /**
   * Virtual calls bound to a target the function may not create: by fallback or ambiguous
   * injection.
   */
  private final Set<Node> guessed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  VirtualDispatch(
      TypeIndex index,
      CallTargets targets,
      ExpressionTypes types,
      Variables variables,
      InjectionEdges edges,
      Reachability reach) {
    this.index = index;
    this.targets = targets;
    this.types = types;
    this.variables = variables;
    this.edges = edges;
    this.reach = reach;
  }

  /** The methods each virtual call site runs. */
  Map<Node, Set<MethodInfo>> dispatched() {
    return dispatched;
  }

  /** A new virtual call, dispatched to the types instantiated so far. */
  void add(VirtualCall call) {
    virtualCalls.add(call);
    dispatch(call, false);
  }

  /** Records that {@code site} runs {@code method} (a method reference to a concrete method). */
  void bound(Node site, MethodInfo method) {
    dispatched.computeIfAbsent(site, k -> new LinkedHashSet<>()).add(method);
  }

  /**
   * Binds a virtual call to the implementations in instantiated types, or, with {@code fallback},
   * in every concrete type of the sources when none is instantiated. Returns true if it found a
   * target it did not have.
   */
  private boolean dispatch(VirtualCall call, boolean fallback) {
    Set<MethodInfo> found = dispatched.computeIfAbsent(call.site(), k -> new LinkedHashSet<>());
    List<TypeInfo> candidates = new ArrayList<>();
    candidates.add(call.receiver());
    candidates.addAll(index.subtypes(call.receiver().fqn()));
    boolean added = false;
    boolean anyInstantiated = false;
    for (TypeInfo c : candidates) {
      if (!c.isConcrete()
          || ((!fallback || narrowsLiveObjects(call.site())) && !reach.isInstantiated(c))) {
        continue;
      }
      anyInstantiated = true;
      Optional<MethodInfo> impl = targets.implementationIn(c, call.declared());
      if (impl.isPresent() && (fallback || edges.isAmbiguouslyInjected(c))) {
        guessed.add(call.site());
      }
      if (impl.isPresent() && found.add(impl.get())) {
        reach.reachMethod(impl.get(), call.callSite());
        added = true;
      }
    }
    if (fallback
        && !anyInstantiated
        && !call.declared().isAbstract()
        && !narrowsLiveObjects(call.site())
        && found.add(call.declared())) {
      guessed.add(call.site());
      reach.reachMethod(call.declared(), call.callSite());
      added = true;
    }
    return added;
  }

  /**
   * True if the receiver of {@code site} is an object the function already has, seen through a
   * narrower type ({@code x instanceof Legacy l}, {@code case Legacy l}, {@code (Legacy) x}) where
   * the function creates objects of {@code x}'s type. Such a receiver is one of those objects, so
   * the call dispatches to them only, never to every class of the sources: a branch whose pattern
   * no created object matches cannot run.
   */
  private boolean narrowsLiveObjects(Node site) {
    if (!(site instanceof MethodCallExpr call) || call.getScope().isEmpty()) {
      return false;
    }
    Optional<Expression> scrutinee = NarrowedValues.scrutinee(call.getScope().get(), variables);
    if (scrutinee.isEmpty()) {
      return false;
    }
    Optional<TypeInfo> wide = index.get(types.typeOf(scrutinee.get()).name());
    if (wide.isEmpty()) {
      return false;
    }
    List<TypeInfo> all = new ArrayList<>(index.subtypes(wide.get().fqn()));
    all.add(wide.get());
    return all.stream().anyMatch(reach::isInstantiated);
  }

  boolean redispatch(boolean fallback) {
    boolean added = false;
    for (VirtualCall call : new ArrayList<>(virtualCalls)) {
      Set<MethodInfo> found = dispatched.getOrDefault(call.site(), Set.of());
      if (fallback && !found.isEmpty()) {
        continue;
      }
      added |= dispatch(call, fallback);
    }
    return added;
  }

  void reportAmbiguity() {
    IdentityHashMap<Node, VirtualCall> bySite = new IdentityHashMap<>();
    virtualCalls.forEach(c -> bySite.putIfAbsent(c.site(), c));
    for (Map.Entry<Node, VirtualCall> e : bySite.entrySet()) {
      Set<MethodInfo> found = dispatched.getOrDefault(e.getKey(), Set.of());
      if (found.size() > 1 && guessed.contains(e.getKey())) {
        List<String> owners = found.stream().map(m -> m.owner().fqn()).sorted().toList();
        reach.addFinding(
            "AMBIGUOUS_TARGET",
            "call to "
                + e.getValue().receiver().fqn()
                + "."
                + e.getValue().declared().name()
                + " can run "
                + String.join(", ", owners)
                + "; all are included",
            e.getKey());
      }
    }
  }
}
