package dev.minrole.generator.diff;

import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.catalog.IamCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Excess grants folded for reading: the actions one statement grants through one pattern on one
 * resource, per service. {@code Action: "*"} becomes one line per service, {@code s3:* (143
 * actions)}, instead of 22,000 lines; the actions stay in the group for output that lists them.
 *
 * <p>The {@code unverified} grants of an incomplete function fold the same way. Some of them cover
 * a resource the code minrole saw needs, on a wider one ({@code s3:PutObject} on {@code *} where
 * the code seen writes {@code archive/jobs/*}); {@code seenNeeds} holds those entries, each with
 * its {@link DiffEntry#neededResources()}.
 */
public record ExcessGroup(
    StatementRef grant,
    String pattern,
    String resource,
    String service,
    List<String> actions,
    int granted,
    int serviceSize,
    boolean conditional,
    String note,
    List<DiffEntry> seenNeeds) {

  private static final Comparator<ExcessGroup> ORDER =
      Comparator.comparing(ExcessGroup::grant)
          .thenComparing(ExcessGroup::pattern)
          .thenComparing(ExcessGroup::resource)
          .thenComparing(ExcessGroup::service);

  public ExcessGroup {
    actions = List.copyOf(actions);
    seenNeeds = seenNeeds.stream().sorted().toList();
  }

  /** The excess entries of a diff (each has its granting statement), grouped and sorted. */
  public static List<ExcessGroup> of(List<DiffEntry> entries, IamCatalog catalog) {
    return of(entries, DiffKind.EXCESS, catalog);
  }

  /**
   * The entries of a diff of {@code kind} ({@code excess} or {@code unverified}; each has its
   * granting statement), grouped and sorted.
   */
  public static List<ExcessGroup> of(List<DiffEntry> entries, DiffKind kind, IamCatalog catalog) {
    Map<String, List<DiffEntry>> groups = new TreeMap<>();
    for (DiffEntry e : entries) {
      if (e.kind() != kind) {
        continue;
      }
      StatementRef grant = e.grants().get(0);
      String key =
          grant.document()
              + "\u0000"
              + grant.index()
              + "\u0000"
              + e.pattern()
              + "\u0000"
              + e.resource()
              + "\u0000"
              + e.service();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    List<ExcessGroup> out = new ArrayList<>();
    for (List<DiffEntry> group : groups.values()) {
      DiffEntry first = group.get(0);
      String service = first.service();
      ActionSet set =
          first.pattern().startsWith("NotAction ")
              ? new ActionSet.AllExcept(
                  List.of(first.pattern().substring("NotAction ".length()).split(", ")))
              : new ActionSet.Listed(List.of(first.pattern()));
      int serviceSize = catalog.service(service).map(s -> s.actions().size()).orElse(1);
      int granted =
          (int)
              catalog.service(service).stream()
                  .flatMap(s -> s.actions().values().stream())
                  .filter(a -> set.matches(a.id()))
                  .filter(
                      a ->
                          first.resource().startsWith("NotResource ")
                              || ResourceTypes.canName(catalog, a.id(), first.resource()))
                  .count();
      List<String> actions =
          group.stream().map(DiffEntry::action).sorted(String.CASE_INSENSITIVE_ORDER).toList();
      out.add(
          new ExcessGroup(
              first.grants().get(0),
              first.pattern(),
              first.resource(),
              service,
              actions,
              Math.max(granted, actions.size()),
              serviceSize,
              group.stream().allMatch(DiffEntry::conditional),
              first.note(),
              group.stream().filter(e -> !e.neededResources().isEmpty()).toList()));
    }
    out.sort(ORDER);
    return out;
  }

  /** {@code s3:GetObject}, {@code s3:* (143 actions)}, {@code s3:Get* (44 of 45 actions)}. */
  public String label() {
    if (actions.size() == 1) {
      return actions.get(0);
    }
    boolean servicePattern =
        !pattern.startsWith("NotAction ")
            && pattern.indexOf(':') > 0
            && !Glob.isPattern(pattern.substring(0, pattern.indexOf(':')));
    String base = servicePattern ? pattern : granted == serviceSize ? service + ":*" : service;
    String count =
        actions.size() == granted
            ? granted + " actions"
            : actions.size() + " of " + granted + " actions";
    return base + " (" + count + ")";
  }
}
