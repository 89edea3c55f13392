package dev.minrole.generator.declared;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.generator.catalog.Glob;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The AWS managed policies minrole knows ({@code managed-policies.yaml}, written from the AWS
 * Managed Policy Reference), how to recognize a reference to one, and which are over-broad.
 */
public final class ManagedPolicies {
  private static final Pattern AWS_MANAGED_ARN =
      Pattern.compile("arn:[^:]+:iam::aws:policy/(?:.*/)?([^/]+)");
  private static volatile ManagedPolicies bundled;

  private final SortedMap<String, ManagedPolicy> policies;
  private final List<String> broadNames;

  private ManagedPolicies(SortedMap<String, ManagedPolicy> policies, List<String> broadNames) {
    this.policies = Collections.unmodifiableSortedMap(policies);
    this.broadNames = List.copyOf(broadNames);
  }

  /** The policies shipped with minrole, read once. */
  public static ManagedPolicies bundled() {
    ManagedPolicies result = bundled;
    if (result == null) {
      result = parse(BundledYaml.read("managed-policies.yaml"));
      bundled = result;
    }
    return result;
  }

  private static ManagedPolicies parse(JsonNode root) {
    SortedMap<String, ManagedPolicy> out = new TreeMap<>();
    for (JsonNode p : root.path("policies")) {
      String name = p.path("name").asText();
      out.put(
          name,
          new ManagedPolicy(
              name,
              p.path("arn").asText(),
              p.path("url").asText(),
              p.path("checked").asText(),
              p.path("broad").asBoolean(false),
              StatementDraft.read(p.path("document").path("Statement"))));
    }
    List<String> broad = new ArrayList<>();
    root.path("broadNames").forEach(n -> broad.add(n.asText()));
    return new ManagedPolicies(out, broad);
  }

  public SortedMap<String, ManagedPolicy> policies() {
    return policies;
  }

  public Optional<ManagedPolicy> byName(String name) {
    return Optional.ofNullable(policies.get(name));
  }

  /**
   * The name of the AWS managed policy a reference means: an ARN {@code
   * arn:<partition>:iam::aws:policy/[path/]Name}, or, as SAM's {@code Policies} accepts, a bare
   * name. Empty for anything else (a customer managed policy's ARN).
   */
  public static Optional<String> awsManagedName(String reference) {
    var arn = AWS_MANAGED_ARN.matcher(reference);
    if (arn.matches()) {
      return Optional.of(arn.group(1));
    }
    return reference.startsWith("arn:") || reference.isEmpty()
        ? Optional.empty()
        : Optional.of(reference);
  }

  /**
   * True if the named AWS managed policy is over-broad: marked so in the data, or named like one.
   */
  public boolean broad(String name) {
    return byName(name).map(ManagedPolicy::broad).orElse(false)
        || broadNames.stream().anyMatch(p -> Glob.matchesIgnoreCase(p, name));
  }
}
