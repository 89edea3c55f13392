package dev.minrole.cli;

import dev.minrole.analyzer.cloudtrail.TrailProgress;
import dev.minrole.analyzer.java.CredentialScan;
import dev.minrole.analyzer.java.FunctionAnalysis;
import dev.minrole.analyzer.java.JavaProject;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.model.Severity;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.analyzer.template.EnvironmentBinding;
import dev.minrole.analyzer.template.TemplateChecks;
import dev.minrole.analyzer.template.TemplateDiscovery;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.analyzer.template.TemplateProject;
import dev.minrole.analyzer.template.TemplateResolver;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.current.CurrentRoleFindings;
import dev.minrole.generator.current.TemplateRoles;
import dev.minrole.generator.declared.DeclaredPolicies;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.platform.EncryptedTargets;
import dev.minrole.generator.platform.PlatformPermissions;
import dev.minrole.generator.render.TemplateArns;
import dev.minrole.generator.synth.Deployment;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionInput;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
import dev.minrole.generator.synth.TemplateReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generate pipeline: read the template (if there is one) and the sources, analyze each function
 * from its handler, bind its environment, add what the platform needs, and synthesize its policy.
 * Problems with the input as a whole are {@link UsageException}s; findings travel with the result.
 */
final class Pipeline {
  /**
   * Every function's policy, the findings that belong to no single function, and whether some
   * CloudTrail input could not be read completely ({@code --strict} turns that into exit code 6).
   */
  record Result(
      List<FunctionPolicy> functions,
      List<Finding> findings,
      boolean partialInput,
      Map<String, DeclaredPolicies.Declared> declared) {
    Result(List<FunctionPolicy> functions, List<Finding> findings, boolean partialInput) {
      this(functions, findings, partialInput, Map.of());
    }

    Result(List<FunctionPolicy> functions, List<Finding> findings) {
      this(functions, findings, false);
    }
  }

  /**
   * What is known about each function before synthesis, the findings about the input, and what the
   * template grants each template function today ({@code declared}, by input).
   */
  record Inputs(
      List<FunctionInput> functions,
      List<Finding> findings,
      Map<FunctionInput, DeclaredPolicies.Declared> declared) {
    Inputs(List<FunctionInput> functions, List<Finding> findings) {
      this(functions, findings, Map.of());
    }

    /**
     * {@code policy}, the policy of {@code input}, with the findings about the role its template
     * gives it today (WILDCARD_GRANT, OVER_GRANT, BROAD_MANAGED_POLICY).
     */
    FunctionPolicy reviewed(FunctionInput input, FunctionPolicy policy) {
      DeclaredPolicies.Declared current = declared.get(input);
      return current == null
          ? policy
          : policy.withFindings(CurrentRoleFindings.bundled().of(policy, current));
    }
  }

  private final SourceOptions options;
  private final Map<Path, JavaProject> projects = new LinkedHashMap<>();
  private final List<Finding> global = new ArrayList<>();
  private final List<String> withoutFunctions = new ArrayList<>();
  private final Map<FunctionInput, DeclaredPolicies.Declared> declared = new IdentityHashMap<>();
  private final PolicySynthesizer synthesizer;

  private Pipeline(SourceOptions options) {
    this.options = options;
    this.synthesizer =
        new PolicySynthesizer(
            OperationMapper.bundled(), options.arnContext(), options.synthesisOptions());
  }

  /** The policies the functions need, from templates (if any) and code: for diff and tighten. */
  static Result generate(SourceOptions options) {
    return new Pipeline(options).run(false);
  }

  /**
   * {@code minrole generate}: with CloudTrail input, the trail flow; otherwise templates (if any)
   * and code. Template functions also get the findings about the role their template gives them.
   */
  static Result generate(SourceOptions options, TrailOptions trail, TrailProgress progress) {
    if (trail.active() || !trail.roles.roleArns.isEmpty()) {
      return TrailPipeline.generate(options, trail, progress);
    }
    return new Pipeline(options).run(true);
  }

  private Result run(boolean review) {
    Inputs inputs = inputs();
    List<FunctionPolicy> functions = new ArrayList<>();
    Map<String, DeclaredPolicies.Declared> declaredByName = new LinkedHashMap<>();
    for (FunctionInput input : inputs.functions()) {
      FunctionPolicy policy = synthesizer.synthesize(input);
      functions.add(review ? inputs.reviewed(input, policy) : policy);
      DeclaredPolicies.Declared current = inputs.declared().get(input);
      if (current != null) {
        declaredByName.put(policy.name(), current);
      }
    }
    return new Result(functions, inputs.findings(), false, declaredByName);
  }

  /** Reads the templates and sources and gathers what each function needs, unsynthesized. */
  static Inputs inputs(SourceOptions options) {
    return new Pipeline(options).inputs();
  }

