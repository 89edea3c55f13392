package dev.minrole.analyzer.serverless;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.template.FunctionReader;
import dev.minrole.analyzer.template.ResourceTypes;
import dev.minrole.analyzer.template.TNode;
import dev.minrole.analyzer.template.Template;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.analyzer.template.TemplateParser;
import dev.minrole.analyzer.template.TemplateProject;
import dev.minrole.analyzer.template.TemplateResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code serverless.yml} (Serverless Framework v3 or v4) read as the template it deploys: its
 * variables resolved ({@link ServerlessVariables}), compiled to CloudFormation ({@link
 * ServerlessCompiler}), and read with the template readers, so its functions get the same
 * per-function model as a SAM template's, each named by its key in {@code functions}.
 */
public final class ServerlessProject {
  private ServerlessProject() {}

  /**
   * Reads {@code file}; {@code env} is what {@code ${env:X}} resolves to (the {@code --env}
   * values).
   */
  public static TemplateProject load(
      Path file, String displayPath, TemplateResolver.Options options, Map<String, String> env) {
    TemplateParser.Parsed parsed = new TemplateParser().parse(file, displayPath);
    List<Finding> findings = new ArrayList<>(parsed.findings());
    if (parsed.root().isEmpty() || !(parsed.root().get() instanceof TNode.TMap raw)) {
      if (parsed.root().isPresent()) {
        findings.add(
            Finding.error(
                "TEMPLATE_ERROR",
                displayPath + " is not a mapping of service, provider and functions",
                SourceLocation.of(displayPath, 1)));
      }
      return new TemplateProject(Optional.empty(), Optional.empty(), List.of(), findings);
    }
    ServerlessVariables variables =
        new ServerlessVariables(
            raw,
            file,
            displayPath,
            new ServerlessVariables.Options(
                options.parameters(), env, options.region(), options.account()));
    String stage = variables.stage();
    TNode.TMap resolved = (TNode.TMap) variables.resolve(raw);
    findings.addAll(variables.findings());
    ServerlessCompiler compiler = new ServerlessCompiler(resolved, stage);
    TNode.TMap compiled = compiler.template();
    Template template = new Template(file, displayPath, compiled);
    TemplateResolver resolver = new TemplateResolver(template, options, ResourceTypes.bundled());
    List<TemplateFunction> functions = new ArrayList<>();
    for (TemplateFunction f : new FunctionReader(resolver).functions()) {
      String key = compiler.functionNames().get(f.logicalId());
      functions.add(key == null ? f : f.named(key));
    }
    findings.addAll(resolver.findings());
    return new TemplateProject(Optional.of(template), Optional.of(resolver), functions, findings);
  }
}
