package dev.minrole.generator.current;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.declared.DeclaredDocument;
import dev.minrole.generator.diff.DiffEntry;
import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.HiddenCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * {@code BROAD_MANAGED_POLICY}: the role attaches an AWS managed policy that {@code
 * managed-policies.yaml} marks as over-broad, or whose name says so ({@code *FullAccess}, {@code
 * AdministratorAccess}, {@code PowerUserAccess}, ...). The message says how many actions it grants
 * and how many of them the function uses, as the diff engine matched them.
 *
 * <p>For a function that is not complete it counts what the code minrole saw uses, and instead of
 * advising another policy it names the findings that hid code and says to keep the policy.
 */
final class BroadManagedPolicies {
  static final String ID = "BROAD_MANAGED_POLICY";
  private static final int EXAMPLES = 3;

  private BroadManagedPolicies() {}

  static List<Finding> check(
      String function,
      List<DeclaredDocument> declared,
      RoleDocuments role,
      FunctionDiff diff,
      IamCatalog catalog) {
    List<Finding> out = new ArrayList<>();
    for (DeclaredDocument d : declared) {
      if (!d.broadManaged()) {
        continue;
      }
      String grants =
          d.document()
              .map(
                  p ->
                      "grants "
                          + OverGrant.count(granted(p, catalog), "action")
                          + ", "
                          + used(d, role, diff))
              .orElse("is over-broad by its name (minrole does not have its document)");
      String advice =
          diff.complete()
              ? ". Attach the generated policy instead"
              : HiddenCode.caveat(
                  diff.incompleteness(), "which of its actions the function needs", "it");
      out.add(
          Finding.warning(
              ID,
              function
                  + ": its current role attaches the "
                  + role.label(d)
                  + ", which "
                  + grants
                  + advice,
              d.location()));
    }
    return out;
  }

  /** The actions the policy's Allow statements grant, per the IAM catalog. */
  private static int granted(IamPolicy policy, IamCatalog catalog) {
    Set<String> actions = new TreeSet<>();
    for (IamStatement s : policy.statements()) {
      if (IamEffect.ALLOW.value().equals(s.effect().value())) {
        s.actions().forEach(a -> catalog.expand(a.value()).forEach(x -> actions.add(x.id())));
      }
    }
    return actions.size();
  }

  /** {@code of which the function needs 2 (s3:GetObject, s3:PutObject)}. */
  @SuppressWarnings("ReferenceEquality") // this very document, not an equal one attached twice
  private static String used(DeclaredDocument d, RoleDocuments role, FunctionDiff diff) {
    Set<String> needed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (DiffEntry e : diff.entries()) {
      boolean grantedHere =
          e.grants().stream().anyMatch(g -> role.of(g).map(x -> x.declared() == d).orElse(false));
      boolean seenNeed =
          e.kind() == DiffKind.MATCHED
              || e.kind() == DiffKind.BROADER
              || (e.kind() == DiffKind.UNVERIFIED && !e.neededResources().isEmpty());
      if (grantedHere && seenNeed) {
        needed.add(e.action());
      }
    }
    String who = diff.complete() ? "the function needs" : "the code minrole saw uses";
    if (needed.isEmpty()) {
      return "none of which " + who;
    }
    List<String> all = List.copyOf(needed);
    List<String> examples = all.subList(0, Math.min(EXAMPLES, all.size()));
    return "of which "
        + who
        + " "
        + all.size()
        + " ("
        + String.join(", ", examples)
        + (all.size() > examples.size() ? ", ..." : "")
        + ")";
  }
}
