package dev.minrole.analyzer.sdk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An operation of an SDK client: {@code GetObject}, called as {@code getObject} with a {@code
 * GetObjectRequest}, together with the paginator and waiter methods that perform it and the other
 * client methods that do ({@code getObjectAsBytes}). {@code asyncOnly} marks event-stream
 * operations that only the async client has ({@code converseStream}).
 */
public record SdkOperation(
    String name,
    String method,
    String request,
    List<String> paginators,
    List<String> waiters,
    List<SdkMember> members,
    List<String> aliases,
    boolean asyncOnly) {

  public SdkOperation {
    paginators = List.copyOf(paginators);
    waiters = List.copyOf(waiters);
    members = List.copyOf(members);
    aliases = List.copyOf(aliases);
  }

  /** The member a builder setter writes, e.g. {@code ssekmsKeyId} gives {@code SSEKMSKeyId}. */
  public Optional<SdkMember> memberBySetter(String setter) {
    return Optional.ofNullable(bySetter(members).get(setter));
  }

  static Map<String, SdkMember> bySetter(List<SdkMember> members) {
    return members.stream()
        .collect(Collectors.toMap(SdkMember::setter, Function.identity(), (a, b) -> a));
  }
}
