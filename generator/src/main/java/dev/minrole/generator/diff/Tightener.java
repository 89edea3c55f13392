package dev.minrole.generator.diff;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.synth.Condition;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Cuts a current policy down to what the function needs, and never grants more than it: each needed
 * permission (from the code, observed in CloudTrail, or required by the platform) is kept only
 * where the current policy grants it, scoped to the needed resource, with the grant's conditions
 * when the grant has some; Deny statements that touch a kept permission are kept as they are.
 * Everything else is removed. Needed permissions the current policy does not grant are reported,
 * and added only when asked; where the current policy grants part of one ({@link PartGrants}: the
 * need's table is unknown, {@code table/*}, and the role grants {@code table/orders}), that part is
 * kept, since the code may use exactly it.
 *
 * <p>A function that is not complete ({@link FunctionPolicy#complete()}) runs code minrole did not
 * see, which may use any grant not proven needed. So each Allow statement that grants something
 * {@code unverified} ({@link PolicyDiff}) is kept as the current policy writes it, and so is every
 * Deny statement of the identity policies (any of them may limit a kept statement). Only grants
 * that grant nothing (a resource the action cannot act on, an action an unconditional Deny takes
 * away) and statements whose every grant is matched, which the scoped needs replace, go. A needed
 * permission a kept statement grants is not written again.
 */
public final class Tightener {
  /** The finding id that says tighten kept unverified grants as written. */
  public static final String UNVERIFIED_GRANTS_KEPT = "UNVERIFIED_GRANTS_KEPT";

  /** {@code --add-missing} and {@code --drop-observed}. */
  public record Options(boolean addMissing, boolean dropObserved) {}

  private final PolicySynthesizer synthesizer;
  private final IamCatalog catalog;

  public Tightener(PolicySynthesizer synthesizer, IamCatalog catalog) {
    this.synthesizer = synthesizer;
    this.catalog = catalog;
  }

  /** With minrole's IAM catalog. */
  public Tightener(PolicySynthesizer synthesizer) {
    this(synthesizer, IamCatalog.bundled());
  }

  public Tightened tighten(FunctionPolicy needed, CurrentPolicy current, Options options) {
    PolicyEvaluator evaluator = new PolicyEvaluator(current);
    Set<StatementView> identity = new LinkedHashSet<>(evaluator.identityStatements());
    List<Permission> kept = new ArrayList<>();
    List<Permission> missing = new ArrayList<>();
    List<Permission> dropped = new ArrayList<>();
    List<Permission> covered = new ArrayList<>();
    Set<StatementRef> denies = new LinkedHashSet<>();
    List<StatementRef> unverified = unverified(needed, current, identity);
    for (Permission need : needed.permissions()) {
      if (options.dropObserved()
          && need.evidence().stream().allMatch(e -> e instanceof Evidence.Trail)) {
        dropped.add(need);
        continue;
      }
      Evaluation ev = evaluator.evaluate(need.action(), need.resource(), need.conditions());
      if (keep(need, ev, unverified, identity, kept, covered, denies)) {
        continue;
      }
      missing.add(need);
      if (options.addMissing()) {
        kept.add(need);
      }
      for (PartGrants.PartGrant part :
          PartGrants.of(identity, catalog, need.action(), ev.resource())) {
        Evaluation partly = evaluator.evaluate(need.action(), part.resource(), need.conditions());
        keep(need, partly, unverified, identity, kept, covered, denies);
      }
    }
    if (!unverified.isEmpty()) {
      identity.stream().filter(v -> !v.allow()).map(StatementView::ref).forEach(denies::add);
    }
    List<IamStatement> statements = new ArrayList<>();
    List<Permission> permissions = new ArrayList<>(covered);
    List<Finding> findings = needed.findings();
    if (!kept.isEmpty()) {
      FunctionPolicy allows =
          synthesizer.synthesize(
              needed.name(), needed.handler(), List.of(), kept, needed.findings());
      statements.addAll(allows.statements());
      permissions.addAll(allows.permissions());
      findings = allows.findings();
    }
    unverified.forEach(ref -> statements.add(statement(ref, current)));
    Optional<FunctionPolicy> policy = Optional.empty();
    if (!statements.isEmpty()) {
      denies.forEach(ref -> statements.add(statement(ref, current)));
      List<Finding> all = new ArrayList<>(findings);
      if (!unverified.isEmpty()) {
        all.add(keptFinding(needed, current, unverified));
      }
      IamPolicy tightened =
          IamPolicy.builder()
              .version(PolicySynthesizer.VERSION)
              .statements(uniqueSids(statements))
              .build();
      policy =
          Optional.of(
              new FunctionPolicy(needed.name(), needed.handler(), tightened, permissions, all)
                  .withDeployment(needed.deployment()));
    }
    return new Tightened(
        policy, missing, options.addMissing(), dropped, unverified, needed.incompleteness());
  }

  /**
   * Keeps {@code need} where the current policy grants it ({@code ev}), scoped to the resource it
   * was judged on: with the need's conditions when granted outright, with the grant's conditions
   * and the Deny statements that may apply when granted only under conditions. False if it is not
   * granted there.
   */
  private static boolean keep(
      Permission need,
      Evaluation ev,
      List<StatementRef> unverified,
      Set<StatementView> identity,
      List<Permission> kept,
      List<Permission> covered,
      Set<StatementRef> denies) {
    switch (ev.access()) {
      case GRANTED -> {
        Permission scoped = scoped(need, ev.resource(), withFactsGranted(need, ev));
        boolean keptAsWritten = ev.allows().stream().anyMatch(a -> unverified.contains(a.ref()));
        (keptAsWritten ? covered : kept).add(scoped);
        return true;
      }
      case CONDITIONAL -> {
        List<Condition> conditions =
            ev.allows().isEmpty()
                ? withGrantConditions(need, ev.conditionalAllows().get(0))
                : need.conditions();
        kept.add(scoped(need, ev.resource(), conditions));
        ev.denies().stream()
            .filter(identity::contains)
            .map(StatementView::ref)
            .forEach(denies::add);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * The Allow statements that grant something {@code unverified}, in the current policy's order:
   * none for a complete function.
   */
  private List<StatementRef> unverified(
      FunctionPolicy needed, CurrentPolicy current, java.util.Collection<StatementView> identity) {
    if (needed.complete()) {
      return List.of();
    }
    Set<StatementRef> granting = new HashSet<>();
    new PolicyDiff(catalog)
        .compare(needed, current)
        .of(DiffKind.UNVERIFIED)
        .forEach(e -> granting.addAll(e.grants()));
    return identity.stream().map(StatementView::ref).filter(granting::contains).toList();
  }

  /** {@code UNVERIFIED_GRANTS_KEPT}: which statements were kept as written, and why. */
  private static Finding keptFinding(
      FunctionPolicy needed, CurrentPolicy current, List<StatementRef> kept) {
    List<String> where = kept.stream().map(StatementRef::where).toList();
    String listed =
        String.join(", ", where.subList(0, Math.min(HiddenCode.SHOWN, where.size())))
            + (where.size() > HiddenCode.SHOWN
                ? " and " + (where.size() - HiddenCode.SHOWN) + " more"
                : "");
    return Finding.warning(
        UNVERIFIED_GRANTS_KEPT,
        needed.name()
            + ": tighten kept "
            + kept.size()
            + (kept.size() == 1 ? " statement" : " statements")
            + " of "
            + current.description()
            + " as written ("
            + listed
            + "): "
            + HiddenCode.reason(needed.incompleteness())
            + ", and that code may use what they grant. Resolve those findings and tighten again",
        kept.get(0).location());
  }

  /**
   * The statements with each {@code Sid} used once, as IAM requires within a policy: statements
   * kept from several documents may share one, and a repeated {@code Sid} gets a number.
   */
  private static List<IamStatement> uniqueSids(List<IamStatement> statements) {
    Set<String> used = new HashSet<>();
    List<IamStatement> out = new ArrayList<>();
    for (IamStatement s : statements) {
      String sid = s.sid();
      if (sid == null || used.add(sid)) {
        out.add(s);
        continue;
      }
      String renamed = sid;
      for (int n = 2; !used.add(renamed); n++) {
        renamed = sid + n;
      }
      out.add(s.toBuilder().sid(renamed).build());
    }
    return out;
  }

  private static Permission scoped(Permission need, String resource, List<Condition> conditions) {
    return new Permission(need.action(), resource, conditions, need.evidence());
  }

  /**
   * The need's conditions, and those of the granting statement that every SDK request meets ({@code
   * aws:SecureTransport}), unless a statement grants it without any: the tightened permission then
   * stays as narrow as the grant for requests other than the function's.
   */
  private static List<Condition> withFactsGranted(Permission need, Evaluation ev) {
    List<Condition> facts = new ArrayList<>();
    for (StatementView allow : ev.allows()) {
      List<Condition> met = allow.conditions().stream().filter(SdkRequestFacts::alwaysMet).toList();
      if (met.isEmpty()) {
        return need.conditions();
      }
      if (facts.isEmpty()) {
        facts.addAll(met);
      }
    }
    List<Condition> out = new ArrayList<>(need.conditions());
    facts.stream().filter(f -> !out.contains(f)).forEach(out::add);
    return out;
  }

  /** The grant's conditions, and the needed ones on keys the grant does not constrain. */
  private static List<Condition> withGrantConditions(Permission need, StatementView grant) {
    List<Condition> out = new ArrayList<>(grant.conditions());
    for (Condition c : need.conditions()) {
      boolean constrained =
          grant.conditions().stream()
              .anyMatch(
                  g ->
                      g.operator().equalsIgnoreCase(c.operator())
                          && g.key().equalsIgnoreCase(c.key()));
      if (!constrained) {
        out.add(c);
      }
    }
    return out;
  }

  /** The statement as the current policy writes it (found by its index in its document). */
  private static IamStatement statement(StatementRef ref, CurrentPolicy current) {
    int i = ref.index();
    for (PolicyDocument d : current.identity()) {
      if (i < d.policy().statements().size() && d.statement(i).equals(ref)) {
        return d.policy().statements().get(i);
      }
    }
    throw new IllegalStateException("statement not in the current policy: " + ref);
  }
}
