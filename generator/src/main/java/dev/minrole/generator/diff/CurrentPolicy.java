package dev.minrole.generator.diff;

import dev.minrole.analyzer.model.Finding;
import java.util.List;

/**
 * What a role is allowed now: its identity policies (inline and managed, with their documents), its
 * permissions boundary if it has one (the effective grant is the intersection), and findings about
 * what could not be read (for example a managed policy named by ARN without its document). {@code
 * description} names the source in output: {@code policy.json}, {@code role orders-fn}.
 */
public record CurrentPolicy(
    String description,
    List<PolicyDocument> identity,
    List<PolicyDocument> boundary,
    List<Finding> findings) {

  public CurrentPolicy {
    identity = List.copyOf(identity);
    boundary = List.copyOf(boundary);
    findings = List.copyOf(findings);
  }

  public CurrentPolicy(String description, List<PolicyDocument> identity) {
    this(description, identity, List.of(), List.of());
  }
}
