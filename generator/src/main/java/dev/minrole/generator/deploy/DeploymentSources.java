package dev.minrole.generator.deploy;

import dev.minrole.analyzer.template.TemplateDiscovery;
import dev.minrole.analyzer.template.TemplateResolver;
import dev.minrole.analyzer.terraform.TerraformConfig;
import dev.minrole.generator.synth.ArnContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the infrastructure code of an application directory: a SAM or CloudFormation template or
 * {@code cdk.out} ({@link TemplateDiscovery}); a Terraform configuration in the directory itself or
 * in {@code infra/}, {@code terraform/} or {@code deploy/}; a {@code serverless.yml} or {@code
 * serverless.yaml}. What the user names ({@code --template}, {@code --terraform}, {@code
 * --terraform-plan}, {@code --serverless}) replaces the search.
 */
public final class DeploymentSources {
  private static final List<String> TERRAFORM_DIRECTORIES = List.of("infra", "terraform", "deploy");
  private static final List<String> SERVERLESS = List.of("serverless.yml", "serverless.yaml");

  /** What the user named, and how values are resolved. */
  public record Options(
      Optional<Path> template,
      Optional<Path> terraform,
      Optional<Path> terraformPlan,
      Optional<Path> serverless,
      TemplateResolver.Options resolve,
      ArnContext context) {
    /** True if the user named some infrastructure code, so nothing is searched for. */
    public boolean named() {
      return template.isPresent()
          || terraform.isPresent()
          || terraformPlan.isPresent()
          || serverless.isPresent();
    }
  }

  private DeploymentSources() {}

  /**
   * The infrastructure code in {@code directory} (the first source path), or what the user named;
   * {@code display} turns a path into how messages name it.
   */
  public static List<DeploymentSource> find(
      Path directory, Options options, java.util.function.Function<Path, String> display) {
    List<DeploymentSource> out = new ArrayList<>();
    if (options.named()) {
      options.template().ifPresent(t -> out.add(template(t, options, display)));
      options
          .terraform()
          .ifPresent(
              d ->
                  out.add(
                      TerraformSource.load(
                          d, display.apply(d), options.resolve().parameters(), options.context())));
      options
          .terraformPlan()
          .ifPresent(p -> out.add(TerraformSource.plan(p, display.apply(p), options.context())));
      options
          .serverless()
          .ifPresent(
              s ->
                  out.add(
                      CloudFormationSource.serverless(
                          s, display.apply(s), options.resolve(), options.context())));
      return out;
    }
    for (Path template : TemplateDiscovery.in(directory)) {
      out.add(template(template, options, display));
    }
    terraformDirectory(directory)
        .ifPresent(
            d ->
                out.add(
                    TerraformSource.load(
                        d, display.apply(d), options.resolve().parameters(), options.context())));
    for (String name : SERVERLESS) {
      Path file = directory.resolve(name);
      if (java.nio.file.Files.isRegularFile(file)) {
        out.add(
            CloudFormationSource.serverless(
                file, display.apply(file), options.resolve(), options.context()));
        break;
      }
    }
    return out;
  }

  private static DeploymentSource template(
      Path file, Options options, java.util.function.Function<Path, String> display) {
    return CloudFormationSource.load(
        file, display.apply(file), options.resolve(), options.context());
  }

  /** The directory itself when it holds {@code .tf} files, else a conventional subdirectory. */
  static Optional<Path> terraformDirectory(Path directory) {
    if (TerraformConfig.isConfiguration(directory)) {
      return Optional.of(directory);
    }
    for (String name : TERRAFORM_DIRECTORIES) {
      Path candidate = directory.resolve(name);
      if (TerraformConfig.isConfiguration(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
