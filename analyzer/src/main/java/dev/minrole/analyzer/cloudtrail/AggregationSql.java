package dev.minrole.analyzer.cloudtrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one aggregation query minrole runs where the trail lives (Athena or CloudTrail Lake): every
 * event of the wanted roles in the window, grouped by role, account, region, event source and name,
 * resources (or, without them, the request parameters that name one), and error, with a count and
 * the first and last time. A second part lists the event sources the trail holds data events for.
 * Only these aggregates leave the query engine.
 */
public final class AggregationSql {

  /** The columns of every result row, in order. */
  public static final List<String> FIXED_COLUMNS =
      List.of(
          "role_arn",
          "account",
          "region",
          "event_source",
          "event_name",
          "resource_arns",
          "error_code",
          "denied_action",
          "denied_resource",
          "events",
          "first_seen",
          "last_seen");

  static final String PARAMETER_PREFIX = "p_";

  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final String DENIED_ACTION = "'perform: ([A-Za-z0-9-]+:[A-Za-z0-9*]+)'";
  private static final String DENIED_RESOURCE = "'on resource: (arn:[^ \"]+)'";

  /** How the two engines name CloudTrail's fields. */
  public enum Dialect {
    /** An Athena table over CloudTrail files, as AWS documents its DDL (lower-case columns). */
    ATHENA,
    /** A CloudTrail Lake event data store. */
    LAKE
  }

  private final Dialect dialect;
  private final String from;
  private final List<String> parameters;

