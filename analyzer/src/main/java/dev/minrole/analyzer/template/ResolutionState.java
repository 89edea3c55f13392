package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one {@link TemplateResolver} is in the middle of and what it has found: the references being
 * resolved right now, in order, so that a cycle is reported instead of followed, and the findings
 * met so far. Values, conditions and physical names share one, so a cycle through any of them is
 * caught.
 */
final class ResolutionState {
  private final Template template;
  private final Set<String> resolving = new LinkedHashSet<>();
  private final List<Finding> findings = new ArrayList<>();

  ResolutionState(Template template) {
    this.template = template;
  }

  /** Starts resolving {@code key}; false if it is already being resolved (a cycle). */
  boolean enter(String key) {
    return resolving.add(key);
  }

  void leave(String key) {
    resolving.remove(key);
  }

  /** What is being resolved, outermost first: {@code A -> B -> C}. */
  String path() {
    return String.join(" -> ", resolving);
  }

  /** A problem in the template: {@code TEMPLATE_ERROR}. */
  void error(TNode at, String message) {
    findings.add(Finding.warning("TEMPLATE_ERROR", message, template.location(at)));
  }

  /** A value minrole cannot see before deployment: {@code TEMPLATE_UNRESOLVED}. */
  void note(TNode at, String message) {
    findings.add(Finding.info("TEMPLATE_UNRESOLVED", message, template.location(at)));
  }

  void add(Finding finding) {
    findings.add(finding);
  }

  /** Problems met so far, each once. */
  List<Finding> findings() {
    return findings.stream().distinct().toList();
  }
}
