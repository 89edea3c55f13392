package dev.minrole.analyzer.cloudtrail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects the rows of {@link AggregationSql}'s query, as Athena or CloudTrail Lake return them
 * (column name to value), into a {@link TrailScan}. A row without a role names an event source that
 * has data events. Rows that do not parse are counted and reported, not dropped silently.
 */
final class AggregateRows {
  private final AggregationSql sql;
  private final ObservationTable table = new ObservationTable();
  private final ActivityTable activity = new ActivityTable();
  private final TreeSet<String> dataSources = new TreeSet<>();
  private long events;
  private long badRows;

  AggregateRows(AggregationSql sql) {
    this.sql = sql;
  }

  void add(Map<String, String> row) {
    String role = value(row, "role_arn");
    String source = value(row, "event_source");
    long count;
    try {
      count = Long.parseLong(value(row, "events"));
    } catch (NumberFormatException e) {
      badRows++;
      return;
    }
    Optional<String> first = TrailTime.normalize(value(row, "first_seen"));
    Optional<String> last = TrailTime.normalize(value(row, "last_seen"));
    if (source.isEmpty() || first.isEmpty() || last.isEmpty()) {
      badRows++;
      return;
    }
    if (role.isEmpty()) {
      dataSources.add(source);
      return;
    }
    String arns = value(row, "resource_arns");
    List<String> resources =
        arns.isBlank()
            ? List.of()
            : Arrays.stream(arns.trim().split("\\s+")).distinct().sorted().toList();
    TreeMap<String, String> parameters = new TreeMap<>();
    if (resources.isEmpty()) {
      for (String p : sql.parameters()) {
        String v = value(row, AggregationSql.PARAMETER_PREFIX + p.toLowerCase(Locale.ROOT));
        if (!v.isEmpty()) {
          parameters.put(p, v);
        }
      }
    }
    String deniedResource = value(row, "denied_resource").replaceAll("[.,]$", "");
    ObservationKey key =
        new ObservationKey(
            role,
            value(row, "account"),
            value(row, "region"),
            source,
            value(row, "event_name"),
            resources,
            parameters,
            value(row, "error_code"),
            value(row, "denied_action"),
            deniedResource);
    long from = TrailTime.epochSecond(first.get());
    long to = TrailTime.epochSecond(last.get());
    table.add(key, count, from, to);
    activity.add(role, count, from, to);
    events += count;
    if (table.size() > TrailAccumulator.DEFAULT_LIMIT) {
      table.compact(TrailAccumulator.DEFAULT_LIMIT / 2);
    }
  }

  TrailScan result(List<RoleTarget> roles, List<String> notes) {
    List<String> all = new ArrayList<>(notes);
    if (badRows > 0) {
      all.add(
          badRows
              + " result rows could not be read (no event source, count or time) and were skipped");
    }
    return new TrailScan(
        Observations.of(table),
        activity.result(roles),
        dataSources,
        List.of(),
        events,
        table.folded(),
        all);
  }

  private static String value(Map<String, String> row, String column) {
    String v = row.get(column);
    return v == null ? "" : v;
  }
}
