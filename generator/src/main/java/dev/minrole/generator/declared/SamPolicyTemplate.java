package dev.minrole.generator.declared;

import java.util.List;
import java.util.Map;

/**
 * A SAM policy template: its parameters and the statements it grants, with placeholders ({@code
 * ${TableName}}, {@code ${AWS::Region}}) where SAM fills in values, and the documentation section
 * it was written from. {@code notInCatalog} names granted actions that the IAM reference no longer
 * lists, with the reason.
 */
public record SamPolicyTemplate(
    String name,
    String description,
    String url,
    List<String> parameters,
    List<StatementDraft> statements,
    Map<String, String> notInCatalog) {
  public SamPolicyTemplate {
    parameters = List.copyOf(parameters);
    statements = List.copyOf(statements);
    notInCatalog = Map.copyOf(notInCatalog);
  }
}