  private Inputs inputs() {
    List<Path> paths = options.pathsOrCurrent();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new UsageException(
            p + " does not exist; give the directory that holds the function's Java sources");
      }
    }
    List<Path> templates = templates(paths);
    List<FunctionInput> functions = new ArrayList<>();
    List<String> handlersLeft = new ArrayList<>(options.handlers);
    for (Path template : templates) {
      functions.addAll(fromTemplate(template, paths, handlersLeft));
    }
    boolean noTemplateFunction =
        !templates.isEmpty() && withoutFunctions.size() == templates.size();
    if (noTemplateFunction) {
      for (String file : withoutFunctions) {
        global.add(
            Finding.warning(
                "TEMPLATE_NO_FUNCTIONS",
                file
                    + " defines no Lambda function (no AWS::Serverless::Function or"
                    + " AWS::Lambda::Function resource), so the code was analyzed alone, without"
                    + " the template's environment and resources; give --template with the"
                    + " function's template, or --no-template",
                SourceLocation.file(file)));
      }
    }
    if (templates.isEmpty() || !handlersLeft.isEmpty() || noTemplateFunction) {
      functions.addAll(fromCode(paths, handlersLeft, templates.isEmpty() || noTemplateFunction));
    }
    return new Inputs(functions, global, Collections.unmodifiableMap(declared));
  }

  private List<Path> templates(List<Path> paths) {
    if (options.noTemplate) {
      return List.of();
    }
    if (options.template != null) {
      if (!Files.isRegularFile(options.template)) {
        throw new UsageException(
            "--template "
                + options.template
                + " is not a file; give the SAM or CloudFormation template");
      }
      return List.of(options.template);
    }
    return TemplateDiscovery.in(paths.get(0));
  }

  // ---- template functions

  private List<FunctionInput> fromTemplate(Path file, List<Path> paths, List<String> handlersLeft) {
    Path base = file.toAbsolutePath().getParent();
    String display = base == null ? file.getFileName().toString() : displayOf(file, paths);
    TemplateResolver.Options resolveOptions =
        new TemplateResolver.Options(
            options.parameters,
            Optional.ofNullable(options.stackName),
            Optional.ofNullable(options.region),
            Optional.ofNullable(options.account),
            options.partition);
    TemplateProject project = TemplateProject.load(file, display, resolveOptions);
    global.addAll(project.findings());
    if (project.template().isEmpty() && options.handlers.isEmpty()) {
      Finding error =
          project.findings().stream()
              .filter(f -> f.severity() == Severity.ERROR)
              .findFirst()
              .orElse(project.findings().get(0));
      throw new UsageException(error.location() + ": " + error.message());
    }
    if (project.template().isPresent() && project.functions().isEmpty()) {
      withoutFunctions.add(display);
    }
    List<TemplateFunction> selected = select(project.functions(), handlersLeft);
    Map<String, List<Finding>> checks =
        project.template().map(t -> TemplateChecks.check(t, project.functions())).orElse(Map.of());
    global.addAll(checks.getOrDefault("", List.of()));
    if (selected.isEmpty()) {
      return List.of();
    }
    Map<TemplateFunction, JavaProject.Outcome> analyzed = analyze(selected, paths, base);
    TemplateResolver resolver = project.resolver().orElseThrow();
    List<TemplateReference> references = TemplateArns.of(resolver);
    List<FunctionInput> out = new ArrayList<>();
    for (TemplateFunction function : selected) {
      Deployment deployment =
          Deployment.ofTemplate(function.logicalId(), TemplateRoles.of(function), references);
      FunctionInput input =
          fromTemplate(
              function,
              resolver,
              analyzed.get(function),
              checks.getOrDefault(function.logicalId(), List.of()),
              deployment);
      declared.put(input, DeclaredPolicies.of(function, resolver, options.arnContext()));
      out.add(input);
    }
    return out;
  }

  /** The code of every function with a handler, analyzed on all cores per set of sources. */
  private Map<TemplateFunction, JavaProject.Outcome> analyze(
      List<TemplateFunction> functions, List<Path> paths, Path base) {
    Map<JavaProject, List<TemplateFunction>> byProject = new LinkedHashMap<>();
    for (TemplateFunction function : functions) {
      if (function.handler().isPresent() && !function.handler().get().isEmpty()) {
        List<Path> roots = function.codeDirectory().map(List::of).orElse(paths);
        byProject.computeIfAbsent(project(roots, base), k -> new ArrayList<>()).add(function);
      }
    }
    Map<TemplateFunction, JavaProject.Outcome> out = new IdentityHashMap<>();
    for (Map.Entry<JavaProject, List<TemplateFunction>> sharing : byProject.entrySet()) {
      List<TemplateFunction> sameCode = sharing.getValue();
      List<JavaProject.Outcome> outcomes =
          sharing.getKey().analyzeAll(sameCode.stream().map(f -> f.handler().get()).toList());
      for (int i = 0; i < sameCode.size(); i++) {
        out.put(sameCode.get(i), outcomes.get(i));
      }
    }
    return out;
  }

  private static String displayOf(Path file, List<Path> paths) {
    Path root = paths.get(0).toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(root) && !absolute.equals(root)
        ? root.relativize(absolute).toString().replace('\\', '/')
        : file.getFileName().toString();
  }

  private List<TemplateFunction> select(List<TemplateFunction> all, List<String> handlersLeft) {
    for (String wanted : options.functions) {
      if (all.stream().noneMatch(f -> f.logicalId().equals(wanted))) {
        throw new UsageException(
            "--function "
                + wanted
                + " is not a function of the template; its functions are "
                + String.join(
                    ", ", all.stream().map(TemplateFunction::logicalId).sorted().toList()));
      }
    }
    List<TemplateFunction> out = new ArrayList<>();
    for (TemplateFunction f : all) {
      boolean byId = options.functions.isEmpty() || options.functions.contains(f.logicalId());
      boolean byHandler =
          options.handlers.isEmpty() || f.handler().map(options.handlers::contains).orElse(false);
      if (byId && byHandler) {
        out.add(f);
        f.handler().ifPresent(handlersLeft::remove);
      }
    }
    return out;
  }

  private FunctionInput fromTemplate(
      TemplateFunction function,
      TemplateResolver resolver,
      JavaProject.Outcome outcome,
      List<Finding> checks,
      Deployment deployment) {
    List<Finding> findings = new ArrayList<>(checks);
    List<SdkCall> calls = new ArrayList<>();
    Map<SdkCall, List<Evidence>> templateEvidence = new LinkedHashMap<>();
    String handler = function.handler().orElse("");
    if (handler.isEmpty()) {
      findings.add(
          Finding.warning(
              "TEMPLATE_ERROR",
              function.logicalId()
                  + " has no Handler (an image function?); only platform permissions are in its policy."
                  + " Give --handler to analyze its code",
              function.location()));
    } else {
      if (outcome instanceof JavaProject.HandlerNotFound missing) {
        findings.add(
            Finding.error(
                "HANDLER_NOT_FOUND",
                function.logicalId()
                    + ": "
                    + missing.message()
                    + "; its code permissions are missing from the policy",
                function.location()));
      } else {
        FunctionAnalysis analysis = ((JavaProject.Analyzed) outcome).analysis();
        findings.addAll(analysis.findings());
        for (EnvironmentBinding.Bound bound :
            EnvironmentBinding.bindWithSources(analysis.calls(), function.environment())) {
          calls.add(bound.call());
          List<Evidence> more =
              templateEvidence.computeIfAbsent(bound.call(), k -> new ArrayList<>());
          bound.used().forEach(v -> more.add(new Evidence.Template(v.location(), v.path())));
        }
      }
    }
    PlatformPermissions.Result platform =
        new PlatformPermissions(IamCatalog.bundled(), options.arnContext()).of(function);
    findings.addAll(platform.findings());
    List<Permission> extra = new ArrayList<>(platform.permissions());
    EncryptedTargets encrypted = new EncryptedTargets(resolver, PlatformPermissions.rules());
    for (SdkCall call : calls) {
      for (Permission needed : synthesizer.needs(List.of(call)).permissions()) {
        extra.addAll(encrypted.of(call, needed.action()));
      }
    }
    return new FunctionInput(
        function.logicalId(), handler, calls, templateEvidence, extra, findings, deployment);
  }

  // ---- code only

  private List<FunctionInput> fromCode(
      List<Path> paths, List<String> handlers, boolean noTemplate) {
    JavaProject project = project(paths, null);
    if (project.sources().isEmpty()) {
      throw new UsageException(
          "no Java files under "
              + String.join(", ", paths.stream().map(Path::toString).toList())
              + "; give the directory that holds the function's sources (e.g. src/main/java)");
    }
    List<FunctionAnalysis> analyses = new ArrayList<>();
    if (handlers.isEmpty() && noTemplate) {
      analyses.add(project.analyzeAllPublicMethods(functionName(paths)));
    }
    for (JavaProject.Outcome outcome : project.analyzeAll(handlers)) {
      if (outcome instanceof JavaProject.HandlerNotFound missing) {
        throw new UsageException(missing.message());
      }
      analyses.add(((JavaProject.Analyzed) outcome).analysis());
    }
    return analyses.stream()
        .map(a -> FunctionInput.ofCode(a.handler(), a.handler(), a.calls(), a.findings()))
        .toList();
  }

  /** The parsed sources under {@code roots}, read once per set of roots. */
  private JavaProject project(List<Path> roots, Path displayBase) {
    Path key = roots.get(0).toAbsolutePath().normalize();
    JavaProject cached = projects.get(key);
    if (cached != null && roots.size() == 1) {
      return cached;
    }
    JavaProject project;
    try {
      project = JavaProject.load(roots, displayBase, SdkInventory.bundled());
    } catch (IOException e) {
      throw new UsageException("cannot read " + roots + ": " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new UsageException("cannot read " + roots + ": " + e.getCause().getMessage());
    }
    projects.put(key, project);
    global.addAll(project.sources().findings());
    global.addAll(CredentialScan.scan(project.sources()));
    return project;
  }

  private static String functionName(List<Path> paths) {
    Path first = paths.get(0).toAbsolutePath().normalize();
    return first.getFileName() == null ? "function" : first.getFileName().toString();
  }
}
