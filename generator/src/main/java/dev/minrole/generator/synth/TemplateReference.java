package dev.minrole.generator.synth;

import java.util.List;
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

  /** A reference an ARN is made of, and the text that follows it in the ARN (often empty). */
  public record Match(TemplateReference reference, String rest) {}

  /**
   * The first of {@code references} that {@code arn} is, alone or followed by {@code /} or {@code
   * :} and more; empty if there is none.
   */
  public static Optional<Match> find(List<TemplateReference> references, String arn) {
    for (TemplateReference r : references) {
      if (!arn.startsWith(r.arn())) {
        continue;
      }
      String rest = arn.substring(r.arn().length());
      if (rest.isEmpty() || rest.charAt(0) == '/' || rest.charAt(0) == ':') {
        return Optional.of(new Match(r, rest));
      }
    }
    return Optional.empty();
  }
}
