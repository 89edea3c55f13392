package dev.minrole.analyzer.cloudtrail;

import java.time.Instant;
import java.util.Optional;

/** How many events of a role the window holds, and when the first and last were. */
public record RoleActivity(
    String role, long events, Optional<Instant> firstSeen, Optional<Instant> lastSeen) {
  public boolean inactive() {
    return events == 0;
  }
}
