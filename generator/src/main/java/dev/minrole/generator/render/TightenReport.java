package dev.minrole.generator.render;

import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.diff.DiffEntry;
import dev.minrole.generator.diff.DiffKind;
import dev.minrole.generator.diff.ExcessGroup;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.PolicySize;
import dev.minrole.generator.diff.Tightened;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code minrole tighten} did to one function's policy, as lines for stderr: sizes before and
 * after, each removed or narrowed grant with its reason, observed permissions dropped on request,
 * and needed permissions the current policy does not grant.
 *
 * <p>For a function minrole could not see all of, a line says why (the findings that hid code), and
 * each unverified grant is listed as {@code kept}: tighten keeps its statement as written.
 */
public final class TightenReport {
  private TightenReport() {}

  public static List<String> lines(
      String current, FunctionDiff diff, Tightened t, PolicySize before, PolicySize after) {
    List<String> out = new ArrayList<>();
    int kept = t.policy().map(p -> p.permissions().size()).orElse(0);
    out.add(
        "tighten "
            + diff.name()
            + ": kept "
            + kept
            + " permission"
            + (kept == 1 ? "" : "s")
            + (t.keptAsWritten().isEmpty()
                ? ""
                : " and "
                    + t.keptAsWritten().size()
                    + " statement"
                    + (t.keptAsWritten().size() == 1 ? "" : "s")
                    + " as written")
            + "; "
            + size(before)
            + " -> "
            + size(after));
    if (!t.complete()) {
      out.add(
          "  incomplete: "
              + diff.incompleteBecause()
              + "; every grant that code may use is kept as written");
    }
    for (ExcessGroup g :
        ExcessGroup.of(diff.of(DiffKind.UNVERIFIED), DiffKind.UNVERIFIED, IamCatalog.bundled())) {
      out.add(
          "  kept     "
              + g.label()
              + " on "
              + g.resource()
              + (g.seenNeeds().isEmpty()
                  ? ": unverified, the code minrole saw does not use it"
                  : ": unverified, the code minrole saw uses only part of it")
              + ", code it could not see may use it ("
              + g.grant().where()
              + ")");
    }
    for (ExcessGroup g : ExcessGroup.of(diff.of(DiffKind.EXCESS), IamCatalog.bundled())) {
      out.add(
          "  removed  "
              + g.label()
              + " on "
              + g.resource()
              + ": not needed by the code, not observed in use,"
              + " not required by the platform ("
              + g.grant().where()
              + ")");
    }
    for (DiffEntry e : diff.of(DiffKind.BROADER)) {
      out.add(
          "  narrowed "
              + e.action()
              + " on "
              + e.resource()
              + " to "
              + String.join(", ", e.neededResources())
              + ": the code needs no more ("
              + e.grants().get(0).where()
              + ")");
    }
    for (Permission p : t.droppedObserved()) {
      out.add(
          "  dropped  "
              + p.action()
              + " on "
              + p.resource()
              + ": only observed in use ("
              + evidence(p)
              + "), removed because of --drop-observed");
    }
    for (Permission p : t.missing()) {
      out.add(
          "  "
              + (t.missingAdded() ? "added    " : "missing  ")
              + p.action()
              + " on "
              + p.resource()
              + ": needed by "
              + evidence(p)
              + ", "
              + whyMissing(diff, p, current)
              + (t.missingAdded()
                  ? "; added because of --add-missing"
                  : "; not added (give --add-missing to add it)"));
    }
    return out;
  }

  /** Why the diff calls {@code p} missing (not granted, denied, granted only on part of it). */
  private static String whyMissing(FunctionDiff diff, Permission p, String current) {
    return diff.of(DiffKind.MISSING).stream()
        .filter(e -> e.action().equalsIgnoreCase(p.action()) && e.resource().equals(p.resource()))
        .map(DiffEntry::note)
        .filter(note -> !note.isEmpty())
        .findFirst()
        .orElse("not granted by " + current);
  }

  private static String evidence(Permission p) {
    return p.evidence().stream().map(Evidence::describe).collect(Collectors.joining(", "));
  }

  private static String size(PolicySize s) {
    return String.format(
        "%,d statement%s, %,d action grant%s, %,d characters",
        s.statements(),
        s.statements() == 1 ? "" : "s",
        s.actionGrants(),
        s.actionGrants() == 1 ? "" : "s",
        s.characters());
  }
}
