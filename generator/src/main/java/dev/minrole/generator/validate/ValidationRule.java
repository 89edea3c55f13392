package dev.minrole.generator.validate;

import java.util.List;

/** One kind of check on a policy; each rule is one class, listed in {@link PolicyValidator}. */
interface ValidationRule {
  /** The problems this rule finds; lines are filled in by the validator. */
  List<Problem> check(PolicyDocument document, ValidationContext context);
}
