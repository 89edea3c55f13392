package dev.minrole.cli;

import dev.minrole.analyzer.cloudtrail.RoleTarget;
import dev.minrole.analyzer.cloudtrail.TrailWindow;
import dev.minrole.engine.RequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Whose CloudTrail events count, and over which window: shared by generate and the SQL commands.
 */
final class RoleWindowOptions {
  @Option(
      names = "--role-arn",
      paramLabel = "ARN",
      description =
          "The function's execution role, whose events count (role or assumed-role ARN)."
              + " Repeatable: paired in order with --handler; one role applies to every function;"
              + " without code, one policy per role. Default: the roles the template names by ARN.")
  List<String> roleArns = new ArrayList<>();

  @Option(
      names = "--session-name",
      paramLabel = "NAME",
      description =
          "Count only the role's sessions with this name (Lambda uses the function name), for a"
              + " role several functions share. Repeatable, paired in order with --role-arn.")
  List<String> sessionNames = new ArrayList<>();

  @Option(
      names = "--since",
      paramLabel = "TIME",
      converter = TimeConverter.class,
      description =
          "Only events at or after TIME: 2024-05-01, 2024-05-01T12:00:00Z, or 30d (30 days ago).")
  Instant since;

  @Option(
      names = "--until",
      paramLabel = "TIME",
      converter = TimeConverter.class,
      description = "Only events before TIME (same forms as --since).")
  Instant until;

  TrailWindow window() {
    try {
      return new TrailWindow(Optional.ofNullable(since), Optional.ofNullable(until));
    } catch (IllegalArgumentException e) {
      throw new RequestException(e.getMessage());
    }
  }

  List<RoleTarget> targets() {
    if (sessionNames.size() > roleArns.size()) {
      throw new RequestException(
          "--session-name is paired with --role-arn in order; give a --role-arn for each");
    }
    List<RoleTarget> out = new ArrayList<>();
    for (int i = 0; i < roleArns.size(); i++) {
      String arn = roleArns.get(i);
      Optional<String> session =
          i < sessionNames.size() ? Optional.of(sessionNames.get(i)) : Optional.empty();
      out.add(
          RoleTarget.parse(arn, session)
              .orElseThrow(
                  () ->
                      new RequestException(
                          "--role-arn "
                              + arn
                              + " is not a role ARN; give it as"
                              + " arn:aws:iam::123456789012:role/name")));
    }
    return out;
  }
}
