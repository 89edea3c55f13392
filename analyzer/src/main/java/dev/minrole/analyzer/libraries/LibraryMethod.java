package dev.minrole.analyzer.libraries;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A method of a library type: the SDK calls it performs, or the handle it returns with properties
 * taken from its arguments ({@code set}: property to argument index; {@code setFrom}: property to a
 * property of an argument, {@code 0.kmsKeyId}). {@code lambdaProperties} says, for an argument
 * given as a consumer lambda, which property it sets stands for the value.
 */
public record LibraryMethod(
    String name,
    List<LibraryCall> calls,
    Optional<String> handle,
    Map<String, Integer> set,
    Map<Integer, String> lambdaProperties,
    Map<String, String> setFrom) {

  public LibraryMethod {
    calls = List.copyOf(calls);
    set = Map.copyOf(set);
    lambdaProperties = Map.copyOf(lambdaProperties);
    setFrom = Map.copyOf(setFrom);
  }

  public LibraryMethod(
      String name,
      List<LibraryCall> calls,
      Optional<String> handle,
      Map<String, Integer> set,
      Map<Integer, String> lambdaProperties) {
    this(name, calls, handle, set, lambdaProperties, Map.of());
  }
}
