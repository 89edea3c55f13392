package dev.minrole.analyzer.cloudtrail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * A trail queried in Athena: one {@link AggregationSql} query ({@code StartQueryExecution}), polled
 * until it ends ({@code GetQueryExecution}), and its rows read page by page ({@code
 * GetQueryResults}). The first row of the first page is the header Athena adds.
 */
public final class AthenaTrailSource implements TrailSource {
  private final AthenaClient athena;
  private final AggregationSql sql;
  private final String table;
  private final Optional<String> workgroup;
  private final Optional<String> outputLocation;
  private final QueryPolling polling;

  public AthenaTrailSource(
      AthenaClient athena,
      String table,
      Optional<String> workgroup,
      Optional<String> outputLocation,
      java.util.Set<String> resourceParameters,
      QueryPolling polling) {
    this.athena = athena;
    this.table = table;
    this.sql = new AggregationSql(AggregationSql.Dialect.ATHENA, table, resourceParameters);
    this.workgroup = workgroup;
    this.outputLocation = outputLocation;
    this.polling = polling;
  }

  @Override
  public TrailScan scan(RoleSelector roles, TrailWindow window) throws TrailSourceException {
    String query = sql.sql(roles.targets(), window);
    try {
      String id =
          athena
              .startQueryExecution(
                  b -> {
                    b.queryString(query);
                    workgroup.ifPresent(b::workGroup);
                    outputLocation.ifPresent(o -> b.resultConfiguration(r -> r.outputLocation(o)));
                  })
              .queryExecutionId();
      waitFor(id);
      AggregateRows rows = new AggregateRows(sql);
      List<String> columns = null;
      boolean header = true;
      for (GetQueryResultsResponse page :
          athena.getQueryResultsPaginator(b -> b.queryExecutionId(id))) {
        if (columns == null) {
          columns = new ArrayList<>();
          for (ColumnInfo c : page.resultSet().resultSetMetadata().columnInfo()) {
            columns.add(c.name());
          }
        }
        for (Row row : page.resultSet().rows()) {
          if (header) {
            header = false;
            continue;
          }
          rows.add(toMap(columns, row));
        }
      }
      return rows.result(roles.targets(), List.of());
    } catch (SdkException e) {
      throw new TrailSourceException("Athena query on " + table + " failed: " + e.getMessage(), e);
    }
  }

  private void waitFor(String id) throws TrailSourceException {
    for (int i = 0; i < polling.maxPolls(); i++) {
      QueryExecutionStatus status =
          athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution().status();
      QueryExecutionState state = status.state();
      if (state == QueryExecutionState.SUCCEEDED) {
        return;
      }
      if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED) {
        throw new TrailSourceException(
            "Athena query "
                + id
                + " on "
                + table
                + " "
                + state.toString().toLowerCase(java.util.Locale.ROOT)
                + ": "
                + Optional.ofNullable(status.stateChangeReason()).orElse("no reason given")
                + ". Check the table's columns against docs/cloudtrail.md (minrole cloudtrail"
                + " athena-sql prints the query)");
      }
      polling.sleep();
    }
    throw new TrailSourceException(
        "Athena query " + id + " did not finish within " + polling.timeout());
  }

  private static Map<String, String> toMap(List<String> columns, Row row) {
    Map<String, String> out = new LinkedHashMap<>();
    List<Datum> data = row.data();
    for (int i = 0; i < columns.size() && i < data.size(); i++) {
      String v = data.get(i).varCharValue();
      out.put(columns.get(i), v == null ? "" : v);
    }
    return out;
  }
}
