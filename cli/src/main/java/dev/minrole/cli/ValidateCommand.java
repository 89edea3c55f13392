package dev.minrole.cli;

import dev.minrole.engine.RequestException;
import dev.minrole.generator.aws.AccessAnalyzerValidator;
import dev.minrole.generator.diff.PolicyFiles;
import dev.minrole.generator.diff.PolicyInputException;
import dev.minrole.generator.validate.PolicyType;
import dev.minrole.generator.validate.PolicyValidator;
import dev.minrole.generator.validate.Problem;
import dev.minrole.generator.validate.ValidationReport;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code minrole validate}: checks IAM policy documents, minrole's or anyone's. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check IAM policy JSON files: grammar, unknown services and actions, actions on resources"
          + " they cannot apply to, malformed ARNs and template placeholders, wildcard hot spots,"
          + " duplicate or redundant statements, and size. Each problem has a JSON path and a fix"
          + " (docs/validate.md).",
      "",
      "Examples:",
      "  minrole validate policy.json",
      "  minrole validate policies/*.json --format json",
      "  minrole validate bucket-policy.json --policy-type resource",
      "  minrole validate policy.json --access-analyzer --profile dev --region eu-west-1",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:No errors (warnings allowed).",
      "1:Internal error (run again with --verbose for the stack trace).",
      "2:Bad usage, a file that cannot be read, or Access Analyzer could not be called.",
      "3:At least one policy has errors."
    })
final class ValidateCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  enum Type {
    identity,
    resource
  }

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "POLICY", arity = "1..*", description = "IAM policy JSON files.")
  List<Path> policies = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--policy-type",
      paramLabel = "TYPE",
      defaultValue = "identity",
      description =
          "identity (of a role, user or group; the default) or resource (a bucket policy, a trust"
              + " policy).")
  Type type;

  @Option(
      names = "--access-analyzer",
      description =
          "Also validate with IAM Access Analyzer ValidatePolicy (a call to AWS; default"
              + " credentials, or --profile).")
  boolean accessAnalyzer;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description = "AWS profile for --access-analyzer.")
  String profile;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      converter = ArnParts.Region.class,
      description = "AWS region for --access-analyzer.")
  String region;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "Access Analyzer endpoint for --access-analyzer (a VPC endpoint, or a local server in"
              + " tests).")
  URI endpoint;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PolicyType policyType = type == Type.identity ? PolicyType.IDENTITY : PolicyType.RESOURCE;
    PolicyValidator validator = PolicyValidator.bundled(policyType);
    List<ValidationReport.FileProblems> files = new ArrayList<>();
    boolean unreadable = false;
    try (AccessAnalyzerValidator analyzer = accessAnalyzer ? accessAnalyzer() : null) {
      for (Path policy : policies) {
        String text;
        try {
          text = PolicyFiles.readText(policy, policy.toString());
        } catch (PolicyInputException e) {
          err.println(Diagnostics.ERROR + e.getMessage() + "; the other files are still checked");
          unreadable = true;
          continue;
        }
        List<Problem> problems = new ArrayList<>(validator.validate(text));
        if (analyzer != null) {
          problems.addAll(analyzer.validate(text, policyType));
        }
        files.add(
            new ValidationReport.FileProblems(
                policy.toString(), problems.stream().sorted().toList()));
      }
    } catch (AccessAnalyzerValidator.CallFailed e) {
      throw new RequestException(e.getMessage());
    }
    ValidationReport report = new ValidationReport(files);
    out.print(format == Format.json ? report.json() : report.text(common.verbose));
    out.flush();
    err.flush();
    if (unreadable) {
      return ExitCodes.USAGE;
    }
    return report.hasErrors() ? ExitCodes.POLICY_ERRORS : ExitCodes.OK;
  }

  private AccessAnalyzerValidator accessAnalyzer() {
    return AccessAnalyzerValidator.create(
        Optional.ofNullable(profile), Optional.ofNullable(region), Optional.ofNullable(endpoint));
  }
}
