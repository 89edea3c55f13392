package dev.minrole.generator.synth;

import java.util.Objects;
import java.util.Optional;

/**
 * How a template names an ARN of one of its own resources. {@code arn} is the ARN as minrole writes
 * it in a plain policy ({@code arn:aws:dynamodb:*:*:table/*-OrdersTable-*}); in a template it is
 * {@code head} followed by {@code ${expression}}, where {@code expression} is what {@code !Sub}
 * resolves ({@code OrdersTable.Arn} for {@code Fn::GetAtt}, {@code OrderFunction} for {@code Ref})
 * and {@code head} the {@code !Sub} text in front of it, usually empty ({@code
 * arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/} for a
 * function's log group). An ARN that continues after {@code arn} with {@code /} or {@code :} (an
 * object key, an index, a log stream) is the same reference followed by that text.
 */
public record TemplateReference(String arn, String head, String expression) {
  public TemplateReference {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(expression, "expression");
  }

  /**
   * What follows this reference in {@code arn} (empty for the reference itself), or empty if {@code
   * arn} is not this reference, alone or followed by {@code /} or {@code :} and more.
   */
  public Optional<String> rest(String arn) {
    if (!arn.startsWith(this.arn)) {
      return Optional.empty();
    }
    String rest = arn.substring(this.arn.length());
    if (!rest.isEmpty() && rest.charAt(0) != '/' && rest.charAt(0) != ':') {
      return Optional.empty();
    }
    return Optional.of(rest);
  }
}
