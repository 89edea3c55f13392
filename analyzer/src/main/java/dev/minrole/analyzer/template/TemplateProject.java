package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One template, read and resolved: its functions and the problems found in it. A template that
 * cannot be parsed has no functions and an error finding.
 */
public record TemplateProject(
    Optional<Template> template,
    Optional<TemplateResolver> resolver,
    List<TemplateFunction> functions,
    List<Finding> findings) {
  public TemplateProject {
    functions = List.copyOf(functions);
    findings = List.copyOf(findings);
  }

  public static TemplateProject load(
      Path file, String displayPath, TemplateResolver.Options options) {
    TemplateParser.Parsed parsed = new TemplateParser().parse(file, displayPath);
    List<Finding> findings = new ArrayList<>(parsed.findings());
    if (parsed.root().isEmpty()) {
      return new TemplateProject(Optional.empty(), Optional.empty(), List.of(), findings);
    }
    Template template = new Template(file, displayPath, (TNode.TMap) parsed.root().get());
    TemplateResolver resolver = new TemplateResolver(template, options, ResourceTypes.bundled());
    List<TemplateFunction> functions = new FunctionReader(resolver).functions();
    findings.addAll(resolver.findings());
    return new TemplateProject(Optional.of(template), Optional.of(resolver), functions, findings);
  }
}