  /**
   * @param from the Athena table ({@code db.table}) or the Lake event data store (its id or ARN)
   * @param resourceParameters the request parameters that name a resource, e.g. {@code bucketName}
   */
  public AggregationSql(Dialect dialect, String from, Set<String> resourceParameters) {
    this.dialect = dialect;
    this.from = dialect == Dialect.ATHENA ? athenaTable(from) : lakeStore(from);
    List<String> names = new ArrayList<>(new TreeSet<>(resourceParameters));
    for (String name : names) {
      if (!PARAMETER_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "request parameter name " + name + " is not a plain identifier");
      }
    }
    this.parameters = List.copyOf(names);
  }

  /** The request parameters whose values the query returns, as columns {@code p_<name>}. */
  public List<String> parameters() {
    return parameters;
  }

  public String sql(List<RoleTarget> roles, TrailWindow window) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("no role to query");
    }
    String issuer =
        column(
            "useridentity.sessioncontext.sessionissuer.arn",
            "userIdentity.sessionContext.sessionIssuer.arn");
    String principal = column("useridentity.arn", "userIdentity.arn");
    StringBuilder roleCase = new StringBuilder("CASE");
    List<String> anyRole = new ArrayList<>();
    for (RoleTarget t : roles) {
      String prefix = t.assumedRolePrefix().toLowerCase(Locale.ROOT);
      String issuerMatches =
          "lower(" + issuer + ") = " + literal(t.roleArn().toLowerCase(Locale.ROOT));
      String condition =
          t.sessionName().isEmpty()
              ? "("
                  + issuerMatches
                  + " OR substr(lower("
                  + principal
                  + "), 1, "
                  + prefix.length()
                  + ") = "
                  + literal(prefix)
                  + ")"
              : "lower("
                  + principal
                  + ") = "
                  + literal(prefix + t.sessionName().get().toLowerCase(Locale.ROOT));
      roleCase
          .append("\n      WHEN ")
          .append(condition)
          .append(" THEN ")
          .append(literal(t.roleArn()));
      anyRole.add("(" + condition + ")");
    }
    roleCase.append("\n    END");
    String time = column("eventtime", "eventTime");
    String window_ = timeFilter(time, window);
    String arns =
        "coalesce(array_join(array_sort(filter(transform("
            + column("resources", "resources")
            + ", r -> r.arn), a -> a IS NOT NULL)), ' '), '')";
    String errorCode = column("errorcode", "errorCode");
    String errorMessage = column("errormessage", "errorMessage");
    StringBuilder sql = new StringBuilder();
    sql.append("-- minrole: CloudTrail observations of ")
        .append(roles.size())
        .append(roles.size() == 1 ? " role" : " roles")
        .append(", ")
        .append(window.describe())
        .append('\n');
    sql.append("SELECT role_arn, account, region, event_source, event_name, resource_arns,");
    for (String p : parameters) {
      sql.append(' ').append(PARAMETER_PREFIX).append(p.toLowerCase(Locale.ROOT)).append(',');
    }
    sql.append("\n  error_code, denied_action, denied_resource,");
    sql.append(
        "\n  count(*) AS events, min(event_time) AS first_seen, max(event_time) AS last_seen");
    sql.append("\nFROM (\n  SELECT\n    ").append(roleCase).append(" AS role_arn,");
    sql.append("\n    coalesce(")
        .append(column("recipientaccountid", "recipientAccountId"))
        .append(", '') AS account,");
    sql.append("\n    coalesce(")
        .append(column("awsregion", "awsRegion"))
        .append(", '') AS region,");
    sql.append("\n    ").append(column("eventsource", "eventSource")).append(" AS event_source,");
    sql.append("\n    ").append(column("eventname", "eventName")).append(" AS event_name,");
    sql.append("\n    ").append(arns).append(" AS resource_arns,");
    for (String p : parameters) {
      sql.append("\n    IF(")
          .append(arns)
          .append(" = '', ")
          .append(parameter(p))
          .append(") AS ")
          .append(PARAMETER_PREFIX)
          .append(p.toLowerCase(Locale.ROOT))
          .append(',');
    }
    sql.append("\n    coalesce(").append(errorCode).append(", '') AS error_code,");
    sql.append("\n    coalesce(regexp_extract(")
        .append(errorMessage)
        .append(", ")
        .append(DENIED_ACTION)
        .append(", 1), '') AS denied_action,");
    sql.append("\n    coalesce(regexp_extract(")
        .append(errorMessage)
        .append(", ")
        .append(DENIED_RESOURCE)
        .append(", 1), '') AS denied_resource,");
    sql.append("\n    ").append(time).append(" AS event_time");
    sql.append("\n  FROM ").append(from);
    sql.append("\n  WHERE ")
        .append(window_.isEmpty() ? "" : window_ + "\n    AND ")
        .append("(")
        .append(String.join("\n      OR ", anyRole))
        .append(")");
    sql.append("\n)\nGROUP BY role_arn, account, region, event_source, event_name, resource_arns,");
    for (String p : parameters) {
      sql.append(' ').append(PARAMETER_PREFIX).append(p.toLowerCase(Locale.ROOT)).append(',');
    }
    sql.append(" error_code, denied_action, denied_resource");
    sql.append(
        "\n"
            + "UNION ALL\n"
            + "-- event sources with data events, from any principal: are data events logged at"
            + " all?\n");
    sql.append("SELECT '' AS role_arn, '' AS account, '' AS region, ")
        .append(column("eventsource", "eventSource"))
        .append(" AS event_source, '' AS event_name, '' AS resource_arns,");
    for (String p : parameters) {
      sql.append(" CAST(NULL AS varchar) AS ")
          .append(PARAMETER_PREFIX)
          .append(p.toLowerCase(Locale.ROOT))
          .append(',');
    }
    sql.append("\n  '' AS error_code, '' AS denied_action, '' AS denied_resource,");
    sql.append("\n  count(*) AS events, min(")
        .append(time)
        .append(") AS first_seen, max(")
        .append(time)
        .append(") AS last_seen");
    sql.append("\nFROM ").append(from);
    sql.append("\nWHERE ").append(column("eventcategory", "eventCategory")).append(" = 'Data'");
    if (!window_.isEmpty()) {
      sql.append(" AND ").append(window_);
    }
    sql.append("\nGROUP BY ").append(column("eventsource", "eventSource")).append('\n');
    return sql.toString();
  }

  private String column(String athena, String lake) {
    return dialect == Dialect.ATHENA ? athena : lake;
  }

  private String parameter(String name) {
    return dialect == Dialect.ATHENA
        ? "json_extract_scalar(requestparameters, " + literal("$." + name) + ")"
        : "element_at(requestParameters, " + literal(name) + ")";
  }

  private String timeFilter(String time, TrailWindow window) {
    List<String> parts = new ArrayList<>();
    window.since().ifPresent(s -> parts.add(time + " >= " + timeLiteral(TrailTime.format(s))));
    window.until().ifPresent(u -> parts.add(time + " < " + timeLiteral(TrailTime.format(u))));
    return String.join(" AND ", parts);
  }

  /**
   * Athena's table holds eventtime as text in CloudTrail's form; Lake's eventTime is a timestamp.
   */
  private String timeLiteral(String canonical) {
    return dialect == Dialect.ATHENA
        ? literal(canonical)
        : "timestamp " + literal(canonical.substring(0, 10) + " " + canonical.substring(11, 19));
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String athenaTable(String table) {
    if (!table.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+){0,2}")) {
      throw new IllegalArgumentException(
          "--athena-table "
              + table
              + " is not a table name; give it as table, database.table or catalog.database.table");
    }
    List<String> parts = new ArrayList<>();
    for (String part : table.split("\\.", -1)) {
      parts.add("\"" + part + "\"");
    }
    return String.join(".", parts);
  }

  private static String lakeStore(String store) {
    String id = store.contains("/") ? store.substring(store.lastIndexOf('/') + 1) : store;
    if (!id.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException(
          "--cloudtrail-lake " + store + " is not an event data store id or ARN");
    }
    return id;
  }
}
