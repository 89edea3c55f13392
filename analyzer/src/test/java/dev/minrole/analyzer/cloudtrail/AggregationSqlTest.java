package dev.minrole.analyzer.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AggregationSqlTest {
  private static final List<RoleTarget> ROLES =
      List.of(
          new RoleTarget("arn:aws:iam::111122223333:role/orders-fn-role", Optional.empty()),
          new RoleTarget("arn:aws:iam::111122223333:role/o'brien", Optional.of("fn")));
  private static final TrailWindow MAY =
      new TrailWindow(
          Optional.of(Instant.parse("2024-05-01T00:00:00Z")),
          Optional.of(Instant.parse("2024-06-01T00:00:00Z")));

  @Test
  void sql_forAthena_groupsByRoleEventResourceAndErrorInsideTheWindow() {
    String sql =
        new AggregationSql(
                AggregationSql.Dialect.ATHENA,
                "default.cloudtrail_logs",
                Set.of("tableName", "bucketName"))
            .sql(ROLES, MAY);

    assertThat(sql)
        .contains("FROM \"default\".\"cloudtrail_logs\"")
        .contains(
            "lower(useridentity.sessioncontext.sessionissuer.arn) ="
                + " 'arn:aws:iam::111122223333:role/orders-fn-role'")
        .contains(
            "substr(lower(useridentity.arn), 1, 54) ="
                + " 'arn:aws:sts::111122223333:assumed-role/orders-fn-role/'")
        .contains("lower(useridentity.arn) = 'arn:aws:sts::111122223333:assumed-role/o''brien/fn'")
        .contains("eventtime >= '2024-05-01T00:00:00Z' AND eventtime < '2024-06-01T00:00:00Z'")
        .contains(
            "' '), '') = '', json_extract_scalar(requestparameters, '$.tableName')) AS p_tablename")
        .contains("count(*) AS events, min(event_time) AS first_seen, max(event_time) AS last_seen")
        .contains(
            "GROUP BY role_arn, account, region, event_source, event_name, resource_arns,"
                + " p_bucketname, p_tablename, error_code")
        .contains("WHERE eventcategory = 'Data'");
  }

  @Test
  void sql_forLake_usesLakeNamesAndTimestamps() {
    String sql =
        new AggregationSql(
                AggregationSql.Dialect.LAKE,
                "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/EXAMPLE-f852-4e8f",
                Set.of("tableName"))
            .sql(ROLES.subList(0, 1), MAY);

    assertThat(sql)
        .contains("FROM EXAMPLE-f852-4e8f")
        .contains("element_at(requestParameters, 'tableName')")
        .contains("eventTime >= timestamp '2024-05-01 00:00:00'")
        .contains("WHERE eventCategory = 'Data'");
  }

  @Test
  void new_rejectsTableNamesThatCouldInjectSql() {
    assertThatThrownBy(
            () -> new AggregationSql(AggregationSql.Dialect.ATHENA, "logs; DROP TABLE x", Set.of()))
        .hasMessageContaining("is not a table name");
  }
}
