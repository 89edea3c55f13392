package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import java.util.List;

/** The execution role a function declares. */
public sealed interface RoleRef {
  /** SAM creates a role for this function from its {@code Policies}. */
  record Generated() implements RoleRef {}

  /** An {@code AWS::IAM::Role} of the template. */
  record Resource(String logicalId) implements RoleRef {}

  /** A role outside the template, by ARN. */
  record External(List<ArgValue> arn) implements RoleRef {}

  /** A key two functions share only if they use the same role. */
  default String identity() {
    if (this instanceof Resource r) {
      return "resource:" + r.logicalId();
    }
    if (this instanceof External e) {
      return "arn:" + e.arn().stream().map(ArgValue::pattern).sorted().toList();
    }
    return "";
  }
}
