package dev.minrole.analyzer.cloudtrail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudtrail.model.QueryStatus;

/**
 * An event data store queried in CloudTrail Lake: one {@link AggregationSql} query ({@code
 * StartQuery}), then {@code GetQueryResults} until the query has finished and every page is read.
 * Lake returns each row as a list of one-entry maps, column to value.
 */
public final class LakeTrailSource implements TrailSource {
  private final CloudTrailClient cloudTrail;
  private final String eventDataStore;
  private final AggregationSql sql;
  private final QueryPolling polling;

  public LakeTrailSource(
      CloudTrailClient cloudTrail,
      String eventDataStore,
      java.util.Set<String> resourceParameters,
      QueryPolling polling) {
    this.cloudTrail = cloudTrail;
    this.eventDataStore = eventDataStore;
    this.sql = new AggregationSql(AggregationSql.Dialect.LAKE, eventDataStore, resourceParameters);
    this.polling = polling;
  }

  @Override
  public TrailScan scan(RoleSelector roles, TrailWindow window) throws TrailSourceException {
    String query = sql.sql(roles.targets(), window);
    try {
      String id = cloudTrail.startQuery(b -> b.queryStatement(query)).queryId();
      AggregateRows rows = new AggregateRows(sql);
      String token = null;
      int polls = 0;
      while (true) {
        String next = token;
        GetQueryResultsResponse page =
            cloudTrail.getQueryResults(b -> b.queryId(id).nextToken(next));
        QueryStatus status = page.queryStatus();
        if (status == QueryStatus.QUEUED || status == QueryStatus.RUNNING) {
          if (++polls > polling.maxPolls()) {
            throw new TrailSourceException(
                "CloudTrail Lake query " + id + " did not finish within " + polling.timeout());
          }
          polling.sleep();
          continue;
        }
        if (status != QueryStatus.FINISHED) {
          throw new TrailSourceException(
              "CloudTrail Lake query "
                  + id
                  + " on "
                  + eventDataStore
                  + " ended "
                  + status
                  + ": "
                  + Optional.ofNullable(page.errorMessage()).orElse("no reason given"));
        }
        for (List<Map<String, String>> row : page.queryResultRows()) {
          Map<String, String> columns = new HashMap<>();
          row.forEach(columns::putAll);
          rows.add(columns);
        }
        token = page.nextToken();
        if (token == null || token.isEmpty()) {
          break;
        }
      }
      return rows.result(roles.targets(), List.of());
    } catch (SdkException e) {
      throw new TrailSourceException(
          "CloudTrail Lake query on " + eventDataStore + " failed: " + e.getMessage(), e);
    }
  }
}
