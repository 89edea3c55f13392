package dev.minrole.generator.render;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.Severity;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.diff.DiffEntry;
import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.DiffReport;
import dev.minrole.generator.diff.ExcessGroup;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.StatementRef;
import dev.minrole.generator.synth.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code minrole diff --format markdown}: a pull-request comment. A summary table, then one
 * collapsible section per function with tables for missing and broader entries, excess grants
 * folded as {@code s3:* (143 actions)} with the action list in a nested collapsible block, and the
 * matched entries folded last. To stay under GitHub's comment size, at most {@value
 * #LISTED_ACTIONS} folded action names are listed in all (past that a group shows its count only),
 * and a pattern that reaches more than {@value #SERVICES_LISTED} services ({@code *}, {@code
 * NotAction}) is one line with its services folded.
 *
 * <p>When some function is incomplete the summary gains an {@code Unverified} column, and that
 * function's section says which findings hid code before it lists its unverified grants, folded
 * like excess ones.
 */
public final class DiffMarkdown implements DiffRenderer {
  static final int LISTED_ACTIONS = 500;
  static final int SERVICES_LISTED = 10;

  @Override
  public String render(DiffReport report) {
    StringBuilder out = new StringBuilder();
    String against =
        report.baseline() == DiffReport.Baseline.BASE_REF
            ? "the needed policy at " + code(report.current())
            : code(report.current());
    out.append("### minrole: needed permissions compared with ").append(against).append("\n\n");
    List<DiffKind> kinds = report.kinds();
    out.append("| Function |");
    for (DiffKind kind : kinds) {
      out.append(' ').append(capitalized(report.word(kind))).append(" |");
    }
    out.append("\n|---|").append("---:|".repeat(kinds.size())).append('\n');
    for (FunctionDiff f : report.functions()) {
      out.append("| ").append(code(f.name())).append(" |");
      for (DiffKind kind : kinds) {
        out.append(' ').append(String.format("%,d", f.count(kind))).append(" |");
      }
      out.append('\n');
    }
    if (!report.complete()) {
      out.append(
              "\n> **Incomplete:** minrole could not see all the code of some functions. Their grants that the")
          .append(
              " unseen code may use are **unverified**, not excess: keep them until the findings")
          .append(" that hid code are resolved.\n");
    }
    if (report.partial()) {
      out.append(
              "\n> **Partial:** minrole could not analyze everything (see the findings below); something the")
          .append(" code needs may be missing from this comparison.\n");
    }
    int[] budget = {LISTED_ACTIONS};
    for (FunctionDiff f : report.functions()) {
      function(out, report, f, budget);
    }
    return out.toString();
  }

  private static void function(StringBuilder out, DiffReport report, FunctionDiff f, int[] budget) {
    out.append("\n<details><summary><b>")
        .append(html(f.name()))
        .append("</b>: ")
        .append(html(DiffText.counts(report, f)))
        .append("</summary>\n");
    if (!f.complete()) {
      out.append("\n**Incomplete:** ")
          .append(cell(f.incompleteBecause()))
          .append(". What that code may use is listed as unverified, not excess.\n");
    }
    List<DiffEntry> missing = f.of(DiffKind.MISSING);
    if (!missing.isEmpty()) {
      heading(out, report, DiffKind.MISSING);
      out.append("| Action | Resource | Needed by | Why |\n|---|---|---|---|\n");
      for (DiffEntry e : missing) {
        out.append("| ")
            .append(code(e.action()))
            .append(" | ")
            .append(code(e.resource()))
            .append(" | ")
            .append(evidence(e.evidence()))
            .append(" | ")
            .append(cell(e.note()))
            .append(" |\n");
      }
    }
    List<DiffEntry> broader = f.of(DiffKind.BROADER);
    if (!broader.isEmpty()) {
      heading(out, report, DiffKind.BROADER);
      out.append("| Action | Granted on | Enough | Granted by |\n|---|---|---|---|\n");
      for (DiffEntry e : broader) {
        out.append("| ")
            .append(code(e.action()))
            .append(" | ")
            .append(code(e.resource()))
            .append(" | ")
            .append(
                String.join("<br>", e.neededResources().stream().map(DiffMarkdown::code).toList()))
            .append(" | ")
            .append(refs(e.grants()))
            .append(" |\n");
      }
    }
    folded(out, report, f, DiffKind.EXCESS, budget);
    folded(out, report, f, DiffKind.UNVERIFIED, budget);
    List<DiffEntry> matched = f.of(DiffKind.MATCHED);
    if (!matched.isEmpty()) {
      out.append("\n<details><summary>")
          .append(capitalized(report.word(DiffKind.MATCHED)))
          .append(" (")
          .append(matched.size())
          .append(")</summary>\n\n");
      out.append("| Action | Resource | Granted by |\n|---|---|---|\n");
      for (DiffEntry e : matched) {
        out.append("| ")
            .append(code(e.action()))
            .append(" | ")
            .append(code(e.resource()))
            .append(" | ")
            .append(refs(e.grants()))
            .append(" |\n");
      }
      out.append("\n</details>\n");
    }
    List<Finding> findings =
        f.findings().stream().filter(x -> x.severity() != Severity.INFO).toList();
    if (!findings.isEmpty()) {
      out.append("\n**Findings**\n\n");
      findings.forEach(
          x ->
              out.append("- ")
                  .append(x.severity().label())
                  .append(' ')
                  .append(x.location().isKnown() ? code(x.location().toString()) + " " : "")
                  .append(cell(x.message()))
                  .append(" (`")
                  .append(x.id())
                  .append("`)\n"));
    }
    out.append("\n</details>\n");
  }

