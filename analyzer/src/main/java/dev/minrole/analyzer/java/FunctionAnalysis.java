package dev.minrole.analyzer.java;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import java.util.Comparator;
import java.util.List;

/**
 * What one function's code does: the SDK calls it can make, what the analyzer noticed, and the work
 * it took ({@code work}: evaluation steps, deterministic, the unit of the analysis budget).
 */
public record FunctionAnalysis(
    String handler, List<SdkCall> calls, List<Finding> findings, long work) {
  static final Comparator<SdkCall> CALL_ORDER =
      Comparator.comparing((SdkCall c) -> c.site())
          .thenComparing(SdkCall::service)
          .thenComparing(SdkCall::operation)
          .thenComparing(SdkCall::detail)
          .thenComparing(c -> c.args().toString());

  public FunctionAnalysis {
    calls = calls.stream().distinct().sorted(CALL_ORDER).toList();
    findings = findings.stream().distinct().sorted().toList();
  }

  public FunctionAnalysis(String handler, List<SdkCall> calls, List<Finding> findings) {
    this(handler, calls, findings, 0);
  }
}
