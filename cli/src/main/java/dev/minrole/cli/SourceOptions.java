package dev.minrole.cli;

import dev.minrole.generator.synth.ArnContext;
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
      description = "Java source directories or files of the application (default: the current directory).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--handler",
      paramLabel = "HANDLER",
      description =
          "The Lambda handler, as pkg.Class::method, or pkg.Class for a RequestHandler or"
              + " RequestStreamHandler. Repeat for several functions.")
  List<String> handlers = new ArrayList<>();

  @Option(names = "--partition", paramLabel = "PARTITION", defaultValue = "aws", description = "ARN partition (default: ${DEFAULT-VALUE}).")
  String partition;

  @Option(names = "--region", paramLabel = "REGION", description = "Region for ARNs (default: *).")
  String region;

  @Option(names = "--account", paramLabel = "ACCOUNT", description = "Account id for ARNs (default: *).")
  String account;

  @Option(
      names = "--env",
      paramLabel = "NAME=VALUE",
      description = "The value of an environment variable the code reads, e.g. --env TABLE=orders. Repeatable.")
  Map<String, String> env = new LinkedHashMap<>();

  /** The same options for other sources and handlers (diff --base-ref). Copy new fields here too. */
  SourceOptions withSources(List<Path> otherPaths, List<String> otherHandlers) {
    SourceOptions copy = new SourceOptions();
    copy.paths = new ArrayList<>(otherPaths);
    copy.handlers = new ArrayList<>(otherHandlers);
    copy.partition = partition;
    copy.region = region;
    copy.account = account;
    copy.env = new LinkedHashMap<>(env);
    return copy;
  }

  List<Path> pathsOrCurrent() {
    return paths.isEmpty() ? List.of(Path.of(".")) : paths;
  }

  ArnContext arnContext() {
    if (account != null && !account.matches("\\d{12}")) {
      throw new UsageException("--account " + account + " is not a 12-digit AWS account id");
    }
    return new ArnContext(partition, Optional.ofNullable(region), Optional.ofNullable(account), env);
  }
}
