package dev.minrole.analyzer.terraform;

import java.util.Map;
import java.util.Optional;

/**
 * Where an expression is evaluated: a module instance and, inside a resource with {@code for_each}
 * or {@code count}, the instance's {@code each.key}, {@code each.value} or {@code count.index} when
 * they are known, and the variables of a {@code templatefile}.
 */
public record Scope(
    ModuleInstance module,
    Optional<TfValue> eachKey,
    Optional<TfValue> eachValue,
    Optional<TfValue> countIndex,
    Map<String, TfValue> templateVariables) {

  public Scope {
    templateVariables = Map.copyOf(templateVariables);
  }

  public Scope(
      ModuleInstance module,
      Optional<TfValue> eachKey,
      Optional<TfValue> eachValue,
      Optional<TfValue> countIndex) {
    this(module, eachKey, eachValue, countIndex, Map.of());
  }

  public static Scope of(ModuleInstance module) {
    return new Scope(module, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The same scope for a template file, where {@code names} are its variables. */
  public Scope withTemplateVariables(Map<String, TfValue> names) {
    return new Scope(module, eachKey, eachValue, countIndex, names);
  }

  /** A key that tells this instance of a resource from the others ({@code ""} for the only one). */
  public String instanceKey() {
    return eachKey
        .flatMap(TfValue::literal)
        .map(k -> "[\"" + k + "\"]")
        .or(() -> countIndex.flatMap(TfValue::literal).map(i -> "[" + i + "]"))
        .orElse("");
  }
}
