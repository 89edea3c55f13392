package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A permission a template grants a function today: a SAM policy template with its parameters, an
 * inline policy document, or a managed policy by ARN (with its document when the template defines
 * it); or, from infrastructure code that is not a template (Terraform), a document already
 * evaluated into statements.
 */
public sealed interface DeclaredPolicy {
  SourceLocation location();

  /** {@code DynamoDBCrudPolicy: {TableName: !Ref Orders}}. */
  record SamTemplate(String name, Map<String, List<ArgValue>> parameters, SourceLocation location)
      implements DeclaredPolicy {
    public SamTemplate {
      parameters = Map.copyOf(parameters);
    }
  }

  /** A policy document written in the template; its strings are resolved by {@code resolver}. */
  record Inline(String name, TNode document, SourceLocation location) implements DeclaredPolicy {}

  /** A managed policy by ARN or, for SAM, by AWS-managed policy name. */
  record Managed(List<ArgValue> arn, SourceLocation location) implements DeclaredPolicy {
    public Managed {
      arn = List.copyOf(arn);
    }
  }

  /**
   * A policy document the infrastructure code writes, already evaluated: an inline policy, or a
   * customer managed policy it defines ({@code managed}), named as the code names it ({@code
   * aws_iam_role_policy.dispatcher}), each statement at its own line. {@code unreadable} says why
   * the document could not be read (it is then treated as unknown).
   */
  record Written(
      String name,
      boolean managed,
      List<WrittenStatement> statements,
      SourceLocation location,
      Optional<String> unreadable)
      implements DeclaredPolicy {
    public Written {
      statements = List.copyOf(statements);
    }
  }
}
