package dev.minrole.generator.observed;

import dev.minrole.analyzer.cloudtrail.FileReport;
import dev.minrole.analyzer.cloudtrail.RoleActivity;
import dev.minrole.analyzer.cloudtrail.RoleTarget;
import dev.minrole.analyzer.cloudtrail.TrailScan;
import dev.minrole.analyzer.cloudtrail.TrailWindow;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** The findings about a trail and what it shows; each id has a section in docs/findings.md. */
public final class TrailFindings {
  private TrailFindings() {}

  /** One finding per trail file that could not be read completely, and one per source note. */
  public static List<Finding> ofScan(TrailScan scan) {
    List<Finding> out = new ArrayList<>();
    for (FileReport f : scan.files()) {
      if (f.partial()) {
        out.add(
            Finding.error(
                "TRAIL_INPUT_ERROR",
                f.describe() + "; the rest of the trail was read, so observations may be missing",
                SourceLocation.file(f.file())));
      }
    }
    for (String note : scan.notes()) {
      out.add(Finding.warning("TRAIL_SOURCE_LIMITS", note, SourceLocation.NONE));
    }
    if (scan.folded()) {
      out.add(
          Finding.info(
              "TRAIL_SOURCE_LIMITS",
              "the trail names more distinct resources than minrole keeps in memory; deep resource"
                  + " paths (S3 keys) were generalized to their folders while reading",
              SourceLocation.NONE));
    }
    return out;
  }

  static Finding observedNotInCode(ObservedGrant g, TrailEvidence.Options options) {
    String generalized =
        g.distinctResources() > 1
            ? " (" + g.distinctResources() + " distinct resources, generalized)"
            : "";
    String what =
        g.action() + " on " + g.resource() + generalized + " was used " + g.stats().describe();
    if (!options.hasCode()) {
      return Finding.info(
          "OBSERVED_NOT_IN_CODE",
          what + "; added from CloudTrail (no code was analyzed)",
          SourceLocation.NONE);
    }
    String outcome =
        options.codeOnly()
            ? "it was left out (--code-only); add it by hand if the function needs it"
            : "it was added from CloudTrail. It may come from a library or configuration; check it,"
                + " or pass --code-only to leave it out";
    return Finding.warning(
        "OBSERVED_NOT_IN_CODE",
        what + ", but no code path minrole analyzed makes that call; " + outcome,
        SourceLocation.NONE);
  }

  /**
   * {@code ACCESS_DENIED}: the role was refused a call. When the code needs it ({@code needed}),
   * the generated policy grants it and the deployed role lacks it; otherwise minrole did not grant
   * it either.
   */
  static Finding accessDenied(RoleTarget role, ObservedCall d, boolean needed) {
    String head =
        "role "
            + role.roleName()
            + " was denied "
            + d.action()
            + " on "
            + d.resource()
            + " "
            + d.stats().describe();
    return Finding.warning(
        "ACCESS_DENIED",
        needed
            ? head
                + "; the code needs it and the generated policy grants it, so the deployed role"
                + " lacks it: deploy the generated policy"
            : head
                + "; minrole did not grant it. If the function needs it, add "
                + d.action()
                + " on "
                + d.resource()
                + " to its policy; if not, find the call that tries it",
        SourceLocation.NONE);
  }

  static Finding inactiveRole(RoleTarget role, TrailWindow window, TrailScan scan) {
    return Finding.warning(
        "INACTIVE_ROLE",
        "role "
            + role.roleArn()
            + " made no call in "
            + window.describe()
            + " ("
            + scan.events()
            + " events read); the function may be unused. If it is, delete the function and its"
            + " role rather than keep a policy for it",
        SourceLocation.NONE);
  }

  /**
   * {@code IN_CODE_NOT_OBSERVED} for each code permission the trail never shows, and {@code
   * DATA_EVENTS_NOT_LOGGED} instead when the trail could not show it. Nothing for an inactive role:
   * {@code INACTIVE_ROLE} says it all.
   */
  static List<Finding> unobservedCode(
      List<Permission> permissions,
      ObservedData data,
      TrailScan scan,
      RoleActivity activity,
      TrailWindow window) {
    List<Finding> out = new ArrayList<>();
    Map<String, TreeSet<String>> unlogged = new TreeMap<>();
    Map<String, String> what = new TreeMap<>();
    for (Permission p : permissions) {
      Optional<Evidence.Code> code =
          p.evidence().stream()
              .filter(Evidence.Code.class::isInstance)
              .map(Evidence.Code.class::cast)
              .findFirst();
      if (code.isEmpty()) {
        continue;
      }
      Optional<ObservedData.DataEventSource> source = data.dataEventSource(p.action());
      if (source.isPresent() && !scan.dataEventSources().contains(source.get().eventSource())) {
        unlogged.computeIfAbsent(source.get().eventSource(), k -> new TreeSet<>()).add(p.action());
        what.put(source.get().eventSource(), source.get().what());
        continue;
      }
      boolean observed = p.evidence().stream().anyMatch(Evidence.Trail.class::isInstance);
      if (!observed && !activity.inactive()) {
        out.add(
            Finding.info(
                "IN_CODE_NOT_OBSERVED",
                code.get().detail()
                    + " needs "
                    + p.action()
                    + " on "
                    + p.resource()
                    + ", which the trail never shows in "
                    + window.describe()
                    + ". It stays: code that did not run in the window may still run",
                code.get().site()));
      }
    }
    unlogged.forEach(
        (source, actions) ->
            out.add(
                Finding.warning(
                    "DATA_EVENTS_NOT_LOGGED",
                    "the trail holds no data events from "
                        + source
                        + " ("
                        + what.get(source)
                        + "), so "
                        + String.join(", ", actions)
                        + " cannot be observed: not observed does not mean unused."
                        + " Log data events for the function's resources to confirm them",
                    SourceLocation.NONE)));
    return out;
  }
}
