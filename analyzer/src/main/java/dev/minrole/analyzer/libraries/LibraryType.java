package dev.minrole.analyzer.libraries;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A library class the model knows: its methods, the fluent methods that return the same object, the
 * calls made once an instance is built ({@code onBuild}, for builders that configure something the
 * library then uses, like Powertools' idempotency store), and what {@code new} does ({@code
 * constructor}: the properties it records from its arguments, and the calls it makes).
 */
public record LibraryType(
    String type,
    String library,
    String source,
    Map<String, LibraryMethod> methods,
    Set<String> fluent,
    List<LibraryCall> onBuild,
    Optional<LibraryMethod> constructor) {

  public LibraryType {
    methods = Map.copyOf(methods);
    fluent = Set.copyOf(fluent);
    onBuild = List.copyOf(onBuild);
  }

  public LibraryType(
      String type,
      String library,
      String source,
      Map<String, LibraryMethod> methods,
      Set<String> fluent,
      List<LibraryCall> onBuild) {
    this(type, library, source, methods, fluent, onBuild, Optional.empty());
  }

  public Optional<LibraryMethod> method(String name) {
    return Optional.ofNullable(methods.get(name));
  }
}
