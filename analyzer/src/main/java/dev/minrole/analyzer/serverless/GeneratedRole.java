package dev.minrole.analyzer.serverless;

import static dev.minrole.analyzer.serverless.TemplateNodes.join;
import static dev.minrole.analyzer.serverless.TemplateNodes.logGroupName;
import static dev.minrole.analyzer.serverless.TemplateNodes.map;
import static dev.minrole.analyzer.serverless.TemplateNodes.scalar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.minrole.analyzer.template.ArnKinds;
import dev.minrole.analyzer.template.TNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The execution role the Serverless Framework generates ({@code IamRoleLambdaExecution}, or one per
 * function with the {@code serverless-iam-roles-per-function} plugin): what it grants for logs,
 * poll-based events, tracing, VPC access, dead-letter and destination targets comes from {@code
 * generated-role.yaml}; the user's statements and managed policies are added as written.
 */
final class GeneratedRole {
  static final String PLUGIN = "serverless-iam-roles-per-function";
  private static final String DATA = "/dev/minrole/analyzer/serverless/generated-role.yaml";
  private static volatile JsonNode data;

  private final ServiceFunctions service;
  private final JsonNode rules;

  GeneratedRole(ServiceFunctions service) {
    this.service = service;
    this.rules = rules();
  }

  private static JsonNode rules() {
    JsonNode result = data;
    if (result == null) {
      try (InputStream in = GeneratedRole.class.getResourceAsStream(DATA)) {
        if (in == null) {
          throw new IllegalStateException("data file missing from the build: " + DATA);
        }
        result = new ObjectMapper(new YAMLFactory()).readTree(in);
        data = result;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return result;
  }

  /**
   * The role Serverless generates for {@code functions}: logs, their poll-based events, tracing,
   * dead-letter and destination targets, and the user's statements and managed policies ({@code
   * perFunction}: the plugin's role, with the function's {@code iamRoleStatements}).
   */
  TNode role(List<String> functions, int line, boolean perFunction) {
    TNode.TMap root = service.root();
    TNode.TMap provider = service.provider();
    TNode.TMap all = root.map("functions");
    List<TNode> generated = new ArrayList<>();
    List<TNode> groups = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    boolean canonical = false;
    boolean traced = false;
    boolean vpc = provider.get("vpc").isPresent();
    Map<String, List<TNode>> eventArns = new LinkedHashMap<>();
    List<TNode> targets = new ArrayList<>();
    for (String key : functions) {
      TNode.TMap fn = all.map(key);
      if (fn.get("name").isPresent() && !perFunction) {
        groups.add(logGroupName(fn.get("name").get()));
      } else if (perFunction) {
        groups.add(
            logGroupName(fn.get("name").orElse(scalar(service.functionName(key, fn), fn.line()))));
      } else {
        canonical = true;
      }
      traced |= service.tracing(fn).isPresent();
      vpc |= fn.get("vpc").isPresent();
      for (TNode event : fn.get("events").map(TNode::items).orElse(List.of())) {
        ServiceFunctions.poll(event)
            .ifPresent(
                p -> {
                  eventArns.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p.arn());
                  p.onFailure().ifPresent(targets::add);
                });
      }
      fn.get("onError").ifPresent(targets::add);
      TNode.TMap destinations = fn.map("destinations");
      destinations.get("onSuccess").ifPresent(d -> targets.add(service.destination(d)));
      destinations.get("onFailure").ifPresent(d -> targets.add(service.destination(d)));
    }
    if (canonical) {
      groups.add(0, scalar("/aws/lambda/" + service.prefix() + "*", line));
    }
    JsonNode logs = rules.path("logs");
    for (JsonNode rule : logs) {
      List<TNode> arns = new ArrayList<>();
      for (TNode group : groups) {
        arns.add(sub(rule.path("resource").asText(), group, line));
      }
      generated.add(statement(texts(rule.path("actions")), arns, line));
    }
    eventArns.forEach(
        (kind, arns) -> {
          JsonNode actions = rules.path("events").path(kind);
          if (!actions.isMissingNode() && seen.add(kind)) {
            generated.add(statement(texts(actions), arns, line));
          }
        });
    if (traced) {
      generated.add(statement(texts(rules.path("tracing")), List.of(scalar("*", line)), line));
    }
    for (TNode target : targets) {
      String kind = target.text().map(ArnKinds::of).orElse(kindOfReference(target));
      JsonNode action = rules.path("targets").path(kind);
      if (!action.isMissingNode()) {
        generated.add(statement(List.of(action.asText()), List.of(target), target.line()));
      }
    }
    List<TNode> policies = new ArrayList<>();
    policies.add(policy(service.prefix() + "-lambda (generated by Serverless)", generated, line));
    TNode.TMap iamRole = provider.map("iam").map("role");
    Optional<TNode> userStatements =
        iamRole.get("statements").or(() -> provider.get("iamRoleStatements"));
    String userName =
        iamRole.get("statements").isPresent()
            ? "provider.iam.role.statements"
            : "provider.iamRoleStatements";
    if (perFunction) {
      TNode.TMap fn = all.map(functions.get(0));
      Optional<TNode> own = fn.get("iamRoleStatements");
      own.ifPresent(
          s ->
              policies.add(
                  policy(
                      "functions." + functions.get(0) + ".iamRoleStatements",
                      s.items(),
                      s.line())));
      boolean inherit =
          fn.text("iamRoleStatementsInherit")
              .or(() -> root.map("custom").map(PLUGIN).text("defaultInherit"))
              .map("true"::equals)
              .orElse(false);
      if (inherit) {
        userStatements.ifPresent(s -> policies.add(policy(userName, s.items(), s.line())));
      }
    } else {
      userStatements.ifPresent(s -> policies.add(policy(userName, s.items(), s.line())));
    }
    List<TNode> managed = new ArrayList<>();
    iamRole
        .get("managedPolicies")
        .or(() -> provider.get("iamManagedPolicies"))
        .ifPresent(m -> managed.addAll(m.items()));
    if (vpc) {
      managed.add(map(line, "Fn::Sub", scalar(rules.path("vpcManagedPolicy").asText(), line)));
    }
    Map<String, TNode> props = new LinkedHashMap<>();
    props.put("Policies", new TNode.TList(policies, line));
    if (!managed.isEmpty()) {
      props.put("ManagedPolicyArns", new TNode.TList(managed, line));
    }
    return map(
        line, "Type", scalar("AWS::IAM::Role", line), "Properties", new TNode.TMap(props, line));
  }

  private static String kindOfReference(TNode target) {
    if (target instanceof TNode.TMap m && m.get("Fn::GetAtt").isPresent()) {
      return "Lambda";
    }
    return "Unknown";
  }

  private static TNode policy(String name, List<TNode> statements, int line) {
    return map(
        line,
        "PolicyName",
        scalar(name, line),
        "PolicyDocument",
        map(
            line,
            "Version",
            scalar("2012-10-17", line),
            "Statement",
            new TNode.TList(statements, line)));
  }

  private static TNode statement(List<String> actions, List<TNode> resources, int line) {
    List<TNode> a = new ArrayList<>();
    actions.forEach(x -> a.add(scalar(x, line)));
    return map(
        line,
        "Effect",
        scalar("Allow", line),
        "Action",
        new TNode.TList(a, line),
        "Resource",
        new TNode.TList(resources, line));
  }

  /** {@code !Sub} of a pattern with {@code ${group}} replaced by a log group name. */
  private static TNode sub(String pattern, TNode group, int line) {
    int at = pattern.indexOf("${group}");
    String head = pattern.substring(0, at);
    String tail = pattern.substring(at + "${group}".length());
    Optional<String> text = group.text();
    if (text.isPresent()) {
      return map(line, "Fn::Sub", scalar(head + text.get() + tail, line));
    }
    return join(line, map(line, "Fn::Sub", scalar(head, line)), group, scalar(tail, line));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
