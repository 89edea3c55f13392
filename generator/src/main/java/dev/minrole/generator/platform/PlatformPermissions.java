package dev.minrole.generator.platform;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.template.Destination;
import dev.minrole.analyzer.template.EventSource;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.analyzer.template.TemplateValue;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.Condition;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The permissions Lambda needs from a function's role for what the template configures: writing the
 * function's logs, reading its poll-based event sources, network interfaces in a VPC, X-Ray traces,
 * dead-letter queues and destinations, the environment's KMS key, and EFS mounts. The actions come
 * from {@code platform.yaml}; each permission carries platform evidence and the template property
 * that needs it.
 */
public final class PlatformPermissions {
  private final IamCatalog catalog;
  private final ArnContext context;
  private final PlatformRules rules;

  public PlatformPermissions(IamCatalog catalog, ArnContext context) {
    this.catalog = catalog;
    this.context = context;
    this.rules = PlatformRules.bundled();
  }

  /** The platform rules, for the checks that need them beyond one function's template. */
  public static PlatformRules rules() {
    return PlatformRules.bundled();
  }

  /** What the platform needs for a function, and what could not be resolved. */
  public record Result(List<Permission> permissions, List<Finding> findings) {}

  public Result of(TemplateFunction function) {
    List<Permission> out = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    logs(function, out);
    boolean vpc = function.vpc();
    for (EventSource source : function.eventSources()) {
      Optional<PlatformRules.EventSourceRule> rule = rules.eventSource(source.kind());
      if (rule.isEmpty()) {
        findings.add(
            Finding.warning(
                "UNMAPPED_OPERATION",
                function.logicalId()
                    + " reads a "
                    + source.kind()
                    + " event source, whose permissions minrole does not know; add them by hand",
                source.source().location()));
        continue;
      }
      String reason =
          "Lambda reads the "
              + source.kind()
              + " event source of "
              + function.logicalId()
              + " with the function's role";
      readSource(out, findings, rule.get(), source.source(), reason, function);
      source.key().ifPresent(key -> eventSourceKey(key, source.kind(), function, out));
      vpc |= rule.get().also().contains("vpc");
    }
    if (vpc) {
      PlatformRules.Rule rule = rules.vpc();
      SourceLocation where = function.vpcLocation().orElse(function.location());
      for (String action : rule.actions()) {
        out.add(platform(action, "*", rule.reason(), where, "VpcConfig"));
      }
    }
    if (function.activeTracing()) {
      PlatformRules.Rule rule = rules.xray();
      SourceLocation where = function.tracingLocation().orElse(function.location());
      for (String action : rule.actions()) {
        out.add(platform(action, "*", rule.reason(), where, "Tracing: Active"));
      }
    }
    for (Destination destination : function.destinations()) {
      Optional<List<String>> kinds = rules.destinations().of(destination.kind());
      if (kinds.isEmpty()) {
        findings.add(
            Finding.warning(
                "UNRESOLVED_RESOURCE",
                "the "
                    + destination.purpose()
                    + " of "
                    + function.logicalId()
                    + " is not a queue, topic, function, event bus or bucket minrole can recognize; add its permission by hand",
                destination.target().location()));
        continue;
      }
      add(
          out,
          findings,
          kinds.get(),
          destination.target(),
          "Lambda sends to the " + destination.purpose() + " with the function's role",
          function);
    }
    function
        .kmsKey()
        .ifPresent(
            key ->
                add(
                    out,
                    findings,
                    rules.kms().actions(),
                    key,
                    "Lambda decrypts the environment variables with this customer managed key",
                    function));
    for (TemplateValue fs : function.fileSystems()) {
      fileSystem(fs, function, out, findings);
    }
    return new Result(out, findings);
  }

  /**
   * The source's actions on the source; for a source named through its sub-resource (a stream
   * consumer's ARN), the source's actions on the part of the ARN before the marker (the stream) and
   * the sub-resource's actions on the whole ARN.
   */
  private void readSource(
      List<Permission> out,
      List<Finding> findings,
      PlatformRules.EventSourceRule rule,
      TemplateValue source,
      String reason,
      TemplateFunction function) {
    if (rule.through().isEmpty()) {
      add(out, findings, rule.actions(), source, reason, function);
      return;
    }
    PlatformRules.SubResource sub = rule.through().get();
    List<ArgValue> sources = new ArrayList<>();
    List<ArgValue> subs = new ArrayList<>();
    for (ArgValue value : source.values()) {
      String arn = value.pattern();
      int at = arn.indexOf(sub.marker());
      if (arn.startsWith("arn:") && at > 0) {
        sources.add(ArgValue.literal(arn.substring(0, at)));
        subs.add(value);
      } else {
        sources.add(value);
      }
    }
    add(
        out,
        findings,
        rule.actions(),
        new TemplateValue(sources, source.location(), source.path()),
        reason,
        function);
    add(
        out,
        findings,
        sub.actions(),
        new TemplateValue(subs, source.location(), source.path()),
        reason + ", through its " + sub.what(),
        function);
  }

