package dev.minrole.analyzer.libraries;

import java.util.Map;

/**
 * One SDK operation a library method or annotation performs: the client whose service it belongs
 * to, the operation, where each request member comes from, and an optional guard: the call is
 * skipped when the guarded argument's known value starts with the given prefix (a queue given by
 * URL needs no {@code GetQueueUrl}).
 */
public record LibraryCall(
    String client,
    String operation,
    Map<String, ArgSource> args,
    Map<Integer, String> unlessPrefix) {
  public LibraryCall {
    args = Map.copyOf(args);
    unlessPrefix = Map.copyOf(unlessPrefix);
  }
}
