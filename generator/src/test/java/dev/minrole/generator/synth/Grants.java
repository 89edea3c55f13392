package dev.minrole.generator.synth;

import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.catalog.IamCatalog;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * What a policy grants, spelled out: one {@code action|resource|conditions} line for every action
 * (wildcards expanded through the catalog), resource and condition set of its statements.
 */
record Grants(Set<String> lines) {
  static Grants of(IamCatalog catalog, List<IamPolicy> policies) {
    Set<String> out = new TreeSet<>();
    for (IamPolicy policy : policies) {
      for (IamStatement s : policy.statements()) {
        Set<String> conditions = new TreeSet<>();
        for (IamCondition c : s.conditions()) {
          conditions.add(c.operator().value() + " " + c.key().value() + " " + c.value());
        }
        for (IamAction a : s.actions()) {
          boolean wildcard = a.value().contains("*") || a.value().contains("?");
          for (var expanded :
              wildcard ? catalog.expand(a.value()) : catalog.action(a.value()).stream().toList()) {
            for (IamResource r : s.resources()) {
              out.add(expanded.id() + "|" + r.value() + "|" + conditions);
            }
          }
        }
      }
    }
    return new Grants(out);
  }

  /** The line a permission asks for. */
  static String line(Permission p) {
    Set<String> conditions = new TreeSet<>();
    for (Condition c : p.conditions()) {
      c.values().forEach(v -> conditions.add(c.operator() + " " + c.key() + " " + v));
    }
    return p.action() + "|" + p.resource() + "|" + conditions;
  }

  /**
   * True if some granted line gives the permission: same action, a covering resource, no other
   * condition.
   */
  boolean cover(Permission p) {
    String conditions = line(p).substring(line(p).lastIndexOf('|') + 1);
    for (String line : lines) {
      String[] parts = line.split("\\|", 3);
      if (parts[0].equalsIgnoreCase(p.action())
          && Glob.covers(parts[1], p.resource())
          && (parts[2].equals("[]") || parts[2].equals(conditions))) {
        return true;
      }
    }
    return false;
  }
}
