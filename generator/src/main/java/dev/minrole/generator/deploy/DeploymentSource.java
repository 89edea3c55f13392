package dev.minrole.generator.deploy;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.generator.declared.DeclaredPolicies;
import dev.minrole.generator.platform.ResourceKeys;
import dev.minrole.generator.synth.Deployment;
import dev.minrole.generator.synth.Permission;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Infrastructure code that declares Lambda functions: a SAM or CloudFormation template (or a CDK
 * app's), a Terraform configuration or plan, a {@code serverless.yml}. Each gives the same
 * per-function model, {@link TemplateFunction} (handler, code, environment, event sources,
 * destinations, VPC, tracing, logs, role), and what the pipeline needs around it: how the function
 * is deployed (its role today, and how the code names its own resources), what its role grants
 * today, and the keys of the encrypted queues and topics it writes to.
 */
public interface DeploymentSource {
  /** How messages name it: {@code template.yaml}, {@code infra}, {@code serverless.yml}. */
  String displayPath();

  /** The directory relative code locations start from. */
  Path directory();

  /** False when nothing could be read (the findings say why). */
  boolean readable();

  /** Problems and notes about the code as a whole. */
  List<Finding> findings();

  /** Its functions, in the order it declares them. */
  List<TemplateFunction> functions();

  /**
   * The security checks of its functions ({@code SHARED_ROLE}, {@code PLAINTEXT_SECRET}) by
   * function logical id, and under {@code ""} those of the code as a whole ({@code
   * HARDCODED_CREDENTIAL}).
   */
  Map<String, List<Finding>> checks();

  /** How {@code function} is deployed: its role today and the code's references. */
  Deployment deployment(TemplateFunction function);

  /** What {@code function}'s role grants today, and what could not be read. */
  DeclaredPolicies.Declared declared(TemplateFunction function);

  /**
   * The KMS permissions the calls need on the customer managed keys of the resources they use, as
   * this code configures them, and findings where a key cannot be seen ({@code
   * resource-keys.yaml}); {@code needs} gives the permissions each call needs.
   */
  ResourceKeys.Result resourceKeys(
      List<SdkCall> calls, java.util.function.Function<SdkCall, List<Permission>> needs);
}
