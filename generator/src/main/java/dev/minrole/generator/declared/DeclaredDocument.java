package dev.minrole.generator.declared;

import dev.minrole.analyzer.model.SourceLocation;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * One policy a template grants a function today: its name (the SAM template, inline policy or
 * managed policy name, or a customer-managed policy's ARN), where it comes from, its document when
 * minrole knows it, where the template declares it, and whether it is an AWS managed policy minrole
 * considers over-broad.
 */
public record DeclaredDocument(
    String name,
    DeclaredSource kind,
    Optional<IamPolicy> document,
    SourceLocation location,
    boolean broadManaged) {
  public DeclaredDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    document = document == null ? Optional.empty() : document;
    location = location == null ? SourceLocation.NONE : location;
  }
}
