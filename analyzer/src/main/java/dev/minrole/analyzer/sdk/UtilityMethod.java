package dev.minrole.analyzer.sdk;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A method of an SDK utility: either it performs service operations, with its request found as
 * {@code request} says, or it returns a handle whose properties are set from its arguments.
 */
public record UtilityMethod(
    String name,
    List<String> operations,
    Optional<String> request,
    Optional<String> handle,
    Map<String, Integer> set) {

  public UtilityMethod {
    operations = List.copyOf(operations);
    set = Map.copyOf(set);
  }

  public boolean performsOperations() {
    return !operations.isEmpty();
  }
}
