package dev.minrole.cli;

import java.util.List;
import java.util.Map;

/**
 * The golden files a case can have in {@code expected/}, and the {@code generate} arguments that
 * print each: a case is checked in every format it has a file for.
 */
final class GoldenFormats {
  static final Map<String, List<String>> FILES =
      Map.of(
          "policy.json", List.of("--format", "json"),
          "report.json", List.of("--format", "report"),
          "policy.yaml", List.of("--format", "yaml"),
          "template.cfn.yaml", List.of("--format", "cfn"),
          "policies.sam.yaml", List.of("--format", "sam"),
          "policy.tf", List.of("--format", "terraform"),
          "policies.serverless.yaml", List.of("--format", "serverless"),
          "explain.txt", List.of("--explain", "--color", "never"));

  private GoldenFormats() {}
}
