package dev.minrole.cli;

import dev.minrole.analyzer.cloudtrail.AthenaTrailSource;
import dev.minrole.analyzer.cloudtrail.AwsClientSettings;
import dev.minrole.analyzer.cloudtrail.LakeTrailSource;
import dev.minrole.analyzer.cloudtrail.LocalTrailSource;
import dev.minrole.analyzer.cloudtrail.LookupEventsSource;
import dev.minrole.analyzer.cloudtrail.QueryPolling;
import dev.minrole.analyzer.cloudtrail.RoleTarget;
import dev.minrole.analyzer.cloudtrail.TrailProgress;
import dev.minrole.analyzer.cloudtrail.TrailSource;
import dev.minrole.analyzer.cloudtrail.TrailWindow;
import dev.minrole.engine.RequestException;
import dev.minrole.engine.TrailInput;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where to read CloudTrail from, whose events, and over which window: the generate options of issue
 * 7.
 */
final class TrailOptions implements TrailInput {
  @Option(
      names = "--cloudtrail",
      paramLabel = "PATH",
      description =
          "CloudTrail logs: a folder (any nesting, e.g. AWSLogs/<account>/CloudTrail/...;"
              + " organization trails), a .json or .json.gz file of {\"Records\": [...]}, JSON"
              + " lines (CloudTrail Lake exports) or lookup-events output. Repeatable.")
  List<Path> cloudtrail = new ArrayList<>();

  @Mixin RoleWindowOptions roles = new RoleWindowOptions();

  @Option(
      names = "--athena-table",
      paramLabel = "TABLE",
      description =
          "Query the trail's Athena table (database.table) with one aggregation query; see 'minrole"
              + " cloudtrail athena-sql'.")
  String athenaTable;

  @Option(
      names = "--athena-workgroup",
      paramLabel = "NAME",
      description = "The Athena workgroup to run the query in.")
  String athenaWorkgroup;

  @Option(
      names = "--athena-output",
      paramLabel = "S3URI",
      description = "Where Athena writes query results, e.g. s3://bucket/minrole/.")
  String athenaOutput;

  @Option(
      names = "--cloudtrail-lake",
      paramLabel = "EVENT_DATA_STORE",
      description =
          "Query a CloudTrail Lake event data store (id or ARN) with the same aggregation query.")
  String lake;

  @Option(
      names = "--lookup-events",
      description =
          "Read the account's event history with LookupEvents: management events of the last 90"
              + " days only, never data events.")
  boolean lookupEvents;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "Send Athena and CloudTrail requests to this endpoint (a VPC endpoint, a local test"
              + " server).")
  URI endpoint;

  @Option(
      names = "--code-only",
      description = "Do not add permissions CloudTrail shows but no code needs; only report them.")
  boolean codeOnly;

  @Option(
      names = "--strict",
      description =
          "Exit with code "
              + ExitCodes.PARTIAL_INPUT
              + " when some trail input could not be read completely.")
  boolean strict;

  /** True if any trail source is given. */
  @Override
  public boolean hasSources() {
    return !cloudtrail.isEmpty() || athenaTable != null || lake != null || lookupEvents;
  }

  /** True if the trail flow is asked for: a source, or a role whose events to read. */
  boolean requested() {
    return hasSources() || !roles.roleArns.isEmpty();
  }

  @Override
  public TrailWindow window() {
    return roles.window();
  }

  @Override
  public List<RoleTarget> roleTargets() {
    return roles.targets();
  }

  @Override
  public boolean codeOnly() {
    return codeOnly;
  }

  /** The sources to read, each built only when asked for. */
  @Override
  public List<TrailSource> open(
      Optional<String> region, Set<String> resourceParameters, TrailProgress progress) {
    List<TrailSource> out = new ArrayList<>();
    if (!cloudtrail.isEmpty()) {
      out.add(new LocalTrailSource(cloudtrail, resourceParameters, progress));
    }
    if ((athenaWorkgroup != null || athenaOutput != null) && athenaTable == null) {
      throw new RequestException(
          "--athena-workgroup and --athena-output need --athena-table, the trail's table in"
              + " Athena");
    }
    if (athenaTable == null && lake == null && !lookupEvents) {
      return out;
    }
    AwsClientSettings aws = AwsClientSettings.defaults(region, Optional.ofNullable(endpoint));
    try {
      if (athenaTable != null) {
        out.add(
            new AthenaTrailSource(
                aws.athena(),
                athenaTable,
                Optional.ofNullable(athenaWorkgroup),
                Optional.ofNullable(athenaOutput),
                resourceParameters,
                QueryPolling.DEFAULT));
      }
      if (lake != null) {
        out.add(
            new LakeTrailSource(aws.cloudTrail(), lake, resourceParameters, QueryPolling.DEFAULT));
      }
      if (lookupEvents) {
        out.add(new LookupEventsSource(aws.cloudTrail(), resourceParameters, Clock.systemUTC()));
      }
    } catch (IllegalArgumentException e) {
      throw new RequestException(e.getMessage());
    } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
      throw new RequestException(
          "cannot set up the AWS client: " + e.getMessage() + "; set AWS_REGION or pass --region");
    }
    return out;
  }
}
