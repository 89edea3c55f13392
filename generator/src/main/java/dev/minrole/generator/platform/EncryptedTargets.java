package dev.minrole.generator.platform;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.template.ResourceTypes;
import dev.minrole.analyzer.template.TNode;
import dev.minrole.analyzer.template.TemplateResolver;
import dev.minrole.analyzer.template.TemplateResource;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A queue or topic the code writes to that the template encrypts with a customer managed KMS key
 * ({@code KmsMasterKeyId}): sending to it needs {@code kms:GenerateDataKey} and {@code kms:Decrypt}
 * on that key. AWS managed keys ({@code alias/aws/sqs}) need nothing in the role.
 */
public final class EncryptedTargets {
  private final TemplateResolver resolver;
  private final PlatformRules.EncryptedTargetsRule rule;

  public EncryptedTargets(TemplateResolver resolver, PlatformRules platformRules) {
    this.resolver = resolver;
    this.rule = platformRules.encryptedTargets();
  }

  public List<Permission> of(SdkCall call, String action) {
    if (!rule.writes().contains(action)) {
      return List.of();
    }
    List<Permission> out = new ArrayList<>();
    for (ArgValue arg : call.args().values()) {
      if (!(arg instanceof ArgValue.TemplateRef ref) || !rule.types().contains(ref.cfnType())) {
        continue;
      }
      Optional<ResourceTypes.Spec> spec = ResourceTypes.bundled().of(ref.cfnType());
      Optional<TemplateResource> target = resolver.template().resource(ref.logicalId());
      Optional<TNode> key = spec.flatMap(s -> target.flatMap(s::encryptionKeyOf));
      if (key.isEmpty()) {
        continue;
      }
      TemplateResolver.Options deployment = resolver.options();
      for (ArgValue k : resolver.resolve(key.get())) {
        Optional<String> arn =
            KmsKeys.arn(
                k,
                deployment.partition(),
                deployment.region().orElse("*"),
                deployment.account().orElse("*"));
        if (arn.isEmpty()) {
          continue;
        }
        String keyArn = arn.get();
        String reason =
            ref.logicalId()
                + " is encrypted with the customer managed key "
                + k.describe()
                + ", so writing to it needs the key";
        for (String kmsAction : rule.actions()) {
          out.add(
              new Permission(
                  kmsAction,
                  keyArn,
                  List.of(),
                  List.of(
                      new Evidence.Platform(reason),
                      new Evidence.Template(
                          resolver.template().location(key.get()),
                          "Resources."
                              + ref.logicalId()
                              + ".Properties."
                              + spec.get().encryptionKey().orElseThrow()),
                      new Evidence.Code(call.site(), call.detail()))));
        }
      }
    }
    return out;
  }
}
