package dev.minrole.analyzer.model;

import java.util.Set;

/**
 * Which findings mean that minrole could not see all the code a function runs. A function with one
 * of them is <em>incomplete</em>: its policy may lack what the unseen code needs, so diff, tighten
 * and the findings about its current role never call any of its grants excess.
 *
 * <p>A finding that only widens a resource ({@code UNRESOLVED_RESOURCE}) leaves the function
 * complete: the action is granted, on a broader resource. Each id is documented in {@code
 * docs/findings.md}.
 */
public final class Completeness {
  /** The ids whose findings, by default, hide code the function runs. */
  static final Set<String> HIDES_CODE =
      Set.of(
          "PARTIAL_ANALYSIS",
          "HANDLER_NOT_FOUND",
          "UNMAPPED_OPERATION",
          "UNKNOWN_SDK_METHOD",
          "UNRESOLVED_RECEIVER",
          "REFLECTIVE_CALL",
          "SOURCE_SKIPPED",
          "ANALYSIS_BUDGET",
          "CLIENT_ESCAPES",
          "ENTRY_POINTS_APPROXIMATED",
          "FRAMEWORK_ENTRY_UNKNOWN",
          "UNMODELLED_LIBRARY",
          "LIBRARY_CONFIG_UNKNOWN",
          "SDK1_UNMAPPED_CALL");

  private Completeness() {}

  /** True if a finding with this id, by default, means code the function runs was not seen. */
  public static boolean hidesCode(String id) {
    return HIDES_CODE.contains(id);
  }
}
