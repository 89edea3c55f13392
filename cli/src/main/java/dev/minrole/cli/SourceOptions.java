package dev.minrole.cli;

import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.SizeLimits;
import dev.minrole.generator.synth.SynthesisOptions;
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
    copy.noTemplate = noTemplate || template != null;
    copy.compact = compact;
    return copy;
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