  /** Excess or unverified grants, folded per statement, pattern, resource and service. */
  private static void folded(
      StringBuilder out, DiffReport report, FunctionDiff f, DiffKind kind, int[] budget) {
    List<ExcessGroup> excess = ExcessGroup.of(f.of(kind), kind, IamCatalog.bundled());
    if (excess.isEmpty()) {
      return;
    }
    heading(out, report, kind);
    Map<String, List<ExcessGroup>> byGrant = new LinkedHashMap<>();
    for (ExcessGroup g : excess) {
      byGrant
          .computeIfAbsent(
              g.grant().describe() + "\u0000" + g.pattern() + "\u0000" + g.resource(),
              k -> new ArrayList<>())
          .add(g);
    }
    for (List<ExcessGroup> groups : byGrant.values()) {
      if (groups.size() > SERVICES_LISTED) {
        manyServices(out, groups);
      } else {
        groups.forEach(g -> group(out, g, budget));
      }
    }
  }

  private static void group(StringBuilder out, ExcessGroup g, int[] budget) {
    String line =
        code(g.label()) + " on " + code(g.resource()) + ", granted by " + cell(g.grant().where());
    if (g.actions().size() == 1) {
      out.append("- ").append(line).append('\n');
    } else if (g.actions().size() <= budget[0]) {
      budget[0] -= g.actions().size();
      out.append("- <details><summary>")
          .append(htmlCode(g.label()))
          .append(" on ")
          .append(htmlCode(g.resource()))
          .append(", granted by ")
          .append(html(g.grant().where()))
          .append("</summary>\n\n  ")
          .append(String.join(", ", g.actions().stream().map(DiffMarkdown::code).toList()))
          .append("\n  </details>\n");
    } else {
      out.append("- ").append(line).append(" (list omitted; `--format json` has it)\n");
    }
    seenNeeds(out, g);
  }

  /**
   * One pattern over many services ({@code *}, {@code NotAction}): one line, the services folded.
   */
  private static void manyServices(StringBuilder out, List<ExcessGroup> groups) {
    ExcessGroup first = groups.get(0);
    int actions = groups.stream().mapToInt(g -> g.actions().size()).sum();
    out.append("- <details><summary>")
        .append(htmlCode(first.pattern()))
        .append(" on ")
        .append(htmlCode(first.resource()))
        .append(String.format(": %,d actions in %,d services", actions, groups.size()))
        .append(", granted by ")
        .append(html(first.grant().where()))
        .append("</summary>\n\n  ")
        .append(String.join(", ", groups.stream().map(g -> code(g.label())).toList()))
        .append("\n  </details>\n");
    groups.forEach(g -> seenNeeds(out, g));
  }

  /** For an unverified group: what the code minrole saw needs of it, on narrower resources. */
  private static void seenNeeds(StringBuilder out, ExcessGroup g) {
    for (DiffEntry e : g.seenNeeds()) {
      out.append("  - the code seen needs ")
          .append(code(e.action()))
          .append(" only on ")
          .append(String.join(", ", e.neededResources().stream().map(DiffMarkdown::code).toList()))
          .append('\n');
    }
  }

  private static void heading(StringBuilder out, DiffReport report, DiffKind kind) {
    out.append("\n#### ").append(capitalized(report.word(kind))).append("\n\n");
  }

  private static String evidence(List<Evidence> evidence) {
    return String.join("<br>", evidence.stream().map(e -> cell(e.describe())).toList());
  }

  private static String refs(List<StatementRef> refs) {
    return String.join("<br>", refs.stream().map(r -> cell(r.where())).toList());
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** Inline code for a table cell or list item. */
  private static String code(String text) {
    return "`" + text.replace("`", "'").replace("|", "\\|") + "`";
  }

  /** Plain text for a table cell. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Text inside HTML (a summary element), where Markdown does not apply. */
  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String htmlCode(String text) {
    return "<code>" + html(text) + "</code>";
  }
}
