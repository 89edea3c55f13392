package dev.minrole.engine;

import dev.minrole.analyzer.entry.FunctionContext;
import dev.minrole.analyzer.java.CredentialScan;
import dev.minrole.analyzer.java.FunctionAnalysis;
import dev.minrole.analyzer.java.JavaProject;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.model.Severity;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.analyzer.template.EnvironmentBinding;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.analyzer.template.TemplateResolver;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.current.CurrentRoleFindings;
import dev.minrole.generator.declared.DeclaredPolicies;
import dev.minrole.generator.deploy.DeploymentSource;
import dev.minrole.generator.deploy.DeploymentSources;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.platform.PlatformPermissions;
import dev.minrole.generator.platform.ResourceKeys;
import dev.minrole.generator.synth.Deployment;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionInput;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
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
 * Problems with the input as a whole are {@link RequestException}s; findings travel with the
 * result.
 *
 * <p>Over 300 lines: it is one run, whose steps share its state: the Java projects by source root
 * (code that several templates or functions point at is parsed and indexed once), the findings
 * about the input as a whole, the sources without functions, and what each template grants its
 * functions today.
 */
final class Pipeline {
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

  private final AnalysisRequest options;
  private final Map<Path, JavaProject> projects = new LinkedHashMap<>();
  private final List<Finding> global = new ArrayList<>();
  private final List<String> withoutFunctions = new ArrayList<>();
  private final IdentityHashMap<FunctionInput, DeclaredPolicies.Declared> declared =
      new IdentityHashMap<>();
  private final PolicySynthesizer synthesizer;

  private Pipeline(AnalysisRequest options) {
    this.options = options;
    this.synthesizer =
        new PolicySynthesizer(
            OperationMapper.bundled(), options.arnContext(), options.synthesisOptions());
  }

  /** The policies the functions need, from templates (if any) and code: for diff and tighten. */
  static Analysis needed(AnalysisRequest options) {
    return new Pipeline(options).run(false);
  }

  /**
   * {@code minrole generate}: with CloudTrail input, the trail flow; otherwise templates (if any)
   * and code. Template functions also get the findings about the role their template gives them.
   */
  static Analysis generate(AnalysisRequest options) {
    if (options.trails().isPresent()) {
      return TrailPipeline.generate(options, options.trails().get(), options.progress());
    }
    return new Pipeline(options).run(true);
  }

  private Analysis run(boolean review) {
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
    return new Analysis(functions, inputs.findings(), false, declaredByName);
  }

  /** Reads the templates and sources and gathers what each function needs, unsynthesized. */
  static Inputs inputs(AnalysisRequest options) {
    return new Pipeline(options).inputs();
  }

