package dev.minrole.generator.deploy;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.template.RoleRef;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.analyzer.terraform.ResourceInstance;
import dev.minrole.analyzer.terraform.TerraformEvaluator;
import dev.minrole.analyzer.terraform.TerraformPlan;
import dev.minrole.analyzer.terraform.TerraformProject;
import dev.minrole.analyzer.terraform.TfValue;
import dev.minrole.generator.declared.DeclaredPolicies;
import dev.minrole.generator.platform.KeyRules;
import dev.minrole.generator.platform.KmsKeys;
import dev.minrole.generator.platform.ResourceKeys;
import dev.minrole.generator.render.TerraformArns;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.Condition;
import dev.minrole.generator.synth.CurrentRole;
import dev.minrole.generator.synth.Deployment;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.TemplateReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Terraform configuration (the {@code .tf} files of a directory, with its local modules) as a
 * deployment source. Its role is the {@code aws_iam_role} the function's {@code role} names, known
 * by its address ({@code aws_iam_role.shipping}).
 */
public final class TerraformSource implements DeploymentSource {
  /** The CloudFormation types of resource-keys.yaml that Terraform resources of these types are. */
  private static final java.util.Map<String, String> ENCRYPTABLE =
      java.util.Map.of("AWS::SQS::Queue", "aws_sqs_queue", "AWS::SNS::Topic", "aws_sns_topic");

  private final Path directory;
  private final String displayPath;
  private final TerraformProject project;
  private final ArnContext context;
  private List<TemplateReference> references;

  TerraformSource(
      Path directory, String displayPath, TerraformProject project, ArnContext context) {
    this.directory = directory;
    this.displayPath = displayPath;
    this.project = project;
    this.context = context;
  }

  /** Reads the configuration in {@code directory}, named {@code displayPath} in messages. */
  public static TerraformSource load(
      Path directory, String displayPath, Map<String, String> parameters, ArnContext context) {
    TerraformEvaluator.Options options =
        new TerraformEvaluator.Options(
            parameters, context.region(), context.account(), context.partition());
    return new TerraformSource(
        directory, displayPath, TerraformProject.load(directory, displayPath, options), context);
  }

  /** Reads a plan ({@code terraform show -json}), named {@code displayPath} in messages. */
  public static TerraformSource plan(Path file, String displayPath, ArnContext context) {
    TerraformEvaluator.Options options =
        new TerraformEvaluator.Options(
            Map.of(), context.region(), context.account(), context.partition());
    Path parent = file.toAbsolutePath().getParent();
    return new TerraformSource(
        parent == null ? file : parent,
        displayPath,
        TerraformPlan.load(file, displayPath, options),
        context);
  }

  public TerraformProject project() {
    return project;
  }

  @Override
  public String displayPath() {
    return displayPath.isEmpty() ? "." : displayPath;
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public boolean readable() {
    return !project.resources().all().isEmpty()
        || project.root().config().files().stream().anyMatch(f -> !f.blocks().isEmpty());
  }

  @Override
  public List<Finding> findings() {
    return project.findings();
  }

  @Override
  public List<TemplateFunction> functions() {
    return project.functions();
  }

  @Override
  public Map<String, List<Finding>> checks() {
    return project.checks();
  }

  @Override
  public Deployment deployment(TemplateFunction function) {
    if (references == null) {
      references = TerraformArns.of(project, context);
    }
    return Deployment.of(
        Deployment.Source.TERRAFORM, function.logicalId(), role(function), references);
  }

  /** The role by its address, with its ARN when its name is known. */
  private Optional<CurrentRole> role(TemplateFunction function) {
    if (function.role() instanceof RoleRef.Resource r) {
      List<String> arns = new ArrayList<>();
      for (ResourceInstance role : project.resources().at(r.logicalId())) {
        TfValue arn = project.resources().attribute(role, "arn");
        arn.strings().stream().map(ArgValue::pattern).filter(a -> !a.isEmpty()).forEach(arns::add);
      }
      return Optional.of(
          new CurrentRole(Optional.of(r.logicalId()), false, arns.stream().distinct().toList()));
    }
    if (function.role() instanceof RoleRef.External e) {
      return Optional.of(
          CurrentRole.arn(e.arn().stream().map(ArgValue::pattern).distinct().sorted().toList()));
    }
    return Optional.empty();
  }

  @Override
  public DeclaredPolicies.Declared declared(TemplateFunction function) {
    return DeclaredPolicies.evaluated(function, context);
  }

  /**
   * The KMS actions {@code resource-keys.yaml} gives for using a queue or topic of the
   * configuration encrypted with a customer managed key ({@code kms_master_key_id}), on that key,
   * through the service ({@code kms:ViaService}).
   */
  @Override
  public ResourceKeys.Result resourceKeys(
      List<SdkCall> calls, java.util.function.Function<SdkCall, List<Permission>> needs) {
    List<Permission> out = new ArrayList<>();
    for (SdkCall call : calls) {
      for (Permission needed : needs.apply(call)) {
        for (KeyRules.Rule rule : KeyRules.bundled().forAction(needed.action())) {
          String tfType = ENCRYPTABLE.get(rule.type());
          if (tfType != null) {
            out.addAll(keyPermissions(call, needed, rule, tfType));
          }
        }
      }
    }
    return new ResourceKeys.Result(out, List.of());
  }

  private List<Permission> keyPermissions(
      SdkCall call, Permission needed, KeyRules.Rule rule, String tfType) {
    List<String> kms = new ArrayList<>();
    rule.usesFor(needed.action(), call.operation()).forEach(u -> kms.addAll(u.kms()));
    List<Permission> out = new ArrayList<>();
    for (ResourceInstance target : project.resources().all()) {
      if (!target.type().equals(tfType) || target.get("kms_master_key_id").isNull()) {
        continue;
      }
      TfValue arn = project.resources().attribute(target, "arn");
      if (arn.strings().stream().noneMatch(a -> a.pattern().equals(needed.resource()))) {
        continue;
      }
      String[] parts = needed.resource().split(":", 5);
      String region = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "*";
      Condition through =
          new Condition(
              "StringLike",
              "kms:ViaService",
              List.of(rule.service() + "." + region + ".amazonaws.com"));
      for (ArgValue k : target.get("kms_master_key_id").strings()) {
        Optional<String> keyArn =
            KmsKeys.arn(
                k, context.partition(), context.regionOrWildcard(), context.accountOrWildcard());
        if (keyArn.isEmpty()) {
          continue;
        }
        String reason =
            target.instanceAddress()
                + " is encrypted with the customer managed key "
                + k.describe()
                + ", so "
                + needed.action()
                + " on it needs the key";
        for (String action : new java.util.LinkedHashSet<>(kms)) {
          out.add(
              new Permission(
                  action,
                  keyArn.get(),
                  List.of(through),
                  List.of(
                      new Evidence.Platform(reason),
                      new Evidence.Template(
                          target.locationOf("kms_master_key_id"),
                          target.instanceAddress() + ".kms_master_key_id"),
                      new Evidence.Code(call.site(), call.detail()))));
        }
      }
    }
    return out;
  }
}
