package dev.minrole.analyzer.java;

import dev.minrole.analyzer.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry points for a handler whose method lives in a library base class minrole has no model for.
 * The base class can call any method its subclass overrides or implements, so every non-private
 * instance method of the handler class (and of its superclasses in the sources), its constructors
 * and its initializers are entry points. That is sound, not precise; what the base class itself
 * does stays unseen, which the {@code ENTRY_POINTS_APPROXIMATED} finding says.
 */
final class ApproximatedEntries {
  private final TypeIndex index;

  ApproximatedEntries(TypeIndex index) {
    this.index = index;
  }

  record Result(EntryPoints entries, Finding finding) {}

  Result of(TypeInfo handler, String method, String base) {
    List<MethodInfo> methods = new ArrayList<>();
    for (TypeInfo t : index.hierarchy(handler)) {
      if (t.isInterface()) {
        continue;
      }
      for (MethodInfo m : t.methods()) {
        if (!m.isPrivate() && !m.isStatic() && !m.isAbstract() && !overridden(m, methods)) {
          methods.add(m);
        }
      }
    }
    List<MethodInfo> constructors = new ArrayList<>(handler.constructors());
    List<MethodInfo> entries = new ArrayList<>(constructors);
    entries.addAll(methods);
    String shown = base.startsWith("?") ? base.substring(1) : base;
    String simpleBase = shown.substring(shown.lastIndexOf('.') + 1);
    Finding finding =
        Finding.warning(
            "ENTRY_POINTS_APPROXIMATED",
            handler.simpleName()
                + " gets "
                + method
                + " from "
                + shown
                + ", which is not in the sources and has no entry-point model, so minrole cannot"
                + " tell which methods "
                + simpleBase
                + " calls: all "
                + methods.size()
                + " it could call ("
                + String.join(", ", methods.stream().map(MethodInfo::name).distinct().toList())
                + ") and the constructors of "
                + handler.simpleName()
                + " are entry points, and what "
                + simpleBase
                + " itself does is not seen. Add the sources of "
                + simpleBase
                + " to PATH, or name the method Lambda calls with --handler Class::method",
            Locations.of(handler.node(), index));
    return new Result(
        new EntryPoints(Optional.of(handler), List.of(), List.of(), List.of(), entries), finding);
  }

  /** True if a subclass already declared this method (same name and parameter count). */
  private static boolean overridden(MethodInfo m, List<MethodInfo> nearer) {
    return nearer.stream()
        .anyMatch(n -> n.name().equals(m.name()) && n.parameters().size() == m.parameters().size());
  }
}
