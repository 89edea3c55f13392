package dev.minrole.cli;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.current.CurrentRoleFindings;
import dev.minrole.generator.declared.DeclaredPolicies;
import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.DiffReport;
import dev.minrole.generator.diff.FunctionDiff;
import dev.minrole.generator.diff.HiddenCode;
import dev.minrole.generator.diff.PolicyDiff;
import dev.minrole.generator.diff.PolicyDocument;
import dev.minrole.generator.synth.FunctionPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
      throw new UsageException("--color " + color + " is not auto, always or never");
    }
    Pipeline.Result result = Pipeline.generate(source);
    if (!named && result.declared().isEmpty()) {
      current.requireOne(
          false, ", --base-ref REF, or a template that declares the function's role");
    }
    Diagnostics.print(spec.commandLine().getErr(), result, common.verbose);
    List<FunctionPolicy> needed = HiddenCode.spread(result.functions(), result.findings());
    DiffReport report =
        baseRef != null
            ? againstBaseRef(result, needed)
            : named ? againstCurrent(result, needed) : againstTemplate(result, needed);
    PrintWriter out = spec.commandLine().getOut();
    boolean colour = color.equals("always") || color.equals("auto") && Terminal.isInteractive();
    SourceUris sources = new SourceUris(source.pathsOrCurrent(), Path.of(""));
    boolean fromTemplate = !named;
    out.print(
        format
            .renderer(colour, sources, fromTemplate ? sources : UnaryOperator.identity())
            .render(report));
    out.flush();
    return failOn.exitCode(report);
  }

  private DiffReport againstCurrent(Pipeline.Result result, List<FunctionPolicy> needed) {
    CurrentPolicy policy = current.read(source);
    PolicyDiff diff = new PolicyDiff(IamCatalog.bundled());
    List<FunctionDiff> functions = new ArrayList<>();
    for (FunctionPolicy f : needed) {
      functions.add(diff.compare(f, policy));
    }
    List<Finding> findings = new ArrayList<>(result.findings());
    findings.addAll(policy.findings());
    Diagnostics.print(spec.commandLine().getErr(), policy.findings(), common.verbose);
    return new DiffReport(DiffReport.Baseline.CURRENT, policy.description(), functions, findings);
  }

  /** Each template function against the role its template gives it today. */
  private DiffReport againstTemplate(Pipeline.Result result, List<FunctionPolicy> needed) {
    PolicyDiff diff = new PolicyDiff(IamCatalog.bundled());
    CurrentRoleFindings roles = CurrentRoleFindings.bundled();
    List<FunctionDiff> functions = new ArrayList<>();
    List<Finding> findings = new ArrayList<>(result.findings());
    for (FunctionPolicy f : needed) {
      DeclaredPolicies.Declared declared = result.declared().get(f.name());
      if (declared == null) {
        continue;
      }
      CurrentPolicy role = roles.current(declaring(f) + "'s role of " + f.name(), declared);
      functions.add(diff.compare(f, role));
      findings.addAll(role.findings());
      Diagnostics.print(spec.commandLine().getErr(), role.findings(), common.verbose);
    }
    List<String> sources =
        result.functions().stream().map(DiffCommand::declaring).distinct().toList();
    String against = sources.size() == 1 ? sources.get(0) : "the infrastructure code";
    return new DiffReport(DiffReport.Baseline.CURRENT, against, functions, findings);
  }

  /** What declares the function's role: the template, the Terraform configuration, ... */
  private static String declaring(FunctionPolicy f) {
    return switch (f.deployment().source()) {
      case TERRAFORM -> "the Terraform configuration";
      case SERVERLESS -> "the serverless.yml";
      default -> "the template";
    };
  }

  private DiffReport againstBaseRef(Pipeline.Result result, List<FunctionPolicy> needed) {
    Map<String, Optional<FunctionPolicy>> base =
        BaseRef.neededAt(baseRef, source, result.functions());
    PolicyDiff diff = new PolicyDiff(IamCatalog.bundled());
    List<FunctionDiff> functions = new ArrayList<>();
    for (FunctionPolicy f : needed) {
      List<PolicyDocument> documents =
          base.getOrDefault(f.name(), Optional.empty())
              .flatMap(FunctionPolicy::policy)
              .map(b -> List.of(PolicyDocument.of(baseRef, b)))
              .orElse(List.of());
      functions.add(diff.compare(f, new CurrentPolicy(baseRef, documents)));
    }
    return new DiffReport(DiffReport.Baseline.BASE_REF, baseRef, functions, result.findings());
  }
}
