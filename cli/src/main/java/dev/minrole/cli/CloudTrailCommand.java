package dev.minrole.cli;

import dev.minrole.analyzer.cloudtrail.AggregationSql;
import dev.minrole.analyzer.cloudtrail.RoleTarget;
import dev.minrole.engine.RequestException;
import dev.minrole.generator.observed.ObservedData;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code minrole cloudtrail}: helpers for reading CloudTrail at scale. */
@Command(
    name = "cloudtrail",
    mixinStandardHelpOptions = true,
    description =
        "Print the queries 'minrole generate' runs in Athena or CloudTrail Lake, for review.",
    subcommands = {CloudTrailCommand.AthenaSql.class, CloudTrailCommand.LakeSql.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:Success.", "1:Internal error.", "2:Bad usage."})
final class CloudTrailCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand, e.g. minrole cloudtrail athena-sql --help");
  }

  /** Prints the query of one dialect over one source. */
  abstract static class PrintSql implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RoleWindowOptions roles = new RoleWindowOptions();

    @Mixin CommonOptions common;

    abstract AggregationSql.Dialect dialect();

    abstract String from();

    @Override
    public Integer call() {
      List<RoleTarget> targets = roles.targets();
      if (targets.isEmpty()) {
        throw new RequestException("name the role whose events to count: --role-arn ARN");
      }
      String sql;
      try {
        sql =
            new AggregationSql(dialect(), from(), ObservedData.bundled().resourceParameterNames())
                .sql(targets, roles.window());
      } catch (IllegalArgumentException e) {
        throw new RequestException(e.getMessage());
      }
      spec.commandLine().getOut().print(sql);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "athena-sql",
      mixinStandardHelpOptions = true,
      description = {
        "Print the aggregation query 'minrole generate --athena-table' runs.",
        "",
        "Example:",
        "  minrole cloudtrail athena-sql --athena-table default.cloudtrail_logs \\",
        "      --role-arn arn:aws:iam::123456789012:role/orders-fn --since 2024-05-01",
        ""
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:The query was printed.",
        "1:Internal error.",
        "2:Bad usage, e.g. a malformed table name or role ARN."
      })
  static final class AthenaSql extends PrintSql {
    @Option(
        names = "--athena-table",
        paramLabel = "TABLE",
        required = true,
        description = "The trail's Athena table (database.table).")
    String table;

    @Override
    AggregationSql.Dialect dialect() {
      return AggregationSql.Dialect.ATHENA;
    }

    @Override
    String from() {
      return table;
    }
  }

  @Command(
      name = "lake-sql",
      mixinStandardHelpOptions = true,
      description = {
        "Print the aggregation query 'minrole generate --cloudtrail-lake' runs.",
        "",
        "Example:",
        "  minrole cloudtrail lake-sql --cloudtrail-lake EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE \\",
        "      --role-arn arn:aws:iam::123456789012:role/orders-fn --since 30d",
        ""
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:The query was printed.", "1:Internal error.", "2:Bad usage."})
  static final class LakeSql extends PrintSql {
    @Option(
        names = "--cloudtrail-lake",
        paramLabel = "EVENT_DATA_STORE",
        required = true,
        description = "The event data store (id or ARN).")
    String store;

    @Override
    AggregationSql.Dialect dialect() {
      return AggregationSql.Dialect.LAKE;
    }

    @Override
    String from() {
      return store;
    }
  }
}
