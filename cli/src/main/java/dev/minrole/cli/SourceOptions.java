package dev.minrole.cli;

import dev.minrole.analyzer.template.TemplateResolver;
import dev.minrole.generator.deploy.DeploymentSources;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.SizeLimits;
import dev.minrole.generator.synth.SynthesisOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What to analyze and how to build ARNs: shared by generate, diff and tighten. */
final class SourceOptions {
  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "Java source directories or files of the application (default: the current directory).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--handler",
      paramLabel = "HANDLER",
      description =
          "The Lambda handler, as pkg.Class::method, or pkg.Class for a RequestHandler or"
              + " RequestStreamHandler. Repeat for several functions.")
  List<String> handlers = new ArrayList<>();

  @Option(
      names = "--partition",
      paramLabel = "PARTITION",
      defaultValue = "aws",
      description = "ARN partition (default: ${DEFAULT-VALUE}).")
  String partition;

  @Option(names = "--region", paramLabel = "REGION", description = "Region for ARNs (default: *).")
  String region;

  @Option(
      names = "--account",
      paramLabel = "ACCOUNT",
      description = "Account id for ARNs (default: *).")
  String account;

  @Option(
      names = "--env",
      paramLabel = "NAME=VALUE",
      description =
          "The value of an environment variable the code reads, e.g. --env TABLE=orders. Repeatable.")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(
      names = "--template",
      paramLabel = "FILE",
      description =
          "A SAM or CloudFormation template (YAML or JSON) or a cdk.out stack template. By default"
              + " template.yaml, template.yml, template.json or cdk.out/*.template.json in PATH is used.")
  Path template;

  @Option(
      names = "--terraform",
      paramLabel = "DIR",
      description =
          "A Terraform configuration (the directory of its .tf files). By default the .tf files of"
              + " PATH, or of PATH/infra, PATH/terraform or PATH/deploy, are read.")
  Path terraform;

  @Option(
      names = "--terraform-plan",
      paramLabel = "FILE",
      description =
          "A Terraform plan as JSON (terraform show -json plan.out > plan.json): every value is"
              + " resolved, so it is the most exact input.")
  Path terraformPlan;

  @Option(
      names = "--serverless",
      paramLabel = "FILE",
      description =
          "A Serverless Framework service file. By default serverless.yml or serverless.yaml in PATH"
              + " is read.")
  Path serverless;

  @Option(
      names = "--function",
      paramLabel = "LOGICAL_ID",
      description = "Only this function of the template. Repeatable.")
  List<String> functions = new ArrayList<>();

  @Option(
      names = "--parameter",
      paramLabel = "KEY=VALUE",
      description = "A template parameter's value, overriding its default. Repeatable.")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(
      names = "--stack-name",
      paramLabel = "NAME",
      description = "The stack's name, to narrow the names CloudFormation generates (default: *).")
  String stackName;

  @Option(
      names = "--no-template",
      description = "Ignore templates found in PATH; analyze the code only.")
  boolean noTemplate;

  @Option(
      names = "--compact",
      description =
          "Shorten action lists with wildcards that expand, in minrole's IAM catalog, to exactly the"
              + " same actions (e.g. dynamodb:Batch*). Off by default: AWS may add actions a wildcard matches.")
  boolean compact;

  /**
   * The same options for other sources and handlers (diff --base-ref). Copy new fields here too.
   */
  /**
   * The same options for other sources (the tree at a git ref). A template found in those sources
   * is used; a template named with --template belongs to the working tree, so it is not.
   */
  SourceOptions withSources(List<Path> otherPaths, List<String> otherHandlers) {
    SourceOptions copy = new SourceOptions();
    copy.paths = new ArrayList<>(otherPaths);
    copy.handlers = new ArrayList<>(otherHandlers);
    copy.partition = partition;
    copy.region = region;
    copy.account = account;
    copy.env = new LinkedHashMap<>(env);
    copy.functions = new ArrayList<>(functions);
    copy.parameters = new LinkedHashMap<>(parameters);
    copy.stackName = stackName;
    copy.noTemplate =
        noTemplate
            || template != null
            || terraform != null
            || terraformPlan != null
            || serverless != null;
    copy.compact = compact;
    return copy;
  }

  /** Where the infrastructure code is, as the user named it, and how values are resolved. */
  DeploymentSources.Options deploymentOptions() {
    named("--template", template, false);
    named("--terraform", terraform, true);
    named("--terraform-plan", terraformPlan, false);
    named("--serverless", serverless, false);
    return new DeploymentSources.Options(
        Optional.ofNullable(template),
        Optional.ofNullable(terraform),
        Optional.ofNullable(terraformPlan),
        Optional.ofNullable(serverless),
        new TemplateResolver.Options(
            parameters,
            Optional.ofNullable(stackName),
            Optional.ofNullable(region),
            Optional.ofNullable(account),
            partition),
        arnContext());
  }

  private static void named(String option, Path path, boolean directory) {
    if (path == null) {
      return;
    }
    if (directory ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
      throw new UsageException(
          option
              + " "
              + path
              + " is not a "
              + (directory ? "directory; give the directory of the .tf files" : "file"));
    }
  }

  List<Path> pathsOrCurrent() {
    return paths.isEmpty() ? List.of(Path.of(".")) : paths;
  }

  SynthesisOptions synthesisOptions() {
    return new SynthesisOptions(compact, SizeLimits.IAM);
  }

  ArnContext arnContext() {
    if (account != null && !account.matches("\\d{12}")) {
      throw new UsageException("--account " + account + " is not a 12-digit AWS account id");
    }
    return new ArnContext(
        partition, Optional.ofNullable(region), Optional.ofNullable(account), env);
  }
}
