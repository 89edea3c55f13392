package dev.minrole.generator.synth;

import dev.minrole.analyzer.model.Finding;
import java.util.List;

/** An ARN for a policy, a short label for statement ids, and what could not be resolved. */
public record BuiltArn(String arn, String label, List<Finding> findings) {
  public BuiltArn {
    findings = List.copyOf(findings);
  }
}
