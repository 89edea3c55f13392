package dev.minrole.generator.declared;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;

/**
 * The findings met while reading what a template declares; each id has a section in
 * docs/findings.md.
 */
final class DeclaredFindings {
  static final String UNKNOWN_POLICY_TEMPLATE = "UNKNOWN_POLICY_TEMPLATE";
  static final String DECLARED_POLICY_UNKNOWN = "DECLARED_POLICY_UNKNOWN";
  static final String DECLARED_VALUE_UNRESOLVED = "DECLARED_VALUE_UNRESOLVED";

  private DeclaredFindings() {}

  static Finding unknownTemplate(String name, SourceLocation where) {
    return Finding.warning(
        UNKNOWN_POLICY_TEMPLATE,
        name
            + " is not a SAM policy template minrole knows, so what it grants is unknown; check the"
            + " name against the SAM policy template list, or write the statements inline",
        where);
  }

  static Finding unknownPolicy(String what, SourceLocation where) {
    return Finding.warning(DECLARED_POLICY_UNKNOWN, what, where);
  }

  static Finding missingParameter(String template, String parameter, SourceLocation where) {
    return Finding.warning(
        DECLARED_VALUE_UNRESOLVED,
        template
            + " needs the parameter "
            + parameter
            + ", which is missing (SAM rejects such a template);"
            + " the declared policy is read with * in its place",
        where);
  }

  static Finding unresolvedValue(String policy, String what, SourceLocation where) {
    return Finding.info(
        DECLARED_VALUE_UNRESOLVED,
        policy
            + ": "
            + what
            + " cannot be resolved before deployment, so the declared policy is read"
            + " with * in its place; pass --parameter, --region or --account to make it exact",
        where);
  }
}
