package dev.minrole.generator.declared;

import dev.minrole.analyzer.model.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * One policy a template grants a function today: its name (the SAM template, inline policy or
 * managed policy name, or a customer-managed policy's ARN), where it comes from, its document when
 * minrole knows it, where the template declares it, and whether it is an AWS managed policy minrole
 * considers over-broad. {@code statementLines} has the line of each statement of the document when
 * the code that declares it says where each statement is (Terraform); otherwise it is empty and
 * every statement is at {@code location}.
 */
public record DeclaredDocument(
    String name,
    DeclaredSource kind,
    Optional<IamPolicy> document,
    SourceLocation location,
    boolean broadManaged,
    List<SourceLocation> statementLines) {
  public DeclaredDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    document = document == null ? Optional.empty() : document;
    location = location == null ? SourceLocation.NONE : location;
    statementLines = statementLines == null ? List.of() : List.copyOf(statementLines);
  }

  public DeclaredDocument(
      String name,
      DeclaredSource kind,
      Optional<IamPolicy> document,
      SourceLocation location,
      boolean broadManaged) {
    this(name, kind, document, location, broadManaged, List.of());
  }
}
