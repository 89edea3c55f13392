package dev.minrole.generator.diff;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/** Test helpers: needed permissions and current policies from short text. */
final class Needs {
  private Needs() {}

  /** A permission needed by code at {@code app/Handler.java:line}. */
  static Permission code(String action, String resource, int line) {
    return new Permission(
        action,
        resource,
        List.of(),
        List.of(new Evidence.Code(SourceLocation.of("app/Handler.java", line), "Client.call")));
  }

  /** A permission CloudTrail saw in use. */
  static Permission observed(String action, String resource) {
    return new Permission(
        action,
        resource,
        List.of(),
        List.of(
            new Evidence.Trail(
                3, Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z"))));
  }

  /** A finding that hides code: a reflective call at {@code app/Handler.java:30}. */
  static Finding reflectiveCall() {
    return Finding.warning(
        "REFLECTIVE_CALL",
        "Method.invoke calls code through reflection",
        SourceLocation.of("app/Handler.java", 30));
  }

  /** A function that runs code minrole did not see, needing {@code permissions} in what it saw. */
  static FunctionPolicy incomplete(Permission... permissions) {
    return new FunctionPolicy(
        "app.Handler::handleRequest",
        "app.Handler::handleRequest",
        IamPolicy.fromJson(policy(allow("s3:GetObject", "*"))),
        List.of(permissions),
        List.of(reflectiveCall()));
  }

  static FunctionPolicy function(Permission... permissions) {
    return new FunctionPolicy(
        "app.Handler::handleRequest",
        "app.Handler::handleRequest",
        IamPolicy.fromJson(policy(allow("s3:GetObject", "*"))),
        List.of(permissions),
        List.of());
  }

  static CurrentPolicy current(String... policies) throws PolicyInputException {
    List<PolicyDocument> docs = new ArrayList<>();
    for (int i = 0; i < policies.length; i++) {
      docs.addAll(PolicyReader.read(policies[i], "p" + i + ".json", "p" + i + ".json"));
    }
    return new CurrentPolicy("the current policy", docs);
  }

  static CurrentPolicy withBoundary(String identity, String boundary) throws PolicyInputException {
    return new CurrentPolicy(
        "the current policy",
        PolicyReader.read(identity, "identity.json", "identity.json"),
        PolicyReader.read(boundary, "boundary.json", "boundary.json"),
        List.of());
  }

  /**
   * A one-statement policy: {@code Allow s3:GetObject arn:...}, optionally with a JSON condition.
   */
  static String statement(
      String effect,
      String actionKey,
      String action,
      String resourceKey,
      String resource,
      String condition) {
    return "{\"Effect\": \""
        + effect
        + "\", \""
        + actionKey
        + "\": \""
        + action
        + "\", \""
        + resourceKey
        + "\": \""
        + resource
        + "\""
        + (condition.isEmpty() ? "" : ", \"Condition\": " + condition)
        + "}";
  }

  static String policy(String... statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
  }

  static String allow(String action, String resource) {
    return statement("Allow", "Action", action, "Resource", resource, "");
  }

  static String deny(String action, String resource) {
    return statement("Deny", "Action", action, "Resource", resource, "");
  }
}
