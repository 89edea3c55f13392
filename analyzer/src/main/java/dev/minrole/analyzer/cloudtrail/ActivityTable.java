package dev.minrole.analyzer.cloudtrail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Counts each role's events in the window; roles never seen get zero. */
final class ActivityTable {
  private final Map<String, ObservationTable.Tally> byRole = new HashMap<>();

  void add(String role, long count, long first, long last) {
    ObservationTable.Tally t = byRole.get(role);
    if (t == null) {
      byRole.put(role, new ObservationTable.Tally(count, first, last));
    } else {
      t.add(count, first, last);
    }
  }

  void add(RoleActivity a) {
    if (a.events() > 0) {
      add(
          a.role(),
          a.events(),
          a.firstSeen().orElseThrow().getEpochSecond(),
          a.lastSeen().orElseThrow().getEpochSecond());
    }
  }

  void addAll(ActivityTable other) {
    other.byRole.forEach((r, t) -> add(r, t.count, t.first, t.last));
  }

  List<RoleActivity> result(List<RoleTarget> roles) {
    List<RoleActivity> out = new ArrayList<>();
    for (String role : roles.stream().map(RoleTarget::roleArn).distinct().sorted().toList()) {
      ObservationTable.Tally t = byRole.get(role);
      out.add(
          t == null
              ? new RoleActivity(role, 0, Optional.empty(), Optional.empty())
              : new RoleActivity(
                  role,
                  t.count,
                  Optional.of(Instant.ofEpochSecond(t.first)),
                  Optional.of(Instant.ofEpochSecond(t.last))));
    }
    return out;
  }
}
