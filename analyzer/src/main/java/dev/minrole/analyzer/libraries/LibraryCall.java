package dev.minrole.analyzer.libraries;

import java.util.List;
import java.util.Map;

/**
 * One operation a library method, constructor or annotation performs: an SDK operation ({@code
 * client} and {@code operation}), or an IAM action no SDK client performs ({@code action}, such as
 * {@code rds-db:connect}, which the library signs with the function's credentials); where each
 * request member comes from; and guards: the call is skipped when a guarded argument's known value
 * starts with the prefix {@code unlessPrefix} gives (a queue given by URL needs no {@code
 * GetQueueUrl}), and made only when every {@code requires} holds and, where {@code arity} is not 0,
 * the method is called with that many arguments (one overload of several).
 */
public record LibraryCall(
    String client,
    String operation,
    String action,
    Map<String, ArgSource> args,
    Map<Integer, String> unlessPrefix,
    List<Requirement> requires,
    int arity) {
  public LibraryCall {
    args = Map.copyOf(args);
    unlessPrefix = Map.copyOf(unlessPrefix);
    requires = List.copyOf(requires);
  }

  public LibraryCall(
      String client,
      String operation,
      Map<String, ArgSource> args,
      Map<Integer, String> unlessPrefix) {
    this(client, operation, "", args, unlessPrefix, List.of(), 0);
  }

  /** True for an IAM action without an SDK operation. */
  public boolean isIamAction() {
    return !action.isEmpty();
  }

  /**
   * A value the call needs before the library performs it: the source's value must be known to
   * start with {@code prefix} (a {@code jdbc-secretsmanager:} URL) or to contain the word {@code
   * contains} (Kafka properties that name {@code IAMLoginModule}).
   */
  public record Requirement(ArgSource source, String prefix, String contains) {
    public Requirement {
      prefix = prefix == null ? "" : prefix;
      contains = contains == null ? "" : contains;
    }
  }
}
