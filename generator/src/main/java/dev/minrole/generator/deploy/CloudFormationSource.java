package dev.minrole.generator.deploy;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.serverless.ServerlessProject;
import dev.minrole.analyzer.template.TemplateChecks;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.analyzer.template.TemplateProject;
import dev.minrole.analyzer.template.TemplateResolver;
import dev.minrole.generator.current.TemplateRoles;
import dev.minrole.generator.declared.DeclaredPolicies;
import dev.minrole.generator.platform.ResourceKeys;
import dev.minrole.generator.render.TemplateArns;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.Deployment;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.TemplateReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SAM or CloudFormation template (or a synthesized CDK stack) as a deployment source; also a
 * {@code serverless.yml}, read as the template the Serverless Framework deploys ({@link
 * ServerlessProject}).
 */
public final class CloudFormationSource implements DeploymentSource {
  private final Path file;
  private final String displayPath;
  private final TemplateProject project;
  private final ArnContext context;
  private final Deployment.Source kind;
  private final Map<String, List<Finding>> checks;
  private List<TemplateReference> references;

  private CloudFormationSource(
      Path file,
      String displayPath,
      TemplateProject project,
      ArnContext context,
      Deployment.Source kind) {
    this.file = file;
    this.displayPath = displayPath;
    this.project = project;
    this.context = context;
    this.kind = kind;
    this.checks =
        project.template().map(t -> TemplateChecks.check(t, project.functions())).orElse(Map.of());
  }

  public static CloudFormationSource load(
      Path file, String displayPath, TemplateResolver.Options options, ArnContext context) {
    return new CloudFormationSource(
        file,
        displayPath,
        TemplateProject.load(file, displayPath, options),
        context,
        Deployment.Source.CLOUDFORMATION);
  }

  /**
   * A {@code serverless.yml}: {@code ${env:X}} resolves to {@code --env} values, {@code
   * ${opt:stage}} to {@code --parameter stage=...}.
   */
  public static CloudFormationSource serverless(
      Path file, String displayPath, TemplateResolver.Options options, ArnContext context) {
    return new CloudFormationSource(
        file,
        displayPath,
        ServerlessProject.load(file, displayPath, options, context.env()),
        context,
        Deployment.Source.SERVERLESS);
  }

  @Override
  public String displayPath() {
    return displayPath;
  }

  @Override
  public Path directory() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? file.toAbsolutePath() : parent;
  }

  @Override
  public boolean readable() {
    return project.template().isPresent();
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
    return checks;
  }

  @Override
  public Deployment deployment(TemplateFunction function) {
    if (references == null) {
      references = TemplateArns.of(resolver());
    }
    return Deployment.of(kind, function.logicalId(), TemplateRoles.of(function), references);
  }

  @Override
  public DeclaredPolicies.Declared declared(TemplateFunction function) {
    return DeclaredPolicies.of(function, resolver(), context);
  }

  @Override
  public ResourceKeys.Result resourceKeys(
      List<SdkCall> calls, java.util.function.Function<SdkCall, List<Permission>> needs) {
    return ResourceKeys.bundled(Optional.of(resolver()), context).of(calls, needs);
  }

  private TemplateResolver resolver() {
    return project.resolver().orElseThrow();
  }
}
