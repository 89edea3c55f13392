package dev.minrole.analyzer.cloudtrail;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What distinguishes one observation from another: the role, where the call went (account,
 * region, event source and name), what it named (the {@code resources[].ARN} values, or, when the
 * record has none, the request parameters that name a resource), and how it ended ({@code
 * errorCode}, and for a denial the action and resource the error message names). Absent strings
 * are empty.
 */
public record ObservationKey(
    String role,
    String account,
    String region,
    String eventSource,
    String eventName,
    List<String> resources,
    SortedMap<String, String> parameters,
    String errorCode,
    String deniedAction,
    String deniedResource)
    implements Comparable<ObservationKey> {

  private static final Comparator<ObservationKey> ORDER =
      Comparator.comparing(ObservationKey::role)
          .thenComparing(ObservationKey::eventSource)
          .thenComparing(ObservationKey::eventName)
          .thenComparing(ObservationKey::resources, ObservationKey::compareLists)
          .thenComparing(k -> List.copyOf(k.parameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()), ObservationKey::compareLists)
          .thenComparing(ObservationKey::account)
          .thenComparing(ObservationKey::region)
          .thenComparing(ObservationKey::errorCode)
          .thenComparing(ObservationKey::deniedAction)
          .thenComparing(ObservationKey::deniedResource);

  public ObservationKey {
    resources = List.copyOf(resources);
    parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
  }

  /** True if the call failed. */
  public boolean failed() {
    return !errorCode.isEmpty();
  }

  /** The same key naming other resources. */
  ObservationKey withResources(List<String> other) {
    return new ObservationKey(
        role, account, region, eventSource, eventName, other, parameters, errorCode, deniedAction, deniedResource);
  }

  static ObservationKey of(String role, TrailEvent e, Denial denial) {
    Map<String, String> params = e.resources().isEmpty() ? e.parameters() : Map.of();
    return new ObservationKey(
        role,
        e.account(),
        e.region(),
        e.eventSource(),
        e.eventName(),
        e.resources().stream().distinct().sorted().toList(),
        new TreeMap<>(params),
        e.errorCode(),
        denial.action(),
        denial.resource());
  }

  private static int compareLists(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public int compareTo(ObservationKey other) {
    return ORDER.compare(this, other);
  }
}
