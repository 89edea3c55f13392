package dev.minrole.analyzer.cloudtrail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which role an event belongs to. An event is a role's when its {@code
 * userIdentity.sessionContext.sessionIssuer.arn} is the role's ARN, or, for records that lack the
 * session issuer, when its {@code userIdentity.arn} is an assumed-role ARN of the role. When a
 * session name is asked for, the assumed-role ARN must also name that session. Role names are
 * compared without case, as IAM does.
 */
public final class RoleSelector {
  private static final String ASSUMED_ROLE = ":assumed-role/";

  private final List<RoleTarget> targets;
  private final Map<String, List<RoleTarget>> byKey = new HashMap<>();

  public RoleSelector(List<RoleTarget> targets) {
    this.targets = List.copyOf(targets);
    for (RoleTarget t : targets) {
      byKey.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t);
    }
  }

  public List<RoleTarget> targets() {
    return targets;
  }

  /** The role ARN (as the user gave it) the event belongs to, if any. */
  public Optional<String> match(String issuerArn, String principalArn) {
    String key = issuerArn.isEmpty() ? keyOfAssumed(principalArn) : keyOfRole(issuerArn);
    if (key == null) {
      return Optional.empty();
    }
    List<RoleTarget> candidates = byKey.get(key);
    if (candidates == null) {
      return Optional.empty();
    }
    String session = sessionOf(principalArn);
    for (RoleTarget t : candidates) {
      if (t.sessionName().isEmpty() || t.sessionName().get().equals(session)) {
        return Optional.of(t.roleArn());
      }
    }
    return Optional.empty();
  }

  /** {@code 123/name} for {@code arn:aws:iam::123:role/path/name}. */
  private static String keyOfRole(String arn) {
    int role = arn.indexOf(":role/");
    int colon = arn.lastIndexOf(':', role - 1);
    if (role < 0 || colon < 0) {
      return null;
    }
    String account = arn.substring(colon + 1, role);
    String name = arn.substring(arn.lastIndexOf('/') + 1);
    return account + "/" + name.toLowerCase(Locale.ROOT);
  }

  /** {@code 123/name} for {@code arn:aws:sts::123:assumed-role/name/session}. */
  private static String keyOfAssumed(String arn) {
    int at = arn.indexOf(ASSUMED_ROLE);
    if (at < 0) {
      return null;
    }
    int colon = arn.lastIndexOf(':', at - 1);
    int start = at + ASSUMED_ROLE.length();
    int slash = arn.indexOf('/', start);
    if (colon < 0 || slash < 0) {
      return null;
    }
    return arn.substring(colon + 1, at)
        + "/"
        + arn.substring(start, slash).toLowerCase(Locale.ROOT);
  }

  private static String sessionOf(String principalArn) {
    int at = principalArn.indexOf(ASSUMED_ROLE);
    if (at < 0) {
      return "";
    }
    int slash = principalArn.indexOf('/', at + ASSUMED_ROLE.length());
    return slash < 0 ? "" : principalArn.substring(slash + 1);
  }
}
