package dev.minrole.analyzer.sdk;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A method of an SDK utility: either it performs service operations, with its request found as
 * {@code request} says, or it returns a handle whose properties are set from its arguments. {@code
 * members} renames request members for some operations: the multipart upload a copy starts names
 * the copy's {@code DestinationBucket} as its {@code Bucket}.
 */
public record UtilityMethod(
    String name,
    List<String> operations,
    Optional<String> request,
    Optional<String> handle,
    Map<String, Integer> set,
    Map<String, Map<String, String>> members) {

  public UtilityMethod {
    operations = List.copyOf(operations);
    set = Map.copyOf(set);
    members = Map.copyOf(members);
  }

  /** For {@code operation}, its request member to the utility request's member it is taken from. */
  public Optional<Map<String, String>> membersOf(String operation) {
    return Optional.ofNullable(members.get(operation));
  }

  public boolean performsOperations() {
    return !operations.isEmpty();
  }
}
