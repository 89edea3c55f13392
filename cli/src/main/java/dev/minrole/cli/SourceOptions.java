package dev.minrole.cli;

import dev.minrole.analyzer.cloudtrail.TrailProgress;
import dev.minrole.engine.AnalysisRequest;
import dev.minrole.engine.TrailInput;
import dev.minrole.generator.synth.ArnContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      converter = ArnParts.Partition.class,
      description = "ARN partition: aws, aws-cn, aws-us-gov, ... (default: ${DEFAULT-VALUE}).")
  String partition;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      converter = ArnParts.Region.class,
      description = "Region for ARNs, e.g. eu-west-1 (default: *).")
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

  /** The engine's request for these options, without CloudTrail. */
  AnalysisRequest request() {
    return request(null, TrailProgress.NONE);
  }

  /** The engine's request for these options; {@code trails} may be null. */
  AnalysisRequest request(TrailInput trails, TrailProgress progress) {
    return AnalysisRequest.builder()
        .paths(paths)
        .handlers(handlers)
        .functions(functions)
        .template(template)
        .terraform(terraform)
        .terraformPlan(terraformPlan)
        .serverless(serverless)
        .noTemplate(noTemplate)
        .parameters(parameters)
        .stackName(stackName)
        .partition(partition)
        .region(region)
        .account(account)
        .env(env)
        .compact(compact)
        .trails(trails)
        .progress(progress)
        .build();
  }

  List<Path> pathsOrCurrent() {
    return request().pathsOrCurrent();
  }

  ArnContext arnContext() {
    return request().arnContext();
  }
}
