package dev.minrole.generator.current;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.diff.DiffEntry;
import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.HiddenCode;
import dev.minrole.generator.diff.StatementRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code OVER_GRANT}: the role the template gives a function grants permissions (an action on a
 * resource) that the function does not need, as the diff engine classifies them ({@code excess}).
 * One finding per function with the count and the statements that grant the most of them.
 *
 * <p>For a function that is not complete the diff has no excess: the grants the code minrole saw
 * does not use are {@code unverified}. The finding then counts those, names the findings that hid
 * code, and says to keep the grants, never to replace the role.
 */
final class OverGrant {
  static final String ID = "OVER_GRANT";
  private static final int LARGEST = 3;
  private static final int PATTERNS = 3;

  private OverGrant() {}

  /** A granting statement and the excess entries it grants. */
  private record Offender(StatementRef statement, List<DiffEntry> entries) {}

  static Optional<Finding> check(String function, RoleDocuments role, FunctionDiff diff) {
    List<DiffEntry> excess =
        diff.complete()
            ? diff.of(DiffKind.EXCESS)
            : diff.of(DiffKind.UNVERIFIED).stream()
                .filter(e -> e.neededResources().isEmpty())
                .toList();
    if (excess.isEmpty()) {
      return Optional.empty();
    }
    Map<StatementRef, List<DiffEntry>> byStatement = new TreeMap<>();
    for (DiffEntry e : excess) {
      e.grants().forEach(g -> byStatement.computeIfAbsent(g, k -> new ArrayList<>()).add(e));
    }
    List<Offender> offenders = new ArrayList<>();
    byStatement.forEach((s, entries) -> offenders.add(new Offender(s, entries)));
    offenders.sort(
        Comparator.comparingInt((Offender o) -> -o.entries().size())
            .thenComparing(Offender::statement));
    List<String> largest = new ArrayList<>();
    for (Offender o : offenders.subList(0, Math.min(LARGEST, offenders.size()))) {
      largest.add(describe(o, role));
    }
    List<Offender> rest = offenders.subList(largest.size(), offenders.size());
    if (!rest.isEmpty()) {
      int more = rest.stream().mapToInt(o -> o.entries().size()).sum();
      largest.add(more + " by " + count(rest.size(), "more statement"));
    }
    String message =
        diff.complete()
            ? function
                + ": its current role grants "
                + count(excess.size(), "permission")
                + " the function does not need: "
                + String.join(", ", largest)
                + ". Replace the role's policies with the generated policy"
            : function
                + ": its current role grants "
                + count(excess.size(), "permission")
                + " that the code minrole saw does not use: "
                + String.join(", ", largest)
                + HiddenCode.caveat(
                    diff.incompleteness(), "whether the function needs them", "them");
    SourceLocation where = offenders.get(0).statement().location();
    return Optional.of(Finding.warning(ID, message, where));
  }

  /** {@code 19 by SAM policy template DynamoDBCrudPolicy (dynamodb:BatchGetItem, ...)}. */
  private static String describe(Offender o, RoleDocuments role) {
    String where =
        role.of(o.statement())
            .filter(e -> e.declared().document().map(p -> p.statements().size() == 1).orElse(true))
            .map(e -> o.statement().document())
            .orElse(o.statement().describe());
    TreeSet<String> patterns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    o.entries().forEach(e -> patterns.add(e.pattern().isEmpty() ? e.action() : e.pattern()));
    List<String> shown = new ArrayList<>(patterns).subList(0, Math.min(PATTERNS, patterns.size()));
    return o.entries().size()
        + " by "
        + where
        + " ("
        + String.join(", ", shown)
        + (patterns.size() > shown.size() ? ", ..." : "")
        + ")";
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
