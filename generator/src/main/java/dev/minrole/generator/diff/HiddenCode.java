package dev.minrole.generator.diff;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a function is incomplete, as output says it: the findings that hide code the function runs
 * ({@link Finding#hidesCode()}), each by id and location. Diff, tighten and the findings about a
 * function's current role all use these words, so the causes read the same everywhere.
 */
public final class HiddenCode {
  /** How many causes a message names before it counts the rest. */
  static final int SHOWN = 5;

  private HiddenCode() {}

  /**
   * {@code REFLECTIVE_CALL at src/main/java/a/Loader.java:14, HANDLER_NOT_FOUND at template.yaml:30
   * and 2 more}.
   */
  public static String causes(List<Finding> hiding) {
    List<String> named = new ArrayList<>();
    for (Finding f : hiding.subList(0, Math.min(SHOWN, hiding.size()))) {
      named.add(f.location().isKnown() ? f.id() + " at " + f.location() : f.id());
    }
    String out = String.join(", ", named);
    int more = hiding.size() - named.size();
    return more > 0 ? out + " and " + more + " more" : out;
  }

  /** {@code minrole could not see all the code the function runs (REFLECTIVE_CALL at ...)}. */
  public static String reason(List<Finding> hiding) {
    return "minrole could not see all the code the function runs (" + causes(hiding) + ")";
  }

  /**
   * What a finding about an incomplete function says instead of advice to remove grants: {@code .
   * minrole could not see all the code the function runs (REFLECTIVE_CALL at ...), so it cannot
   * tell whether they are needed; keep them until those findings are resolved}.
   */
  public static String caveat(List<Finding> hiding, String cannotTell, String keep) {
    return ". "
        + reason(hiding)
        + ", so it cannot tell "
        + cannotTell
        + "; keep "
        + keep
        + " until those findings are resolved";
  }

  /**
   * The functions, each also with the findings of no single function that hide code (a source file
   * skipped, for example): code any of them may run was not seen. A function's own findings come
   * first; nothing changes when no shared finding hides code.
   */
  public static List<FunctionPolicy> spread(List<FunctionPolicy> functions, List<Finding> shared) {
    List<Finding> hiding = shared.stream().filter(Finding::hidesCode).toList();
    if (hiding.isEmpty()) {
      return List.copyOf(functions);
    }
    return functions.stream().map(f -> f.withFindings(hiding)).toList();
  }
}
