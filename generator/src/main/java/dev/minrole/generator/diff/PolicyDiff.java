package dev.minrole.generator.diff;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares what a function needs with what its current policy grants, by meaning: wildcards are
 * expanded through the catalog, {@code NotAction}, {@code NotResource}, Deny statements and the
 * permissions boundary are applied, and conditions are read conservatively (see {@link
 * PolicyEvaluator}).
 *
 * <p>Each needed permission is {@code matched} (granted on exactly its resource) or {@code missing}
 * (not granted, or only under conditions, or possibly denied). Each granted action and resource is
 * {@code broader} (it covers needed resources but is wider than all of them), {@code excess} (it
 * covers nothing needed), or part of a match. A grant that names nothing the action acts on (a
 * queue ARN for an EC2 action) or that an unconditional Deny takes away grants nothing and is not
 * listed.
 *
 * <p>A function that is not complete ({@link FunctionPolicy#complete()}: some code it runs was not
 * seen) has no {@code excess} and no {@code broader} entries: every grant that would be one is
 * {@code unverified}, and so is a conditional grant that covers a needed resource more widely,
 * which a complete function would not list. Code minrole did not see may use any of them, and
 * nothing narrower than "every grant not proven needed" is sound without seeing that code.
 *
 * <p>A grant on part of what a missing need names ({@link PartGrants}: the need's table is unknown,
 * {@code table/*}, and the role grants {@code table/orders}) is not excess either: the code may use
 * just that part. The missing need names it.
 */
public final class PolicyDiff {
  private final IamCatalog catalog;

  public PolicyDiff(IamCatalog catalog) {
    this.catalog = catalog;
  }

  public FunctionDiff compare(FunctionPolicy needed, CurrentPolicy current) {
    PolicyEvaluator evaluator = new PolicyEvaluator(current);
    List<StatementView> statements = evaluator.identityStatements();
    Map<String, DiffEntry> entries = new LinkedHashMap<>();
    Map<String, List<Judged>> needsByAction = new HashMap<>();
    for (Permission need : needed.permissions()) {
      Evaluation ev = evaluator.evaluate(need.action(), need.resource(), need.conditions());
      needsByAction
          .computeIfAbsent(key(need.action()), k -> new ArrayList<>())
          .add(new Judged(need, ev));
      if (ev.access() == Access.GRANTED && ev.exactlyGranted()) {
        add(
            entries,
            new DiffEntry(
                DiffKind.MATCHED,
                need.action(),
                need.resource(),
                List.of(),
                need.evidence(),
                refs(ev.allows()),
                List.of(),
                "",
                false,
                ev.assumption()));
      } else if (ev.access() != Access.GRANTED) {
        List<PartGrants.PartGrant> parts =
            PartGrants.of(statements, catalog, need.action(), ev.resource());
        String reason = Reasons.missing(ev, current.description());
        add(
            entries,
            new DiffEntry(
                DiffKind.MISSING,
                need.action(),
                need.resource(),
                List.of(),
                need.evidence(),
                refs(ev.conditionalAllows().isEmpty() ? ev.allows() : ev.conditionalAllows()),
                refs(ev.denies()),
                "",
                !ev.conditionalAllows().isEmpty(),
                parts.isEmpty() ? reason : reason + "; " + PartGrants.describe(parts)));
      }
    }
    DenyIndex hardDenies =
        new DenyIndex(statements.stream().filter(s -> !s.allow() && !s.conditional()).toList());
    for (StatementView grant : statements) {
      if (grant.allow()) {
        grantSide(grant, hardDenies, needsByAction, entries, needed.complete());
      }
    }
    List<Finding> findings = new ArrayList<>(needed.findings());
    findings.addAll(current.findings());
    return new FunctionDiff(
        needed.name(),
        needed.handler(),
        new ArrayList<>(entries.values()),
        findings,
        needed.incompleteness());
  }

  /** A needed permission and how the current policy treats it. */
  private record Judged(Permission need, Evaluation evaluation) {}

  private void grantSide(
      StatementView grant,
      DenyIndex hardDenies,
      Map<String, List<Judged>> needsByAction,
      Map<String, DiffEntry> entries,
      boolean complete) {
    List<String> units =
        grant.resources() instanceof ResourceSet.Listed l
            ? l.patterns()
            : List.of(grant.resources().describe());
    for (Map.Entry<String, String> expanded : grant.actions().expand(catalog).entrySet()) {
      String action = expanded.getKey();
      for (String unit : units) {
        boolean listed = grant.resources() instanceof ResourceSet.Listed;
        if ((listed && !ResourceTypes.canName(catalog, action, unit))
            || deniedOutright(action, unit, grant, hardDenies)) {
          continue;
        }
        List<Judged> covered = new ArrayList<>();
        boolean exact = false;
        for (Judged j : needsByAction.getOrDefault(key(action), List.of())) {
          String resource = j.evaluation().resource();
          if (covers(grant, unit, resource)) {
            covered.add(j);
            exact |=
                complete
                    ? unit.equals(resource) || unit.equals(j.need().resource())
                    : replacedExactly(j, unit);
          }
        }
        if (covered.isEmpty() && complete && isPartOfMissingNeed(action, unit, needsByAction)) {
          continue;
        }
        if (covered.isEmpty()) {
          add(
              entries,
              new DiffEntry(
                  complete ? DiffKind.EXCESS : DiffKind.UNVERIFIED,
                  action,
                  unit,
                  List.of(),
                  List.of(),
                  List.of(grant.ref()),
                  List.of(),
                  expanded.getValue(),
                  grant.conditional(),
                  grant.conditional() ? "granted when " + grant.describeConditions() : ""));
        } else if (!exact
            && (!complete
                || covered.stream()
                    .anyMatch(j -> grant.conditionsHoldUnder(j.need().conditions())))) {
          List<Evidence> evidence = new ArrayList<>();
          covered.forEach(j -> evidence.addAll(j.need().evidence()));
          add(
              entries,
              new DiffEntry(
                  complete ? DiffKind.BROADER : DiffKind.UNVERIFIED,
                  action,
                  unit,
                  covered.stream().map(j -> j.need().resource()).toList(),
                  evidence,
                  List.of(grant.ref()),
                  List.of(),
                  expanded.getValue(),
                  grant.conditional(),
                  grant.conditional() && !complete
                      ? "granted when " + grant.describeConditions()
                      : ""));
        }
      }
    }
  }

  /**
   * True if a grant of {@code action} on {@code unit} names part of what a need that is not granted
   * names ({@link PartGrants}): the code may use exactly that part, so the grant is not excess; the
   * missing need says so.
   */
  private static boolean isPartOfMissingNeed(
      String action, String unit, Map<String, List<Judged>> needsByAction) {
    return needsByAction.getOrDefault(key(action), List.of()).stream()
        .anyMatch(
            j ->
                j.evaluation().access() != Access.GRANTED
                    && PartGrants.isPartOf(unit, j.evaluation().resource()));
  }

  /**
   * For a function that is not complete, whether a grant on {@code unit} is matched by a need: the
   * need is granted without conditions on exactly that resource, so the scoped permission tighten
   * writes for it gives everything the grant gives there. Anything less (a need only granted under
   * conditions, one outside the boundary, one the code makes under conditions) leaves the grant
   * {@code unverified}.
   */
  private static boolean replacedExactly(Judged j, String unit) {
    return j.evaluation().access() == Access.GRANTED
        && j.need().conditions().isEmpty()
        && unit.equals(j.evaluation().resource());
  }

  private static boolean covers(StatementView grant, String unit, String resource) {
    return grant.resources() instanceof ResourceSet.Listed
        ? Glob.covers(unit, resource)
        : grant.resources().covers(resource);
  }

  /**
   * True if an unconditional Deny takes this action on all of the unit away, so it grants nothing.
   */
  private static boolean deniedOutright(
      String action, String unit, StatementView grant, DenyIndex denies) {
    return denies.deniesAll(action, grant.resources() instanceof ResourceSet.Listed ? unit : "*");
  }

  private static void add(Map<String, DiffEntry> entries, DiffEntry entry) {
    String k = entry.kind() + "\u0000" + key(entry.action()) + "\u0000" + entry.resource();
    entries.merge(k, entry, PolicyDiff::merge);
  }

  private static DiffEntry merge(DiffEntry a, DiffEntry b) {
    List<String> needed = new ArrayList<>(a.neededResources());
    needed.addAll(b.neededResources());
    List<Evidence> evidence = new ArrayList<>(a.evidence());
    evidence.addAll(b.evidence());
    List<StatementRef> grants = new ArrayList<>(a.grants());
    grants.addAll(b.grants());
    List<StatementRef> denials = new ArrayList<>(a.denials());
    denials.addAll(b.denials());
    return new DiffEntry(
        a.kind(),
        a.action(),
        a.resource(),
        needed,
        evidence,
        grants,
        denials,
        a.pattern(),
        a.conditional() && b.conditional(),
        a.note().isEmpty() ? b.note() : a.note());
  }

  private static List<StatementRef> refs(List<StatementView> statements) {
    return statements.stream().map(StatementView::ref).toList();
  }

  private static String key(String action) {
    return action.toLowerCase(Locale.ROOT);
  }
}
