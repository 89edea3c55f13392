package dev.minrole.analyzer.cloudtrail;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What distinguishes one observation from another: the role, where the call went (account, region,
 * event source and name), what it named (the {@code resources[].ARN} values, or, when the record
 * has none, the request parameters that name a resource), and how it ended ({@code errorCode}, and
 * for a denial the action and resource the error message names). Absent strings are empty.
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
          .thenComparing(
              k ->
                  List.copyOf(
                      k.parameters().entrySet().stream()
                          .map(e -> e.getKey() + "=" + e.getValue())
                          .toList()),
              ObservationKey::compareLists)
          .thenComparing(ObservationKey::account)
          .thenComparing(ObservationKey::region)
          .thenComparing(ObservationKey::errorCode)
          .thenComparing(ObservationKey::deniedAction)
          .thenComparing(ObservationKey::deniedResource);

  private static final SortedMap<String, String> NO_PARAMETERS =
      java.util.Collections.emptySortedMap();

  public ObservationKey {
    resources = List.copyOf(resources);
    parameters =
        parameters.isEmpty()
            ? NO_PARAMETERS
            : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
  }

  /** True if the call failed. */
  public boolean failed() {
    return !errorCode.isEmpty();
  }

  /** The same key naming other resources. */
  ObservationKey withResources(List<String> other) {
    return new ObservationKey(
        role,
        account,
        region,
        eventSource,
        eventName,
        other,
        parameters,
        errorCode,
        deniedAction,
        deniedResource);
  }

  static ObservationKey of(String role, TrailEvent e, Denial denial) {
    Map<String, String> params = e.resources().isEmpty() ? e.parameters() : Map.of();
    return new ObservationKey(
        role,
        e.account(),
        e.region(),
        e.eventSource(),
        e.eventName(),
        sortedDistinct(e.resources()),
        params.isEmpty() ? NO_PARAMETERS : new TreeMap<>(params),
        e.errorCode(),
        denial.action(),
        denial.resource());
  }

  /**
   * The same key with every string replaced by its canonical instance, to share memory across keys.
   */
  ObservationKey canonical(Map<String, String> pool) {
    List<String> r = new java.util.ArrayList<>(resources.size());
    resources.forEach(x -> r.add(intern(pool, x)));
    return new ObservationKey(
        intern(pool, role),
        intern(pool, account),
        intern(pool, region),
        intern(pool, eventSource),
        intern(pool, eventName),
        r,
        parameters,
        intern(pool, errorCode),
        intern(pool, deniedAction),
        intern(pool, deniedResource));
  }

  private static String intern(Map<String, String> pool, String s) {
    String existing = pool.putIfAbsent(s, s);
    return existing == null ? s : existing;
  }

  /** Resources in order without repeats; records list one to three, so no stream is needed. */
  private static List<String> sortedDistinct(List<String> resources) {
    int n = resources.size();
    if (n < 2) {
      return resources;
    }
    if (n == 2) {
      int c = resources.get(0).compareTo(resources.get(1));
      return c == 0
          ? List.of(resources.get(0))
          : c < 0 ? resources : List.of(resources.get(1), resources.get(0));
    }
    return resources.stream().distinct().sorted().toList();
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
