package dev.minrole.generator.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import dev.minrole.generator.mapping.OperationMapper.Coverage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How much of the SDK the knowledge base covers: for each of the services Lambda functions use most
 * ({@code mapping/lambda-services.yaml}), how many operations the default rule maps, how many an
 * override maps, how many are classified as permissionless or unmapped, and which are not covered
 * at all. {@code docs/iam-data.md} shows this table; a test keeps the two equal.
 */
public final class CoverageReport {
  private static final String SERVICES = "/dev/minrole/generator/mapping/lambda-services.yaml";

  /** One row: a service, its operations, and how they are covered. */
  public record Row(
      String service,
      List<String> clients,
      Map<Coverage, Integer> counts,
      List<String> unclassified) {
    public Row {
      clients = List.copyOf(clients);
      counts = Map.copyOf(counts);
      unclassified = List.copyOf(unclassified);
    }

    public int count(Coverage coverage) {
      return counts.getOrDefault(coverage, 0);
    }

    public int operations() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The operations mapped or explicitly classified, in percent, rounded down to 0.1. */
    public String percent() {
      int all = operations();
      int covered = all - count(Coverage.UNCLASSIFIED);
      return all == 0
          ? "100.0"
          : String.format(java.util.Locale.ROOT, "%.1f", Math.floor(covered * 1000.0 / all) / 10);
    }
  }

  private final List<Row> rows;
  private final Row total;
  private final Row wholeSdk;

  private CoverageReport(List<Row> rows, Row total, Row wholeSdk) {
    this.rows = List.copyOf(rows);
    this.total = total;
    this.wholeSdk = wholeSdk;
  }

  /** The coverage of the bundled inventory by a mapper. */
  public static CoverageReport of(SdkInventory inventory, OperationMapper mapper) {
    List<Row> rows = new ArrayList<>();
    for (JsonNode service : readServices().path("services")) {
      List<String> clients = new ArrayList<>();
      service.path("clients").forEach(c -> clients.add(c.asText()));
      String only = service.path("operations").asText("");
      List<SdkService> resolved = new ArrayList<>();
      for (String client : clients) {
        resolved.add(
            inventory
                .serviceByClientName(client)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "lambda-services.yaml names an unknown client " + client)));
      }
      rows.add(row(service.path("name").asText(), clients, resolved, only, mapper));
    }
    Row total = sum("Total (" + rows.size() + " services)", rows);
    List<String> all = new ArrayList<>();
    List<SdkService> services = inventory.services();
    services.forEach(s -> all.add(s.syncClient()));
    Row wholeSdk = row("Whole SDK (" + services.size() + " clients)", all, services, "", mapper);
    return new CoverageReport(rows, total, wholeSdk);
  }

  private static Row row(
      String name,
      List<String> clients,
      List<SdkService> services,
      String only,
      OperationMapper mapper) {
    Map<Coverage, Integer> counts = new EnumMap<>(Coverage.class);
    List<String> unclassified = new ArrayList<>();
    for (SdkService service : services) {
      for (SdkOperation op : service.operations()) {
        if (!op.name().startsWith(only)) {
          continue;
        }
        Coverage coverage = mapper.coverage(service.serviceName(), op.name());
        counts.merge(coverage, 1, Integer::sum);
        if (coverage == Coverage.UNCLASSIFIED) {
          unclassified.add(service.syncClient() + "." + op.method());
        }
      }
    }
    return new Row(name, clients, counts, unclassified);
  }

  private static Row sum(String name, List<Row> rows) {
    Map<Coverage, Integer> counts = new EnumMap<>(Coverage.class);
    List<String> unclassified = new ArrayList<>();
    List<String> clients = new ArrayList<>();
    for (Row row : rows) {
      row.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
      unclassified.addAll(row.unclassified());
      clients.addAll(row.clients());
    }
    return new Row(name, clients, counts, unclassified);
  }

  private static JsonNode readServices() {
    return DataFiles.yaml(SERVICES);
  }

  public List<Row> rows() {
    return rows;
  }

  public Row total() {
    return total;
  }

  public Row wholeSdk() {
    return wholeSdk;
  }

  /** The coverage table as Markdown, one row per service, then the total and the whole SDK. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("| service | SDK clients | operations | default rule | override | permissionless |")
        .append(" unmapped (with reason) | not covered | covered |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    rows.forEach(r -> line(md, r, true));
    line(md, total, false);
    line(md, wholeSdk, false);
    return md.toString();
  }

  private static void line(StringBuilder md, Row r, boolean clients) {
    md.append("| ")
        .append(clients ? r.service() : "**" + r.service() + "**")
        .append(" | ")
        .append(clients ? String.join(", ", r.clients()) : "")
        .append(" | ")
        .append(r.operations())
        .append(" | ")
        .append(r.count(Coverage.DEFAULT))
        .append(" | ")
        .append(r.count(Coverage.OVERRIDE))
        .append(" | ")
        .append(r.count(Coverage.PERMISSIONLESS))
        .append(" | ")
        .append(r.count(Coverage.UNMAPPED))
        .append(" | ")
        .append(r.count(Coverage.UNCLASSIFIED))
        .append(" | ")
        .append(r.percent())
        .append("% |\n");
  }
}