  /**
   * {@code kms:Decrypt} on the customer managed key of an encrypted queue or stream Lambda reads.
   */
  private void eventSourceKey(
      TemplateValue key, String kind, TemplateFunction function, List<Permission> out) {
    PlatformRules.Rule rule = rules.eventSourceKeys();
    String reason =
        "Lambda reads the "
            + kind
            + " event source of "
            + function.logicalId()
            + ", which the template encrypts with a customer managed KMS key, with the function's role";
    for (ArgValue value : key.values()) {
      KmsKeys.arn(
              value, context.partition(), context.regionOrWildcard(), context.accountOrWildcard())
          .ifPresent(
              arn ->
                  rule.actions()
                      .forEach(a -> out.add(platform(a, arn, reason, key.location(), key.path()))));
    }
  }

  /**
   * EFS authorizes {@code ClientMount} and {@code ClientWrite} on the file system only; a function
   * that mounts an access point gets them on the file systems of its region and account, limited by
   * the access point's ARN in a condition.
   */
  private void fileSystem(
      TemplateValue fs, TemplateFunction function, List<Permission> out, List<Finding> findings) {
    PlatformRules.Efs rule = rules.efs();
    String reason = "Lambda mounts this EFS file system for the function";
    String marker = ":" + rule.accessPoint() + "/";
    for (ArgValue value : fs.values()) {
      String arn = value.pattern();
      int at = arn.indexOf(marker);
      if (!arn.startsWith("arn:") || at < 0) {
        add(
            out,
            findings,
            rule.actions(),
            new TemplateValue(List.of(value), fs.location(), fs.path()),
            reason,
            function);
        continue;
      }
      String fileSystems = arn.substring(0, at) + ":" + rule.fileSystem() + "/*";
      Condition onlyThere =
          new Condition(
              arn.contains("*") ? "StringLike" : "StringEquals", rule.conditionKey(), List.of(arn));
      for (String action : rule.actions()) {
        out.add(
            new Permission(
                action,
                fileSystems,
                List.of(onlyThere),
                List.of(
                    new Evidence.Platform(reason + " through access point " + arn),
                    new Evidence.Template(fs.location(), fs.path()))));
      }
    }
  }

  /** Log writing, and creating the group when the template does not declare it. */
  private void logs(TemplateFunction function, List<Permission> out) {
    PlatformRules.Logs logs = rules.logs();
    List<String> groups = new ArrayList<>();
    SourceLocation where = function.location();
    String path = "Resources." + function.logicalId();
    if (function.logGroup().isPresent()) {
      function.logGroup().get().values().forEach(v -> groups.add(v.pattern()));
      where = function.logGroup().get().location();
      path = function.logGroup().get().path();
    } else {
      function.functionName().forEach(n -> groups.add("/aws/lambda/" + n.pattern()));
    }
    for (String group : groups) {
      String groupArn = context.logGroupArn(group);
      if (!function.logGroupDeclared()) {
        for (String action : logs.createGroup().actions()) {
          out.add(
              platform(
                  action,
                  groupArn,
                  "Lambda creates the function's log group on first use, as the template does not declare it",
                  where,
                  path));
        }
      }
      for (String action : logs.write().actions()) {
        out.add(
            platform(
                action,
                groupArn + ":log-stream:*",
                "Lambda writes the function's logs",
                where,
                path));
      }
    }
  }

  private void add(
      List<Permission> out,
      List<Finding> findings,
      List<String> actions,
      TemplateValue target,
      String reason,
      TemplateFunction function) {
    for (ArgValue value : target.values()) {
      String resource = value.pattern();
      if (!resource.startsWith("arn:")) {
        findings.add(
            Finding.warning(
                "UNRESOLVED_RESOURCE",
                function.logicalId()
                    + ": "
                    + reason
                    + ", but its ARN ("
                    + value.describe()
                    + ") is not known; the policy uses a wildcard."
                    + " Reference the resource in the template, or pass --parameter",
                target.location()));
        resource = "*";
      }
      for (String action : actions) {
        if (catalog.action(action).map(a -> !a.supportsResourceLevel()).orElse(false)) {
          out.add(platform(action, "*", reason, target.location(), target.path()));
        } else {
          out.add(platform(action, resource, reason, target.location(), target.path()));
        }
      }
    }
  }

  private Permission platform(
      String action, String resource, String reason, SourceLocation where, String path) {
    return new Permission(
        action,
        resource,
        List.of(),
        List.of(new Evidence.Platform(reason), new Evidence.Template(where, path)));
  }
}
