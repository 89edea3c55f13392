package dev.minrole.cli;

import dev.minrole.engine.Analysis;
import dev.minrole.engine.AnalysisRequest;
import dev.minrole.engine.Comparison;
import dev.minrole.engine.Engine;
import dev.minrole.engine.FailOn;
import dev.minrole.engine.RequestException;
import dev.minrole.engine.SourceUris;
import dev.minrole.generator.diff.DiffReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code minrole diff}: what the code needs compared with what the role grants, by meaning. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the permissions the code needs with a current policy (files, a deployed role, or, by default,",
      "the role the template declares for each function), by meaning:",
      "wildcards, NotAction, NotResource, Deny, permissions boundaries and conditions are taken into account.",
      "Each action and resource is missing, broader, excess or matched; for a function minrole could not",
      "see all of (a reflective call, a handler it could not find, ...), grants are unverified, never excess.",
      "",
      "Examples:",
      "  minrole diff src/main/java --handler com.example.Handler --current policy.json",
      "  minrole diff . --handler com.example.Handler --role orders-fn --format markdown",
      "  minrole diff . --handler com.example.Handler --function orders --region eu-west-1 --fail-on missing",
      "  minrole diff . --handler com.example.Handler --base-ref origin/main --format markdown",
      "  minrole diff app/ --region eu-west-1 --account 123456789012   (against the roles app/template.yaml declares)",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:The current policy grants exactly what is needed (or --fail-on narrowed it away).",
      "1:Internal error (run again with --verbose for the stack trace).",
      "2:Bad usage or unreadable input, e.g. a policy file that is not an IAM policy.",
      "3:Something the code needs is missing (with --base-ref: the change adds permissions).",
      "4:Nothing is missing, but something granted is excess or broader than needed.",
      "6:Nothing is missing, but minrole could not see all the code of some function, so its grants are"
          + " unverified, not excess (the findings on stderr say why). Comes before 4."
    })
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions source;

  @Mixin CurrentOptions current;

  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  DiffFormat format;

  @Option(
      names = "--fail-on",
      paramLabel = "WHAT",
      defaultValue = "any",
      description = {
        "Which differences fail: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
        "any: 3, 6, 4 as below; missing: 3 or 6; excess: 6 or 4; none: never.",
        "An incomplete function (exit 6) fails every value but none."
      })
  FailOn failOn;

  @Option(
      names = "--base-ref",
      paramLabel = "REF",
      description =
          "Compare with the needed policy at this git ref instead: what a change adds or removes.")
  String baseRef;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description =
          "Colour the text format: auto (on a terminal), always or never (default: ${DEFAULT-VALUE}).")
  String color;

  @Override
  public Integer call() {
    boolean named = current.bind(source).given() || baseRef != null;
    if (named) {
      current.requireOne(baseRef != null, ", or --base-ref REF");
    }
    if (!List.of("auto", "always", "never").contains(color)) {
      throw new RequestException("--color " + color + " is not auto, always or never");
    }
    Engine engine = Engine.bundled();
    AnalysisRequest request = source.request();
    Analysis result = engine.needed(request);
    if (!named && result.declared().isEmpty()) {
      current.requireOne(
          false, ", --base-ref REF, or a template that declares the function's role");
    }
    PrintWriter err = spec.commandLine().getErr();
    Diagnostics.print(err, result, common.verbose);
    Comparison comparison =
        baseRef != null
            ? engine.diffWithBaseRef(request, result, baseRef)
            : named
                ? engine.diff(result, current.read(source))
                : engine.diffWithTemplateRoles(result);
    comparison.baselines().forEach(b -> Diagnostics.print(err, b.findings(), common.verbose));
    DiffReport report = comparison.report();
    PrintWriter out = spec.commandLine().getOut();
    boolean colour = color.equals("always") || (color.equals("auto") && Terminal.isInteractive());
    SourceUris sources = new SourceUris(source.pathsOrCurrent(), Path.of(""));
    boolean fromTemplate = !named;
    out.print(
        format
            .renderer(colour, sources, fromTemplate ? sources : UnaryOperator.identity())
            .render(report));
    out.flush();
    return ExitCodes.of(failOn.failure(report));
  }
}
