package dev.minrole.generator.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * An IAM policy as canonical JSON: {@code Version}, {@code Statement} always a list, and in each
 * statement {@code Sid}, {@code Effect}, {@code Principal} (ids by type), {@code Action}, {@code
 * Resource} (always lists, sorted) and {@code Condition}, with operators, keys and values sorted.
 * See docs/adr/0001.
 */
public final class PolicyJson {
  private PolicyJson() {}

  public static ObjectNode toNode(IamPolicy policy) {
    ObjectNode root = CanonicalJson.object();
    root.put("Version", policy.version() == null ? "2012-10-17" : policy.version());
    if (policy.id() != null) {
      root.put("Id", policy.id());
    }
    ArrayNode statements = root.putArray("Statement");
    for (IamStatement s : policy.statements()) {
      statements.add(statement(s));
    }
    return root;
  }

  public static String write(IamPolicy policy) {
    return CanonicalJson.write(toNode(policy));
  }

  /** A policy, or for a function that needs none, the version with an empty statement list. */
  public static ObjectNode toNode(java.util.Optional<IamPolicy> policy) {
    if (policy.isPresent()) {
      return toNode(policy.get());
    }
    ObjectNode root = CanonicalJson.object();
    root.put("Version", "2012-10-17");
    root.putArray("Statement");
    return root;
  }

  public static String write(java.util.Optional<IamPolicy> policy) {
    return CanonicalJson.write(toNode(policy));
  }

  /** One statement as canonical JSON. */
  public static ObjectNode statement(IamStatement s) {
    ObjectNode node = CanonicalJson.object();
    if (s.sid() != null) {
      node.put("Sid", s.sid());
    }
    node.put("Effect", s.effect().value());
    principals(node, "Principal", s.principals());
    principals(node, "NotPrincipal", s.notPrincipals());
    list(node, "Action", s.actions().stream().map(a -> a.value()).toList());
    list(node, "NotAction", s.notActions().stream().map(a -> a.value()).toList());
    list(node, "Resource", s.resources().stream().map(r -> r.value()).toList());
    list(node, "NotResource", s.notResources().stream().map(r -> r.value()).toList());
    if (!s.conditions().isEmpty()) {
      Map<String, Map<String, TreeSet<String>>> byOperator = new TreeMap<>();
      for (IamCondition c : s.conditions()) {
        byOperator
            .computeIfAbsent(c.operator().value(), k -> new TreeMap<>())
            .computeIfAbsent(c.key().value(), k -> new TreeSet<>())
            .add(c.value());
      }
      ObjectNode condition = node.putObject("Condition");
      byOperator.forEach(
          (operator, keys) -> {
            ObjectNode op = condition.putObject(operator);
            keys.forEach((key, values) -> values.forEach(op.putArray(key)::add));
          });
    }
    return node;
  }

  /** {@code "Principal": "*"} for everyone, else principal ids by type, both sorted. */
  private static void principals(ObjectNode node, String field, List<IamPrincipal> principals) {
    if (principals.isEmpty()) {
      return;
    }
    if (principals.contains(IamPrincipal.ALL)) {
      node.put(field, "*");
      return;
    }
    Map<String, TreeSet<String>> byType = new TreeMap<>();
    principals.forEach(
        p -> byType.computeIfAbsent(p.type().value(), k -> new TreeSet<>()).add(p.id()));
    ObjectNode out = node.putObject(field);
    byType.forEach((type, ids) -> ids.forEach(out.putArray(type)::add));
  }

  private static void list(ObjectNode node, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = node.putArray(field);
      new TreeSet<>(values).forEach(array::add);
    }
  }
}
