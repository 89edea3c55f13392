package dev.minrole.bench.run;

import dev.minrole.analyzer.java.FunctionAnalysis;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SdkCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the generator says each handler's code does ({@code expected.tsv}), and the check of an
 * analysis against it: the same operations, every call found in the handler's own app or the shared
 * library, never in another app, and the member that names each call's resource known at least in
 * part, since every resource name in the generated code is a constant, an environment variable or a
 * concatenation of them.
 */
final class Expectations {
  static final String SHARED_LIBRARY = "libs/";

  /**
   * The request member that names the resource, by SDK service. A list element appears both with
   * and without an index ({@code r.entries(entry)} gives {@code Entries.EventBusName} today).
   */
  private static final Map<String, List<String>> RESOURCE_MEMBERS =
      Map.of(
          "dynamodb", List.of("TableName"),
          "s3", List.of("Bucket"),
          "sqs", List.of("QueueUrl"),
          "sns", List.of("TopicArn"),
          "events", List.of("Entries[0].EventBusName", "Entries.EventBusName"),
          "kinesis", List.of("StreamName"),
          "secretsmanager", List.of("SecretId"),
          "ssm", List.of("Name"));

  /** One handler's expected operations and the folder of its app. */
  record Expected(String handler, String appDir, SortedSet<String> operations) {}

  private final Map<String, Expected> byHandler;

  private Expectations(Map<String, Expected> byHandler) {
    this.byHandler = byHandler;
  }

  static Expectations read(Path tsv) throws IOException {
    Map<String, Expected> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(tsv)) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\t", -1);
      out.put(
          parts[0], new Expected(parts[0], parts[1], new TreeSet<>(List.of(parts[2].split(" ")))));
    }
    return new Expectations(out);
  }

  List<String> handlers() {
    return List.copyOf(byHandler.keySet());
  }

  /** What is wrong with an analysis of {@code handler}, one line per problem; empty if nothing. */
  List<String> check(FunctionAnalysis analysis) {
    Expected expected = byHandler.get(analysis.handler());
    List<String> problems = new ArrayList<>();
    SortedSet<String> found = new TreeSet<>();
    for (SdkCall call : analysis.calls()) {
      found.add(call.service() + "." + call.operation());
      String file = call.site().file();
      if (!file.startsWith(expected.appDir()) && !file.startsWith(SHARED_LIBRARY)) {
        problems.add(
            "call from another app: "
                + call.service()
                + "."
                + call.operation()
                + " at "
                + call.site());
      }
      if (!namesResource(call)) {
        problems.add(
            "resource unknown: "
                + call.service()
                + "."
                + call.operation()
                + " "
                + call.args()
                + " at "
                + call.site()
                + " ("
                + call.detail()
                + ")");
      }
    }
    SortedSet<String> missing = new TreeSet<>(expected.operations());
    missing.removeAll(found);
    SortedSet<String> extra = new TreeSet<>(found);
    extra.removeAll(expected.operations());
    if (!missing.isEmpty()) {
      problems.add("missing " + String.join(" ", missing));
    }
    if (!extra.isEmpty()) {
      problems.add("unexpected " + String.join(" ", extra));
    }
    return problems;
  }

  /** True if the member naming the call's resource is known, at least in part. */
  private static boolean namesResource(SdkCall call) {
    List<String> members = RESOURCE_MEMBERS.get(call.service());
    if (members == null) {
      return true;
    }
    for (String member : members) {
      ArgValue value = call.args().get(member);
      if (value != null && !(value instanceof ArgValue.Unknown)) {
        return true;
      }
    }
    return false;
  }
}
