package dev.minrole.cli;

import dev.minrole.engine.RequestException;
import dev.minrole.generator.aws.AwsClients;
import dev.minrole.generator.aws.FunctionRole;
import dev.minrole.generator.aws.LiveRole;
import dev.minrole.generator.diff.CurrentPolicy;
import dev.minrole.generator.diff.PolicyFiles;
import dev.minrole.generator.diff.PolicyInputException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Where the current policy comes from, shared by diff and tighten: files or a live role. */
final class CurrentOptions {
  @Option(
      names = "--current",
      paramLabel = "FILE",
      description = "The current IAM policy: a JSON policy document or a list of them. Repeatable.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--boundary",
      paramLabel = "FILE",
      description =
          "The role's permissions boundary, with --current. The effective grant is the intersection.")
  List<Path> boundary = new ArrayList<>();

  @Option(
      names = "--role",
      paramLabel = "NAME_OR_ARN",
      description =
          "Read a deployed role's inline and managed policies and its boundary through the IAM API.")
  String role;

  /**
   * The deployed function whose role to read, from the shared {@code --function NAME}: with neither
   * --current nor --role, a single --function names the deployed Lambda function, whose role Lambda
   * GetFunctionConfiguration gives. With a template, --function also selects the template's
   * function of that logical id.
   */
  private String function;

  /** Takes {@code --function} from the generate options when it names the live function. */
  CurrentOptions bind(SourceOptions source) {
    function =
        files.isEmpty() && role == null && source.functions.size() == 1
            ? source.functions.get(0)
            : null;
    return this;
  }

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description =
          "AWS profile for --role, --function and --access-analyzer (default: the default credential chain).")
  String profile;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "Send AWS API calls to this endpoint instead of AWS's, e.g. a LocalStack-like emulator.")
  URI endpoint;

  boolean given() {
    return !files.isEmpty() || role != null || function != null;
  }

  /**
   * Checks that exactly one source is named, counting {@code otherSource} (e.g. --base-ref) too.
   */
  void requireOne(boolean otherSource, String others) {
    int sources =
        (files.isEmpty() ? 0 : 1)
            + (role == null ? 0 : 1)
            + (function == null ? 0 : 1)
            + (otherSource ? 1 : 0);
    if (sources == 0) {
      throw new RequestException(
          "say what to compare with: --current FILE, --role NAME_OR_ARN or --function NAME"
              + others);
    }
    if (sources > 1) {
      throw new RequestException("give only one of --current, --role, --function" + others);
    }
    if (!boundary.isEmpty() && files.isEmpty()) {
      throw new RequestException(
          "--boundary goes with --current; with --role or --function the boundary is read from IAM");
    }
  }

  AwsClients aws(SourceOptions source) {
    return new AwsClients(
        Optional.ofNullable(profile),
        Optional.ofNullable(source.region),
        Optional.ofNullable(endpoint));
  }

  /**
   * Reads the current policy; a problem with it is a usage error (exit 2) with its one-line
   * message.
   */
  CurrentPolicy read(SourceOptions source) {
    try {
      if (!files.isEmpty()) {
        return new PolicyFiles(files, boundary, Path.of("")).read();
      }
      AwsClients aws = aws(source);
      String roleName = role;
      if (function != null) {
        try (LambdaClient lambda = aws.lambda()) {
          roleName = FunctionRole.of(lambda, function);
        }
      }
      try (IamClient iam = aws.iam()) {
        return new LiveRole(iam, roleName).read();
      }
    } catch (PolicyInputException | IllegalArgumentException e) {
      throw new RequestException(e.getMessage());
    }
  }
}
