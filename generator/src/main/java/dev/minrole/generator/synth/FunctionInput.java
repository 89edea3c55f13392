package dev.minrole.generator.synth;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import java.util.List;
import java.util.Map;

/**
 * What is known about one function before its policy is made: the SDK calls its code makes, the
 * template values some of those calls used, the permissions the platform adds (logs, tracing, the
 * keys of encrypted targets), and the findings so far.
 */
public record FunctionInput(
    String name,
    String handler,
    List<SdkCall> calls,
    Map<SdkCall, List<Evidence>> templateEvidence,
    List<Permission> extra,
    List<Finding> findings) {

  public FunctionInput {
    calls = List.copyOf(calls);
    templateEvidence = Map.copyOf(templateEvidence);
    extra = List.copyOf(extra);
    findings = List.copyOf(findings);
  }

  /** A function known only from its code. */
  public static FunctionInput ofCode(String name, String handler, List<SdkCall> calls, List<Finding> findings) {
    return new FunctionInput(name, handler, calls, Map.of(), List.of(), findings);
  }

  /** The template values {@code call} used, if any. */
  public List<Evidence> templateEvidence(SdkCall call) {
    return templateEvidence.getOrDefault(call, List.of());
  }

  /** The same function with more permissions added to what it needs. */
  public FunctionInput plus(List<Permission> more, List<Finding> moreFindings) {
    List<Permission> permissions = new java.util.ArrayList<>(extra);
    permissions.addAll(more);
    List<Finding> all = new java.util.ArrayList<>(findings);
    all.addAll(moreFindings);
    return new FunctionInput(name, handler, calls, templateEvidence, permissions, all);
  }
}