  private Inputs inputs() {
    List<Path> paths = options.pathsOrCurrent();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new RequestException(
            p + " does not exist; give the directory that holds the function's Java sources");
      }
    }
    List<DeploymentSource> sources = sources(paths);
    List<FunctionInput> functions = new ArrayList<>();
    List<String> handlersLeft = new ArrayList<>(options.handlers());
    for (DeploymentSource source : sources) {
      functions.addAll(fromSource(source, paths, handlersLeft));
    }
    boolean noTemplateFunction = !sources.isEmpty() && withoutFunctions.size() == sources.size();
    if (noTemplateFunction) {
      for (String file : withoutFunctions) {
        global.add(
            Finding.warning(
                "TEMPLATE_NO_FUNCTIONS",
                file
                    + " defines no Lambda function (no AWS::Serverless::Function,"
                    + " AWS::Lambda::Function or aws_lambda_function), so the code was analyzed"
                    + " alone, without the template's environment and resources; give --template"
                    + " with the function's template, or --no-template",
                SourceLocation.file(file)));
      }
    }
    if (sources.isEmpty() || !handlersLeft.isEmpty() || noTemplateFunction) {
      functions.addAll(fromCode(paths, handlersLeft, sources.isEmpty() || noTemplateFunction));
    }
    return new Inputs(functions, global, Collections.unmodifiableMap(declared));
  }

  /** The templates, Terraform configurations and serverless.yml files to read. */
  private List<DeploymentSource> sources(List<Path> paths) {
    if (options.noTemplate()) {
      return List.of();
    }
    return DeploymentSources.find(
        options.templateDirectory().orElse(paths.get(0)),
        options.deploymentOptions(),
        file -> displayOf(file, paths));
  }

  // ---- template functions

  private List<FunctionInput> fromSource(
      DeploymentSource source, List<Path> paths, List<String> handlersLeft) {
    Path base = source.directory();
    global.addAll(source.findings());
    if (!source.readable() && options.handlers().isEmpty()) {
      Finding error =
          source.findings().stream()
              .filter(f -> f.severity() == Severity.ERROR)
              .findFirst()
              .orElse(
                  source.findings().isEmpty()
                      ? Finding.error(
                          "TEMPLATE_ERROR",
                          source.displayPath() + " declares nothing minrole can read",
                          SourceLocation.file(source.displayPath()))
                      : source.findings().get(0));
      throw new RequestException(error.location() + ": " + error.message());
    }
    if (source.readable() && source.functions().isEmpty()) {
      withoutFunctions.add(source.displayPath());
    }
    List<TemplateFunction> selected = select(source.functions(), handlersLeft);
    Map<String, List<Finding>> checks = source.checks();
    global.addAll(checks.getOrDefault("", List.of()));
    if (selected.isEmpty()) {
      return List.of();
    }
    Map<TemplateFunction, JavaProject.Outcome> analyzed = analyze(selected, paths, base);
    List<FunctionInput> out = new ArrayList<>();
    for (TemplateFunction function : selected) {
      FunctionInput input =
          fromTemplate(
              function,
              source,
              analyzed.get(function),
              checks.getOrDefault(function.logicalId(), List.of()),
              source.deployment(function));
      declared.put(input, source.declared(function));
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
        List<Path> roots =
            options.projectDirectory().isPresent()
                ? paths
                : function.codeDirectory().map(List::of).orElse(paths);
        byProject.computeIfAbsent(project(roots, base), k -> new ArrayList<>()).add(function);
      }
    }
    IdentityHashMap<TemplateFunction, JavaProject.Outcome> out = new IdentityHashMap<>();
    for (Map.Entry<JavaProject, List<TemplateFunction>> sharing : byProject.entrySet()) {
      List<TemplateFunction> sameCode = sharing.getValue();
      List<JavaProject.Outcome> outcomes =
          sharing
              .getKey()
              .analyzeEach(
                  sameCode.stream()
                      .map(
                          f ->
                              new JavaProject.Target(
                                  f.handler().get(), f.context().withDefaults(options.env())))
                      .toList());
      for (int i = 0; i < sameCode.size(); i++) {
        out.put(sameCode.get(i), outcomes.get(i));
      }
    }
    return out;
  }

  private static String displayOf(Path file, List<Path> paths) {
    Path root = paths.get(0).toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    if (absolute.equals(root) && Files.isDirectory(absolute)) {
      return "";
    }
    return absolute.startsWith(root) && !absolute.equals(root)
        ? root.relativize(absolute).toString().replace('\\', '/')
        : String.valueOf(file.getFileName());
  }

  private List<TemplateFunction> select(List<TemplateFunction> all, List<String> handlersLeft) {
    for (String wanted : options.functions()) {
      if (all.stream().noneMatch(f -> f.logicalId().equals(wanted))) {
        throw new RequestException(
            "--function "
                + wanted
                + " is not a function of the template; its functions are "
                + String.join(
                    ", ", all.stream().map(TemplateFunction::logicalId).sorted().toList()));
      }
    }
    List<TemplateFunction> out = new ArrayList<>();
    for (TemplateFunction f : all) {
      boolean byId = options.functions().isEmpty() || options.functions().contains(f.logicalId());
      boolean byHandler =
          options.handlers().isEmpty()
              || f.handler().map(options.handlers()::contains).orElse(false);
      if (byId && byHandler && inProject(f)) {
        out.add(f);
        f.handler().ifPresent(handlersLeft::remove);
      }
    }
    return out;
  }

  /**
   * With a project directory (a build plugin), true if the function's code is that project's: its
   * code directory is the project's, or it names none.
   */
  private boolean inProject(TemplateFunction function) {
    if (options.projectDirectory().isEmpty() || function.codeDirectory().isEmpty()) {
      return true;
    }
    return normalized(function.codeDirectory().get())
        .equals(normalized(options.projectDirectory().get()));
  }

  private static Path normalized(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private FunctionInput fromTemplate(
      TemplateFunction function,
      DeploymentSource source,
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
    ResourceKeys.Result keys =
        source.resourceKeys(calls, call -> synthesizer.needs(List.of(call)).permissions());
    extra.addAll(keys.permissions());
    findings.addAll(keys.findings());
    return new FunctionInput(
        function.logicalId(), handler, calls, templateEvidence, extra, findings, deployment);
  }

  // ---- code only

  private List<FunctionInput> fromCode(
      List<Path> paths, List<String> handlers, boolean noTemplate) {
    JavaProject project = project(paths, null);
    if (project.sources().isEmpty()) {
      throw new RequestException(
          "no Java files under "
              + String.join(", ", paths.stream().map(Path::toString).toList())
              + "; give the directory that holds the function's sources (e.g. src/main/java)");
    }
    List<FunctionAnalysis> analyses = new ArrayList<>();
    if (handlers.isEmpty() && noTemplate) {
      analyses.add(project.analyzeAllPublicMethods(functionName(paths)));
    }
    FunctionContext context = FunctionContext.ofValues(options.env());
    for (JavaProject.Outcome outcome :
        project.analyzeEach(
            handlers.stream().map(h -> new JavaProject.Target(h, context)).toList())) {
      if (outcome instanceof JavaProject.HandlerNotFound missing) {
        throw new RequestException(missing.message());
      }
      analyses.add(((JavaProject.Analyzed) outcome).analysis());
    }
    return analyses.stream()
        .map(
            a ->
                FunctionInput.ofCode(
                    a.handler(),
                    a.handler(),
                    a.calls(),
                    concat(a.findings(), resourceKeys(Optional.empty(), a.calls()).findings())))
        .toList();
  }

  /** The keys of encrypted resources the calls use (from the template, if there is one). */
  private ResourceKeys.Result resourceKeys(
      Optional<TemplateResolver> template, List<SdkCall> calls) {
    return ResourceKeys.bundled(template, options.arnContext())
        .of(calls, call -> synthesizer.needs(List.of(call)).permissions());
  }

  private static List<Finding> concat(List<Finding> a, List<Finding> b) {
    List<Finding> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
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
      throw new RequestException("cannot read " + roots + ": " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new RequestException("cannot read " + roots + ": " + e.getCause().getMessage());
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
