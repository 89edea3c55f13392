package dev.minrole.analyzer.cloudtrail;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A role whose events are wanted: its ARN ({@code arn:aws:iam::123456789012:role/path/name}) and,
 * optionally, the session name its callers use (Lambda uses the function's name), to pick one
 * function's events out of a role several functions share.
 */
public record RoleTarget(String roleArn, Optional<String> sessionName) {
  private static final Pattern ROLE =
      Pattern.compile("arn:([^:]+):iam::(\\d{12}):role/(?:.*/)?([^/]+)");
  private static final Pattern ASSUMED =
      Pattern.compile("arn:([^:]+):sts::(\\d{12}):assumed-role/([^/]+)/(.+)");

  /**
   * The target for an ARN as a user gives it: a role ARN, or an assumed-role ARN (which names the
   * role and the session). Empty if it is neither.
   */
  public static Optional<RoleTarget> parse(String arn, Optional<String> sessionName) {
    if (ROLE.matcher(arn).matches()) {
      return Optional.of(new RoleTarget(arn, sessionName));
    }
    Matcher m = ASSUMED.matcher(arn);
    if (m.matches()) {
      String role = "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3);
      return Optional.of(new RoleTarget(role, sessionName.or(() -> Optional.of(m.group(4)))));
    }
    return Optional.empty();
  }

  /** The role's name, the last part of its path. */
  public String roleName() {
    Matcher m = ROLE.matcher(roleArn);
    return m.matches() ? m.group(3) : roleArn;
  }

  public String account() {
    Matcher m = ROLE.matcher(roleArn);
    return m.matches() ? m.group(2) : "";
  }

  public String partition() {
    Matcher m = ROLE.matcher(roleArn);
    return m.matches() ? m.group(1) : "aws";
  }

  /**
   * The assumed-role ARN prefix of this role's sessions: {@code
   * arn:aws:sts::123:assumed-role/name/}.
   */
  public String assumedRolePrefix() {
    return "arn:" + partition() + ":sts::" + account() + ":assumed-role/" + roleName() + "/";
  }

  /** The key the selector files this target under: account and role name, in lower case. */
  String key() {
    return account() + "/" + roleName().toLowerCase(Locale.ROOT);
  }
}
