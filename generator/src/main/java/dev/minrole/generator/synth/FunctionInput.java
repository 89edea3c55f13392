package dev.minrole.generator.synth;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is known about one function before its policy is made: the SDK calls its code makes, the
 * template values some of those calls used, the permissions the platform adds (logs, tracing, the
 * keys of encrypted targets), the findings so far, and how it is deployed (its template, its role).
 */
public record FunctionInput(
    String name,
    String handler,
    List<SdkCall> calls,
    Map<SdkCall, List<Evidence>> templateEvidence,
    List<Permission> extra,
    List<Finding> findings,
    Deployment deployment) {

  public FunctionInput {
    calls = List.copyOf(calls);
    templateEvidence = Map.copyOf(templateEvidence);
    extra = List.copyOf(extra);
    findings = List.copyOf(findings);
    Objects.requireNonNull(deployment, "deployment");
  }

  /** A function known only from its code. */
  public static FunctionInput ofCode(
      String name, String handler, List<SdkCall> calls, List<Finding> findings) {
    return new FunctionInput(name, handler, calls, Map.of(), List.of(), findings, Deployment.NONE);
  }

  /** The same function, deployed as {@code other} says. */
  public FunctionInput withDeployment(Deployment other) {
    return new FunctionInput(name, handler, calls, templateEvidence, extra, findings, other);
  }

  /** The template values {@code call} used, if any. */
  public List<Evidence> templateEvidence(SdkCall call) {
    return templateEvidence.getOrDefault(call, List.of());
  }

  /** The same function with more permissions added to what it needs. */
  public FunctionInput plus(List<Permission> more, List<Finding> moreFindings) {
    List<Permission> permissions = new ArrayList<>(extra);
    permissions.addAll(more);
    List<Finding> all = new ArrayList<>(findings);
    all.addAll(moreFindings);
    return new FunctionInput(name, handler, calls, templateEvidence, permissions, all, deployment);
  }
}
