package dev.minrole.generator.current;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.declared.DeclaredPolicies;
import dev.minrole.generator.declared.ManagedPolicies;
import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.PolicyDiff;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with the role a template gives a function today, judged against what the function
 * needs: {@code BROAD_MANAGED_POLICY}, {@code WILDCARD_GRANT} and {@code OVER_GRANT}, after the
 * findings met while reading the declared policies. The comparison is the diff engine's ({@link
 * PolicyDiff}), the same one {@code minrole diff} uses.
 *
 * <p>Advice follows evidence: for a function that is not complete ({@link
 * FunctionPolicy#complete()}) no finding tells the user to replace or remove a grant; each says
 * what could not be checked and names the findings that hid code.
 */
public final class CurrentRoleFindings {
  private final IamCatalog catalog;
  private final ManagedPolicies managed;

  public CurrentRoleFindings(IamCatalog catalog, ManagedPolicies managed) {
    this.catalog = catalog;
    this.managed = managed;
  }

  /** With minrole's IAM catalog and AWS managed policies. */
  public static CurrentRoleFindings bundled() {
    return new CurrentRoleFindings(IamCatalog.bundled(), ManagedPolicies.bundled());
  }

  /**
   * The role the template gives a function, as the diff engine compares it: every declared policy
   * whose document minrole knows, and a finding for each one it does not.
   */
  public CurrentPolicy current(String description, DeclaredPolicies.Declared declared) {
    CurrentPolicy role = new RoleDocuments(declared.documents(), managed).current(description);
    return new CurrentPolicy(description, role.identity(), List.of(), declared.findings());
  }

  /**
   * The findings about {@code declared}, the role of the function whose policy is {@code needed}.
   */
  public List<Finding> of(FunctionPolicy needed, DeclaredPolicies.Declared declared) {
    RoleDocuments role = new RoleDocuments(declared.documents(), managed);
    FunctionDiff diff =
        new PolicyDiff(catalog).compare(needed, role.current("the role of " + needed.name()));
    List<Finding> out = new ArrayList<>(declared.findings());
    out.addAll(
        BroadManagedPolicies.check(needed.name(), declared.documents(), role, diff, catalog));
    out.addAll(WildcardGrants.check(needed.name(), role, catalog, diff.incompleteness()));
    OverGrant.check(needed.name(), role, diff).ifPresent(out::add);
    return out;
  }
}
