package dev.minrole.engine;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.declared.DeclaredPolicies;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an analysis found: every function's policy (with its own findings), the findings that belong
 * to no single function, whether some CloudTrail input could not be read completely, and what the
 * template grants each template function today ({@code declared}, by function name).
 */
public record Analysis(
    List<FunctionPolicy> functions,
    List<Finding> findings,
    boolean partialInput,
    Map<String, DeclaredPolicies.Declared> declared) {

  public Analysis {
    functions = List.copyOf(functions);
    findings = List.copyOf(findings);
    declared = Collections.unmodifiableMap(new LinkedHashMap<>(declared));
  }

  public Analysis(List<FunctionPolicy> functions, List<Finding> findings, boolean partialInput) {
    this(functions, findings, partialInput, Map.of());
  }

  /** The findings of no single function, then each function's, in that order. */
  public List<Finding> allFindings() {
    List<Finding> all = new ArrayList<>(findings);
    functions.forEach(f -> all.addAll(f.findings()));
    return all;
  }
}
