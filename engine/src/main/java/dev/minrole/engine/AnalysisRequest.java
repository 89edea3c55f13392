package dev.minrole.engine;

import dev.minrole.analyzer.cloudtrail.TrailProgress;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.SizeLimits;
import dev.minrole.generator.synth.SynthesisOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to analyze and how: the sources, the template, CloudTrail, and how ARNs are written. Built
 * with {@link #builder()}; immutable. The defaults are those of {@code minrole generate} without
 * options: the current directory, a template found there, every function, partition {@code aws},
 * any region and account.
 *
 * <p>Over 300 lines: it is one value with twenty settings, each with an accessor and a builder
 * method, and the views of them the pipeline reads (ARN context, synthesis and deployment options).
 */
public final class AnalysisRequest {
  private final List<Path> paths;
  private final List<String> handlers;
  private final List<String> functions;
  private final Path template;
  private final Path templateDirectory;
  private final Path terraform;
  private final Path terraformPlan;
  private final Path serverless;
  private final boolean noTemplate;
  private final Map<String, String> parameters;
  private final String stackName;
  private final String partition;
  private final String region;
  private final String account;
  private final Map<String, String> env;
  private final boolean compact;
  private final Path projectDirectory;
  private final TrailInput trails;
  private final TrailProgress progress;

  private AnalysisRequest(Builder b) {
    this.paths = List.copyOf(b.paths);
    this.handlers = List.copyOf(b.handlers);
    this.functions = List.copyOf(b.functions);
    this.template = b.template;
    this.templateDirectory = b.templateDirectory;
    this.terraform = b.terraform;
    this.terraformPlan = b.terraformPlan;
    this.serverless = b.serverless;
    this.noTemplate = b.noTemplate;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
    this.stackName = b.stackName;
    this.partition = b.partition;
    this.region = b.region;
    this.account = b.account;
    this.env = Collections.unmodifiableMap(new LinkedHashMap<>(b.env));
    this.compact = b.compact;
    this.projectDirectory = b.projectDirectory;
    this.trails = b.trails;
    this.progress = b.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with every setting of this request. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.paths = new ArrayList<>(paths);
    b.handlers = new ArrayList<>(handlers);
    b.functions = new ArrayList<>(functions);
    b.template = template;
    b.templateDirectory = templateDirectory;
    b.terraform = terraform;
    b.terraformPlan = terraformPlan;
    b.serverless = serverless;
    b.noTemplate = noTemplate;
    b.parameters = new LinkedHashMap<>(parameters);
    b.stackName = stackName;
    b.partition = partition;
    b.region = region;
    b.account = account;
    b.env = new LinkedHashMap<>(env);
    b.compact = compact;
    b.projectDirectory = projectDirectory;
    b.trails = trails;
    b.progress = progress;
    return b;
  }

  /** Java source directories or files, as given (possibly empty). */
  public List<Path> paths() {
    return paths;
  }

  /** The paths, or the current directory when none is given. */
  public List<Path> pathsOrCurrent() {
    return paths.isEmpty() ? List.of(Path.of(".")) : paths;
  }

  /** Handlers ({@code pkg.Class::method} or {@code pkg.Class}); empty: the template's functions. */
  public List<String> handlers() {
    return handlers;
  }

  /** Logical ids of the template functions to analyze; empty: all. */
  public List<String> functions() {
    return functions;
  }

  /** The template to read; empty: discovered in {@link #templateDirectory}. */
  public Optional<Path> template() {
    return Optional.ofNullable(template);
  }

  /**
   * Where templates are discovered ({@code template.yaml}, {@code template.yml}, {@code
   * template.json}, {@code cdk.out/*.template.json}); empty: the first path.
   */
  public Optional<Path> templateDirectory() {
    return Optional.ofNullable(templateDirectory);
  }

  /** The directory of a Terraform configuration to read; empty: discovered beside the sources. */
  public Optional<Path> terraform() {
    return Optional.ofNullable(terraform);
  }

  /** A Terraform plan in JSON ({@code terraform show -json}) to read. */
  public Optional<Path> terraformPlan() {
    return Optional.ofNullable(terraformPlan);
  }

  /** A {@code serverless.yml} to read; empty: discovered beside the sources. */
  public Optional<Path> serverless() {
    return Optional.ofNullable(serverless);
  }

  /** True to ignore templates and analyze the code only. */
  public boolean noTemplate() {
    return noTemplate;
  }

  public Map<String, String> parameters() {
    return parameters;
  }

  public Optional<String> stackName() {
    return Optional.ofNullable(stackName);
  }

  public String partition() {
    return partition;
  }

  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  public Optional<String> account() {
    return Optional.ofNullable(account);
  }

  /** Values of environment variables the code reads. */
  public Map<String, String> env() {
    return env;
  }

  public boolean compact() {
    return compact;
  }

  /**
   * For build plugins: the directory of the project whose sources {@link #paths} are. Template
   * functions whose code directory ({@code CodeUri}, or the module of the jar it names) is another
   * directory belong to another project and are left out; those whose code is this project, or that
   * name no code directory, are analyzed from {@link #paths}. Empty: every function, from its code
   * directory or the paths.
   */
  public Optional<Path> projectDirectory() {
    return Optional.ofNullable(projectDirectory);
  }

  /** CloudTrail input; empty: code and template only. */
  public Optional<TrailInput> trails() {
    return Optional.ofNullable(trails);
  }

  /** Told how reading CloudTrail files goes. */
  public TrailProgress progress() {
    return progress;
  }

  /** How ARNs are written; a request exception if the account is not a 12-digit id. */
  public ArnContext arnContext() {
    if (account != null && !account.matches("\\d{12}")) {
      throw new RequestException("--account " + account + " is not a 12-digit AWS account id");
    }
    return new ArnContext(
        partition, Optional.ofNullable(region), Optional.ofNullable(account), env);
  }

  public SynthesisOptions synthesisOptions() {
    return new SynthesisOptions(compact, SizeLimits.IAM);
  }

  /**
   * The same options for other sources (the tree at a git ref): no trail, and a template found in
   * those sources is used; a template named explicitly belongs to the working tree, so it is not.
   */
  AnalysisRequest withSources(List<Path> otherPaths, List<String> otherHandlers) {
    Builder b = toBuilder();
    b.paths = new ArrayList<>(otherPaths);
    b.handlers = new ArrayList<>(otherHandlers);
    b.noTemplate =
        noTemplate
            || template != null
            || terraform != null
            || terraformPlan != null
            || serverless != null;
    b.template = null;
    b.templateDirectory = null;
    b.terraform = null;
    b.terraformPlan = null;
    b.serverless = null;
    b.projectDirectory = null;
    b.trails = null;
    b.progress = TrailProgress.NONE;
    return b.build();
  }

  /**
   * Where the infrastructure code is, as the request names it, and how its values are resolved; a
   * request exception if a named file or directory is not one.
   */
  public dev.minrole.generator.deploy.DeploymentSources.Options deploymentOptions() {
    named("--template", template, false);
    named("--terraform", terraform, true);
    named("--terraform-plan", terraformPlan, false);
    named("--serverless", serverless, false);
    return new dev.minrole.generator.deploy.DeploymentSources.Options(
        template(),
        terraform(),
        terraformPlan(),
        serverless(),
        new dev.minrole.analyzer.template.TemplateResolver.Options(
            parameters, stackName(), region(), account(), partition),
        arnContext());
  }

  private static void named(String option, Path path, boolean directory) {
    if (path == null) {
      return;
    }
    if (directory
        ? !java.nio.file.Files.isDirectory(path)
        : !java.nio.file.Files.isRegularFile(path)) {
      throw new RequestException(
          option
              + " "
              + path
              + " is not a "
              + (directory
                  ? "directory; give the directory of the .tf files"
                  : "file; give the "
                      + (option.equals("--template")
                          ? "SAM or CloudFormation template"
                          : option.equals("--serverless")
                              ? "serverless.yml"
                              : "plan as JSON (terraform show -json)")));
    }
  }

  /** Collects the settings of a request. */
  public static final class Builder {
    private List<Path> paths = new ArrayList<>();
    private List<String> handlers = new ArrayList<>();
    private List<String> functions = new ArrayList<>();
    private Path template;
    private Path templateDirectory;
    private Path terraform;
    private Path terraformPlan;
    private Path serverless;
    private boolean noTemplate;
    private Map<String, String> parameters = new LinkedHashMap<>();
    private String stackName;
    private String partition = "aws";
    private String region;
    private String account;
    private Map<String, String> env = new LinkedHashMap<>();
    private boolean compact;
    private Path projectDirectory;
    private TrailInput trails;
    private TrailProgress progress = TrailProgress.NONE;

    private Builder() {}

    public Builder paths(List<Path> value) {
      paths = new ArrayList<>(value);
      return this;
    }

    public Builder handlers(List<String> value) {
      handlers = new ArrayList<>(value);
      return this;
    }

    public Builder functions(List<String> value) {
      functions = new ArrayList<>(value);
      return this;
    }

    /** The template; null to discover it. */
    public Builder template(Path value) {
      template = value;
      return this;
    }

    public Builder terraform(Path value) {
      terraform = value;
      return this;
    }

    public Builder terraformPlan(Path value) {
      terraformPlan = value;
      return this;
    }

    public Builder serverless(Path value) {
      serverless = value;
      return this;
    }

    /** Where to discover templates; null for the first path. */
    public Builder templateDirectory(Path value) {
      templateDirectory = value;
      return this;
    }

    public Builder noTemplate(boolean value) {
      noTemplate = value;
      return this;
    }

    public Builder parameters(Map<String, String> value) {
      parameters = new LinkedHashMap<>(value);
      return this;
    }

    public Builder stackName(String value) {
      stackName = value;
      return this;
    }

    public Builder partition(String value) {
      partition = value;
      return this;
    }

    /** The region for ARNs; null for any. */
    public Builder region(String value) {
      region = value;
      return this;
    }

    /** The account for ARNs; null for any. */
    public Builder account(String value) {
      account = value;
      return this;
    }

    public Builder env(Map<String, String> value) {
      env = new LinkedHashMap<>(value);
      return this;
    }

    public Builder compact(boolean value) {
      compact = value;
      return this;
    }

    /** See {@link AnalysisRequest#projectDirectory()}; null for none. */
    public Builder projectDirectory(Path value) {
      projectDirectory = value;
      return this;
    }

    /** CloudTrail input; null for none. */
    public Builder trails(TrailInput value) {
      trails = value;
      return this;
    }

    public Builder progress(TrailProgress value) {
      progress = value;
      return this;
    }

    public AnalysisRequest build() {
      return new AnalysisRequest(this);
    }
  }
}
