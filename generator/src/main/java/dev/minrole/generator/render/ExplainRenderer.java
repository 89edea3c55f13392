package dev.minrole.generator.render;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.Severity;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * {@code --explain}: why each permission is there, for a person at a terminal. For every statement
 * its resources and conditions, and for every action its access level, the evidence (code location
 * and call, template property, platform reason, CloudTrail counts and dates) and the findings at
 * those places; then the function's other findings. Colour only when asked for.
 */
public final class ExplainRenderer implements Renderer {
  private final IamCatalog catalog;
  private final Style style;

  public ExplainRenderer(IamCatalog catalog, boolean colour) {
    this.catalog = catalog;
    this.style = new Style(colour);
  }

  @Override
  public String render(List<FunctionPolicy> functions, List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    for (FunctionPolicy f : functions) {
      if (out.length() > 0) {
        out.append('\n');
      }
      function(out, f);
    }
    if (!findings.isEmpty()) {
      out.append('\n').append(style.bold("Findings about the sources")).append('\n');
      findings.stream().distinct().sorted().forEach(x -> finding(out, "  ", x));
    }
    return out.toString();
  }

  private void function(StringBuilder out, FunctionPolicy f) {
    out.append(style.bold(f.name())).append('\n');
    int actions = f.statements().stream().mapToInt(s -> s.actions().size()).sum();
    out.append("  ")
        .append(count(f.statements().size(), "statement"))
        .append(", ")
        .append(count(actions, "action"))
        .append(", ")
        .append(count(f.findings().size(), "finding"))
        .append(f.isSplit() ? ", split into " + f.parts().size() + " managed policies" : "")
        .append(f.isPartial() ? ", " + style.severity(Severity.ERROR, "partial") : "")
        .append('\n');
    Set<Finding> shown = new LinkedHashSet<>();
    for (IamStatement s : f.statements()) {
      statement(out, f, s, shown);
    }
    List<Finding> rest = f.findings().stream().filter(x -> !shown.contains(x)).toList();
    if (!rest.isEmpty()) {
      out.append('\n').append("  ").append(style.bold("Findings")).append('\n');
      rest.forEach(x -> finding(out, "    ", x));
    }
  }

  private void statement(StringBuilder out, FunctionPolicy f, IamStatement s, Set<Finding> shown) {
    out.append('\n').append("  ").append(style.bold(s.sid() == null ? "(no Sid)" : s.sid()));
    out.append(' ').append(style.dim(s.effect().value())).append('\n');
    List<String> resources = s.resources().stream().map(r -> r.value()).sorted().toList();
    for (String r : resources) {
      out.append("    on   ").append(r).append('\n');
    }
    for (IamCondition c : s.conditions()) {
      out.append("    when ")
          .append(c.operator().value())
          .append(' ')
          .append(c.key().value())
          .append(' ')
          .append(c.value())
          .append('\n');
    }
    for (String pattern : s.actions().stream().map(a -> a.value()).sorted().toList()) {
      List<IamAction> expanded = catalog.expand(pattern);
      boolean wildcard = pattern.contains("*") || pattern.contains("?");
      if (wildcard) {
        out.append("    ")
            .append(style.cyan(pattern))
            .append(style.dim("  (--compact: " + expanded.size() + " actions)"))
            .append('\n');
      }
      for (IamAction action : expanded) {
        action(out, f, action, resources, s, wildcard ? "      " : "    ", shown);
      }
      if (expanded.isEmpty()) {
        out.append("    ").append(style.cyan(pattern)).append("  (not in the IAM catalog)\n");
      }
    }
  }

  private void action(
      StringBuilder out,
      FunctionPolicy f,
      IamAction action,
      List<String> resources,
      IamStatement s,
      String indent,
      Set<Finding> shown) {
    out.append(indent)
        .append(style.cyan(action.id()))
        .append("  ")
        .append(action.access().label())
        .append('\n');
    Set<Evidence> evidence = new TreeSet<>();
    for (Permission p : f.permissions()) {
      if (p.action().equalsIgnoreCase(action.id())
          && resources.contains(p.resource())
          && sameConditions(p, s)) {
        evidence.addAll(p.evidence());
      }
    }
    Set<SourceLocation> places = new TreeSet<>();
    for (Evidence e : evidence) {
      out.append(indent).append("  ").append(style.dim(describe(e))).append('\n');
      place(e).ifPresent(places::add);
    }
    for (Finding x : f.findings()) {
      if (places.contains(x.location()) && about(x, action.id(), f)) {
        finding(out, indent + "  ", x, false);
        shown.add(x);
      }
    }
  }

  /**
   * A finding at a call is about this action if it names it, or names none of the function's
   * actions.
   */
  private static boolean about(Finding x, String action, FunctionPolicy f) {
    return x.message().contains(action)
        || f.permissions().stream().noneMatch(p -> x.message().contains(p.action()));
  }

  private static boolean sameConditions(Permission p, IamStatement s) {
    Set<String> mine = new TreeSet<>();
    p.conditions()
        .forEach(c -> c.values().forEach(v -> mine.add(c.operator() + " " + c.key() + " " + v)));
    Set<String> theirs = new TreeSet<>();
    s.conditions()
        .forEach(c -> theirs.add(c.operator().value() + " " + c.key().value() + " " + c.value()));
    return mine.equals(theirs);
  }

  private static String describe(Evidence e) {
    if (e instanceof Evidence.Code c) {
      return "code      " + c.site() + "  " + c.detail();
    }
    if (e instanceof Evidence.Template t) {
      return "template  " + t.location() + "  " + t.path();
    }
    if (e instanceof Evidence.Trail t) {
      return "observed  "
          + count((int) t.count(), "call")
          + " in CloudTrail, "
          + t.firstSeen()
          + " to "
          + t.lastSeen();
    }
    return "platform  " + ((Evidence.Platform) e).reason();
  }

  private static Optional<SourceLocation> place(Evidence e) {
    if (e instanceof Evidence.Code c) {
      return Optional.of(c.site());
    }
    if (e instanceof Evidence.Template t) {
      return Optional.of(t.location());
    }
    return Optional.empty();
  }

  private void finding(StringBuilder out, String indent, Finding x) {
    finding(out, indent, x, true);
  }

  /** A finding; under an action its place is the evidence line above it, so it is left out. */
  private void finding(StringBuilder out, String indent, Finding x, boolean withPlace) {
    out.append(indent).append(style.severity(x.severity(), x.severity().label())).append(' ');
    if (withPlace && x.location().isKnown()) {
      out.append(x.location()).append(": ");
    }
    out.append(x.message()).append(' ').append(style.dim("[" + x.id() + "]")).append('\n');
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  @Override
  public String extension() {
    return "explain.txt";
  }
}
