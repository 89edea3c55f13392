package dev.minrole.generator.platform;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.template.ResourceTypes;
import dev.minrole.analyzer.template.TNode;
import dev.minrole.analyzer.template.TemplateResolver;
import dev.minrole.analyzer.template.TemplateResource;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.Condition;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.Permission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Permissions that come from how a resource is configured: when the template shows that a queue,
 * topic, secret, bucket, table or stream the code uses is encrypted with a customer managed KMS
 * key, using it needs KMS actions on that key, through the resource's service only ({@code
 * kms:ViaService}); the rules are {@link KeyRules}. When minrole cannot see how a resource is
 * encrypted (no template, a resource the template does not declare, an SSM SecureString), a {@code
 * CUSTOMER_KEY_UNKNOWN} finding names what a customer managed key would need, and nothing is added.
 */
public final class ResourceKeys {
  private final KeyRules rules;
  private final Optional<TemplateResolver> resolver;
  private final ArnContext context;

  /** The key permissions of a function's calls, and the findings about keys minrole cannot see. */
  public record Result(List<Permission> permissions, List<Finding> findings) {
    public Result {
      permissions = List.copyOf(permissions);
      findings = List.copyOf(findings);
    }
  }

  /** {@code resolver} is the function's template, empty for a function known only from code. */
  public ResourceKeys(KeyRules rules, Optional<TemplateResolver> resolver, ArnContext context) {
    this.rules = rules;
    this.resolver = resolver;
    this.context = context;
  }

  public static ResourceKeys bundled(Optional<TemplateResolver> resolver, ArnContext context) {
    return new ResourceKeys(KeyRules.bundled(), resolver, context);
  }

  /** What the keys of the resources {@code calls} use need; {@code needs} maps a call's actions. */
  public Result of(List<SdkCall> calls, Function<SdkCall, List<Permission>> needs) {
    List<Permission> permissions = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    for (SdkCall call : calls) {
      for (Permission needed : needs.apply(call)) {
        for (KeyRules.Rule rule : rules.forAction(needed.action())) {
          List<String> kms = kmsActions(rule, needed.action(), call);
          if (kms.isEmpty()) {
            continue;
          }
          if (rule.type().isEmpty()) {
            report(
                call,
                needed,
                rule,
                kms,
                "minrole cannot see which key it uses",
                reported,
                findings);
            continue;
          }
          List<ArgValue.TemplateRef> targets = targets(call, rule.type(), needed.resource());
          if (resolver.isEmpty() || targets.isEmpty()) {
            String why =
                resolver.isEmpty()
                    ? "no template shows how it is encrypted"
                    : "the call names no " + rule.what() + " the template declares";
            report(call, needed, rule, kms, why, reported, findings);
            continue;
          }
          for (ArgValue.TemplateRef target : targets) {
            keyPermissions(call, needed, rule, kms, target, permissions);
          }
        }
      }
    }
    return new Result(permissions, findings);
  }

  /** The KMS actions the rule's uses of an action need for this call, in data order. */
  private static List<String> kmsActions(KeyRules.Rule rule, String action, SdkCall call) {
    Set<String> out = new LinkedHashSet<>();
    for (KeyRules.Use use : rule.usesFor(action, call.operation())) {
      if (applies(use.when(), call)) {
        out.addAll(use.kms());
      }
    }
    return List.copyOf(out);
  }

  /** True if the call may set every member as the use needs; an unknown value may. */
  private static boolean applies(Map<String, String> when, SdkCall call) {
    for (Map.Entry<String, String> condition : when.entrySet()) {
      Optional<ArgValue> value = call.arg(condition.getKey());
      if (value.isEmpty()
          || (value.get().isKnown() && !value.get().pattern().equals(condition.getValue()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The template resources of the rule's type the call names; where it names several (a copy's
   * source and destination), those whose name the needed resource holds.
   */
  private static List<ArgValue.TemplateRef> targets(SdkCall call, String type, String resource) {
    List<ArgValue.TemplateRef> all = new ArrayList<>();
    for (ArgValue arg : call.args().values()) {
      if (arg instanceof ArgValue.TemplateRef ref
          && ref.cfnType().equals(type)
          && all.stream().noneMatch(r -> r.logicalId().equals(ref.logicalId()))) {
        all.add(ref);
      }
    }
    if (all.size() < 2) {
      return all;
    }
    List<ArgValue.TemplateRef> named = all.stream().filter(r -> namedIn(r, resource)).toList();
    return named.isEmpty() ? all : named;
  }

  private static boolean namedIn(ArgValue.TemplateRef ref, String resource) {
    String name = ref.pattern();
    int slash = name.lastIndexOf('/');
    String last = slash < 0 ? name : name.substring(slash + 1);
    return !last.isEmpty() && !last.equals("*") && resource.contains(last);
  }

  private void keyPermissions(
      SdkCall call,
      Permission needed,
      KeyRules.Rule rule,
      List<String> kms,
      ArgValue.TemplateRef target,
      List<Permission> out) {
    TemplateResolver template = resolver.orElseThrow();
    Optional<ResourceTypes.Spec> spec = ResourceTypes.bundled().of(target.cfnType());
    Optional<TemplateResource> resource = template.template().resource(target.logicalId());
    Optional<TNode> key = spec.flatMap(s -> resource.flatMap(s::encryptionKeyOf));
    if (key.isEmpty()) {
      return;
    }
    String path =
        "Resources."
            + target.logicalId()
            + ".Properties."
            + spec.get().encryptionKey().orElseThrow();
    Condition through =
        new Condition("StringLike", "kms:ViaService", List.of(viaService(rule, needed)));
    for (ArgValue k : template.resolve(key.get())) {
      Optional<String> arn =
          KmsKeys.arn(
              k, context.partition(), context.regionOrWildcard(), context.accountOrWildcard());
      if (arn.isEmpty()) {
        continue;
      }
      String reason =
          target.logicalId()
              + " is encrypted with the customer managed key "
              + k.describe()
              + ", so "
              + needed.action()
              + " on it needs the key";
      for (String action : kms) {
        out.add(
            new Permission(
                action,
                arn.get(),
                List.of(through),
                List.of(
                    new Evidence.Platform(reason),
                    new Evidence.Template(template.template().location(key.get()), path),
                    new Evidence.Code(call.site(), call.detail()))));
      }
    }
  }

  /**
   * The endpoint the service calls KMS from: in the resource's region (a queue in another region is
   * encrypted there), else the function's.
   */
  private String viaService(KeyRules.Rule rule, Permission needed) {
    String[] arn = needed.resource().split(":", 5);
    String region =
        arn.length == 5 && !arn[3].isEmpty() && !arn[3].contains("*")
            ? arn[3]
            : context.regionOrWildcard();
    return rule.service() + "." + region + ".amazonaws.com";
  }

  private void report(
      SdkCall call,
      Permission needed,
      KeyRules.Rule rule,
      List<String> kms,
      String why,
      Set<String> reported,
      List<Finding> out) {
    if (!reported.add(rule.what() + " " + needed.resource() + " " + kms)) {
      return;
    }
    out.add(
        Finding.info(
            "CUSTOMER_KEY_UNKNOWN",
            call.detail()
                + " needs "
                + needed.action()
                + " on "
                + needed.resource()
                + ": if the "
                + rule.what()
                + " is encrypted with a customer managed KMS key, the role also needs "
                + String.join(" and ", kms)
                + " on that key (kms:ViaService "
                + viaService(rule, needed)
                + "), but "
                + why
                + ". Add them by hand if it is",
            call.site()));
  }
}
