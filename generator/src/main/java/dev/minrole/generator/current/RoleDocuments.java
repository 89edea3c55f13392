package dev.minrole.generator.current;

import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.declared.DeclaredDocument;
import dev.minrole.generator.declared.DeclaredSource;
import dev.minrole.generator.declared.ManagedPolicies;
import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.PolicyDocument;
import dev.minrole.generator.diff.StatementRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declared policies of a function whose documents minrole knows, as the diff engine reads them:
 * each a {@link PolicyDocument} named for people ({@code SAM policy template DynamoDBCrudPolicy},
 * {@code AWS managed policy AmazonS3FullAccess}), its statements located at the template line that
 * declares the policy, or each at its own line when the declaring code says where it is.
 */
final class RoleDocuments {
  /** A declared policy and the document the diff engine reads for it. */
  record Entry(DeclaredDocument declared, PolicyDocument document) {}

  private final Map<String, Entry> byName = new LinkedHashMap<>();
  private final ManagedPolicies managed;

  RoleDocuments(List<DeclaredDocument> declared, ManagedPolicies managed) {
    this.managed = managed;
    for (DeclaredDocument d : declared) {
      if (d.document().isEmpty()) {
        continue;
      }
      String label = label(d);
      String name = label;
      for (int n = 2; byName.containsKey(name); n++) {
        name = label + " #" + n;
      }
      int statements = d.document().get().statements().size();
      boolean located =
          d.statementLines().size() == statements
              && d.statementLines().stream()
                  .allMatch(l -> l.file().equals(d.statementLines().get(0).file()));
      PolicyDocument document =
          new PolicyDocument(
              name,
              located ? d.statementLines().get(0).file() : d.location().file(),
              d.document().get(),
              List.of(),
              located
                  ? d.statementLines().stream().map(SourceLocation::line).toList()
                  : Collections.nCopies(statements, d.location().line()));
      byName.put(name, new Entry(d, document));
    }
  }

  List<Entry> entries() {
    return List.copyOf(byName.values());
  }

  /** The role as the diff engine compares it. */
  CurrentPolicy current(String description) {
    List<PolicyDocument> documents = new ArrayList<>();
    byName.values().forEach(e -> documents.add(e.document()));
    return new CurrentPolicy(description, documents);
  }

  /** The declared policy a granting statement belongs to. */
  Optional<Entry> of(StatementRef statement) {
    return Optional.ofNullable(byName.get(statement.document()));
  }

  /**
   * True if the template writes the statements itself (inline, a SAM policy template, a managed
   * policy defined in the template) or SAM writes them from the template's values (a dead-letter
   * queue's policy); false for AWS managed policies, attached by name or by SAM.
   */
  boolean writtenInTemplate(DeclaredDocument d) {
    return d.kind() != DeclaredSource.SAM_IMPLICIT && !awsManaged(d);
  }

  private boolean awsManaged(DeclaredDocument d) {
    return d.kind() == DeclaredSource.SAM_IMPLICIT
        || (d.kind() == DeclaredSource.MANAGED
            && (d.broadManaged() || managed.byName(d.name()).isPresent()));
  }

  /**
   * {@code SAM policy template DynamoDBCrudPolicy}, {@code AWS managed policy AmazonS3FullAccess}.
   */
  String label(DeclaredDocument d) {
    return switch (d.kind()) {
      case SAM_POLICY_TEMPLATE -> "SAM policy template " + d.name();
      case INLINE -> "inline policy " + d.name();
      case MANAGED -> (awsManaged(d) ? "AWS managed policy " : "managed policy ") + d.name();
      case SAM_IMPLICIT -> "AWS managed policy " + d.name() + " that SAM attaches";
      case SAM_GENERATED -> "policy SAM generates for " + d.name();
    };
  }
}
