package dev.minrole.analyzer.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a function's code starts: the handler class Lambda creates (none when the handler is a
 * library class) with the handler methods, the classes a framework's container creates ({@code
 * managed}, with their injection constructors and fields), the provider methods it calls to make
 * beans ({@code providers}, whose parameters it injects), and the methods it calls on them.
 */
record EntryPoints(
    Optional<TypeInfo> handler,
    List<MethodInfo> handlerMethods,
    List<TypeInfo> managed,
    List<MethodInfo> providers,
    List<MethodInfo> methods) {

  static final EntryPoints NONE =
      new EntryPoints(Optional.empty(), List.of(), List.of(), List.of(), List.of());

  EntryPoints {
    handlerMethods = List.copyOf(handlerMethods);
    managed = List.copyOf(managed);
    providers = List.copyOf(providers);
    methods = List.copyOf(methods);
  }

  /** A plain handler: Lambda creates the class and calls the methods. */
  static EntryPoints handler(TypeInfo type, List<MethodInfo> methods) {
    return new EntryPoints(Optional.of(type), methods, List.of(), List.of(), List.of());
  }

  /** Both sets of entry points; the handler is this one's, else the other's. */
  EntryPoints plus(EntryPoints other) {
    return new EntryPoints(
        handler.isPresent() ? handler : other.handler,
        join(handlerMethods, other.handlerMethods),
        join(managed, other.managed),
        join(providers, other.providers),
        join(methods, other.methods));
  }

  boolean isEmpty() {
    return handler.isEmpty()
        && handlerMethods.isEmpty()
        && managed.isEmpty()
        && providers.isEmpty()
        && methods.isEmpty();
  }

  private static <T> List<T> join(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    for (T t : b) {
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
