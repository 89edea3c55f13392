package dev.minrole.generator.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.synth.CurrentRole;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The machine-readable report: for every function its policy, its permissions with the evidence for
 * each, and its findings. This is a stable interface; later versions add fields, never remove or
 * rename them.
 */
public final class ReportJson {
  public static final String MINROLE_VERSION = "0.1.0";

  private ReportJson() {}

  public static String write(List<FunctionPolicy> functions, List<Finding> globalFindings) {
    return CanonicalJson.write(toNode(functions, globalFindings));
  }

  public static ObjectNode toNode(List<FunctionPolicy> functions, List<Finding> globalFindings) {
    ObjectNode root = CanonicalJson.object();
    root.put("minroleVersion", MINROLE_VERSION);
    boolean partial =
        functions.stream().anyMatch(FunctionPolicy::isPartial)
            || globalFindings.stream()
                .anyMatch(f -> f.severity() == dev.minrole.analyzer.model.Severity.ERROR);
    root.put("partial", partial);
    ArrayNode list = root.putArray("functions");
    FunctionNames names = new FunctionNames(functions);
    for (FunctionPolicy f : functions) {
      list.add(function(f, names));
    }
    findings(root.putArray("findings"), globalFindings);
    return root;
  }

  private static ObjectNode function(FunctionPolicy f, FunctionNames functionNames) {
    ObjectNode node = CanonicalJson.object();
    node.put("name", f.name());
    node.put("handler", f.handler());
    node.put("complete", f.complete());
    f.deployment().role().ifPresent(r -> node.set("role", role(r)));
    node.set("policy", PolicyJson.toNode(f.policy()));
    if (f.isSplit()) {
      ArrayNode parts = node.putArray("policies");
      List<String> names = functionNames.parts(f);
      for (int i = 0; i < names.size(); i++) {
        ObjectNode part = parts.addObject();
        part.put("name", names.get(i));
        part.set("policy", PolicyJson.toNode(f.parts().get(i)));
      }
    }
    ArrayNode permissions = node.putArray("permissions");
    for (ObjectNode p : permissions(f.permissions())) {
      permissions.add(p);
    }
    findings(node.putArray("findings"), f.findings());
    return node;
  }

  /**
   * The role the function has today: {@code logicalId} and {@code implicit} for a role resource of
   * its template (implicit: SAM generates it), {@code arn} (or {@code arns}, when the template
   * chooses between several) for a role named by ARN or read from CloudTrail.
   */
  private static ObjectNode role(CurrentRole role) {
    ObjectNode node = CanonicalJson.object();
    role.logicalId()
        .ifPresent(
            id -> {
              node.put("logicalId", id);
              node.put("implicit", role.implicit());
            });
    if (role.arns().size() == 1) {
      node.put("arn", role.arns().get(0));
    } else if (!role.arns().isEmpty()) {
      ArrayNode arns = node.putArray("arns");
      role.arns().forEach(arns::add);
    }
    return node;
  }

  /** Permissions grouped by action (and conditions), with their resources and evidence merged. */
  private static List<ObjectNode> permissions(List<Permission> permissions) {
    Map<String, List<Permission>> byAction = new TreeMap<>();
    for (Permission p : permissions) {
      byAction
          .computeIfAbsent(p.action() + "\u0000" + p.conditions(), k -> new ArrayList<>())
          .add(p);
    }
    List<ObjectNode> out = new ArrayList<>();
    for (List<Permission> group : byAction.values()) {
      ObjectNode node = CanonicalJson.object();
      node.put("action", group.get(0).action());
      IamCatalog.bundled()
          .action(group.get(0).action())
          .ifPresent(a -> node.put("access", a.access().label()));
      ArrayNode resources = node.putArray("resources");
      new TreeSet<>(group.stream().map(Permission::resource).toList()).forEach(resources::add);
      if (!group.get(0).conditions().isEmpty()) {
        ArrayNode conditions = node.putArray("conditions");
        group
            .get(0)
            .conditions()
            .forEach(
                c -> {
                  ObjectNode cn = conditions.addObject();
                  cn.put("operator", c.operator());
                  cn.put("key", c.key());
                  ArrayNode values = cn.putArray("values");
                  c.values().forEach(values::add);
                });
      }
      ArrayNode sources = node.putArray("sources");
      new TreeSet<Evidence>(group.stream().flatMap(p -> p.evidence().stream()).toList())
          .forEach(e -> sources.add(evidence(e)));
      out.add(node);
    }
    return out;
  }

  static ObjectNode evidence(Evidence e) {
    ObjectNode node = CanonicalJson.object();
    node.put("kind", e.kind());
    if (e instanceof Evidence.Code c) {
      node.put("file", c.site().file());
      node.put("line", c.site().line());
      node.put("detail", c.detail());
    } else if (e instanceof Evidence.Template t) {
      node.put("file", t.location().file());
      node.put("line", t.location().line());
      node.put("detail", t.path());
    } else if (e instanceof Evidence.Trail t) {
      node.put("count", t.count());
      node.put("firstSeen", t.firstSeen().toString());
      node.put("lastSeen", t.lastSeen().toString());
    } else if (e instanceof Evidence.Platform p) {
      node.put("detail", p.reason());
    }
    return node;
  }

  static void findings(ArrayNode array, List<Finding> findings) {
    for (Finding f : findings.stream().distinct().sorted().toList()) {
      ObjectNode node = array.addObject();
      node.put("id", f.id());
      node.put("severity", f.severity().label());
      node.put("message", f.message());
      if (f.hidesCode()) {
        node.put("hidesCode", true);
      }
      if (f.location().isKnown()) {
        node.put("file", f.location().file());
        if (f.location().line() > 0) {
          node.put("line", f.location().line());
        }
      }
    }
  }
}
