package dev.minrole.generator.mapping;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import java.util.List;

/** What one SDK call needs in IAM, and what could not be mapped. */
public record MappedCall(SdkCall call, List<RequiredAction> actions, List<Finding> findings) {
  public MappedCall {
    actions = List.copyOf(actions);
    findings = List.copyOf(findings);
  }
}
