package dev.minrole.generator.render;

import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.diff.DiffEntry;
import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.DiffReport;
import dev.minrole.generator.diff.ExcessGroup;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.StatementRef;
import java.util.List;
import java.util.Map;

/**
 * {@code minrole diff --format text}: a summary for people, per function its counts and then each
 * entry with its evidence. Excess grants are folded by statement, pattern and service; a statement
 * that grants many services shows the first {@value #SERVICES_SHOWN} by name and counts the rest.
 * With colour on, the kind words are coloured (red missing, yellow broader and excess, cyan
 * unverified, green matched).
 *
 * <p>A function minrole could not see all of gets a line saying why (the findings that hid code)
 * and its {@code unverified} grants, folded like excess ones, each with what the code seen needs of
 * it, if anything.
 */
public final class DiffText implements DiffRenderer {
  static final int SERVICES_SHOWN = 20;
  private static final String RESET = "\u001b[0m";
  private static final Map<DiffKind, String> COLOURS =
      Map.of(
          DiffKind.MISSING,
          "\u001b[31m",
          DiffKind.BROADER,
          "\u001b[33m",
          DiffKind.EXCESS,
          "\u001b[33m",
          DiffKind.UNVERIFIED,
          "\u001b[36m",
          DiffKind.MATCHED,
          "\u001b[32m");
  private static final String INDENT = "             ";

  private final boolean colour;

  public DiffText(boolean colour) {
    this.colour = colour;
  }

  @Override
  public String render(DiffReport report) {
    StringBuilder out = new StringBuilder();
    String against =
        report.baseline() == DiffReport.Baseline.BASE_REF ? "the needed policy at " : "";
    out.append("minrole diff: needed permissions compared with ")
        .append(against)
        .append(report.current())
        .append('\n');
    for (FunctionDiff f : report.functions()) {
      out.append('\n').append(f.name()).append(": ").append(counts(report, f)).append('\n');
      if (!f.complete()) {
        out.append("  incomplete: ")
            .append(f.incompleteBecause())
            .append("; what that code may use is unverified, not excess\n");
      }
      for (DiffEntry e : f.of(DiffKind.MISSING)) {
        entry(out, report, e, e.action() + " on " + e.resource());
        e.evidence()
            .forEach(
                ev -> out.append(INDENT).append("needed by ").append(ev.describe()).append('\n'));
        if (!e.note().isEmpty()) {
          out.append(INDENT).append(e.note()).append('\n');
        }
      }
      for (DiffEntry e : f.of(DiffKind.BROADER)) {
        entry(out, report, e, e.action() + " on " + e.resource());
        out.append(INDENT)
            .append("enough: ")
            .append(String.join(", ", e.neededResources()))
            .append('\n');
        grants(out, e.grants());
        e.evidence()
            .forEach(
                ev -> out.append(INDENT).append("needed by ").append(ev.describe()).append('\n'));
      }
      folded(out, report, f, DiffKind.EXCESS);
      folded(out, report, f, DiffKind.UNVERIFIED);
      for (DiffEntry e : f.of(DiffKind.MATCHED)) {
        entry(out, report, e, e.action() + " on " + e.resource());
      }
      if (f.entries().isEmpty()) {
        out.append("  nothing needed, nothing granted\n");
      }
    }
    long incomplete = report.functions().stream().filter(f -> !f.complete()).count();
    if (incomplete > 0) {
      out.append("\nnote: minrole could not see all the code of ")
          .append(incomplete == 1 ? "1 function" : incomplete + " functions")
          .append("; the grants marked unverified may be needed by the code it could not see: keep")
          .append(" them until the findings that hid code are resolved\n");
    }
    if (report.partial()) {
      out.append(
              "\nnote: the analysis is partial (see the errors on stderr); something the code needs may be")
          .append(" missing from this comparison\n");
    }
    return out.toString();
  }

  static String counts(DiffReport report, FunctionDiff f) {
    StringBuilder out = new StringBuilder();
    for (DiffKind kind : DiffReport.kinds(f)) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(String.format("%,d", f.count(kind))).append(' ').append(report.word(kind));
    }
    return out.toString();
  }

  /** Excess or unverified grants, folded per statement, pattern, resource and service. */
  private void folded(StringBuilder out, DiffReport report, FunctionDiff f, DiffKind kind) {
    List<ExcessGroup> groups = ExcessGroup.of(f.of(kind), kind, IamCatalog.bundled());
    StatementRef previous = null;
    int shown = 0;
    int hiddenServices = 0;
    int hiddenActions = 0;
    for (ExcessGroup g : groups) {
      if (!g.grant().equals(previous)) {
        hidden(out, hiddenServices, hiddenActions);
        hiddenServices = 0;
        hiddenActions = 0;
        shown = 0;
        previous = g.grant();
      }
      if (shown == SERVICES_SHOWN) {
        hiddenServices++;
        hiddenActions += g.actions().size();
        continue;
      }
      shown++;
      out.append("  ")
          .append(kindWord(report, kind))
          .append(' ')
          .append(g.label())
          .append(" on ")
          .append(g.resource())
          .append('\n');
      out.append(INDENT).append("granted by ").append(g.grant().where()).append('\n');
      if (!g.note().isEmpty()) {
        out.append(INDENT).append(g.note()).append('\n');
      }
      for (DiffEntry e : g.seenNeeds()) {
        out.append(INDENT)
            .append("the code seen needs ")
            .append(e.action())
            .append(" only on ")
            .append(String.join(", ", e.neededResources()))
            .append('\n');
      }
    }
    hidden(out, hiddenServices, hiddenActions);
  }

  private static void hidden(StringBuilder out, int services, int actions) {
    if (services > 0) {
      out.append(INDENT)
          .append(
              String.format(
                  "... and %,d more services (%,d actions); --format json lists them%n",
                  services, actions));
    }
  }

  private void entry(StringBuilder out, DiffReport report, DiffEntry e, String what) {
    out.append("  ").append(kindWord(report, e.kind())).append(' ').append(what).append('\n');
    if (e.kind() == DiffKind.MATCHED && !e.note().isEmpty()) {
      out.append(INDENT).append(e.note()).append('\n');
    }
  }

  private static void grants(StringBuilder out, List<StatementRef> grants) {
    grants.forEach(g -> out.append(INDENT).append("granted by ").append(g.where()).append('\n'));
  }

  private String kindWord(DiffReport report, DiffKind kind) {
    String word = String.format("%-10s", report.word(kind));
    return colour ? COLOURS.get(kind) + word + RESET : word;
  }
}
