package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.template.Credentials;
import dev.minrole.analyzer.template.TemplateChecks;
import dev.minrole.analyzer.template.TemplateFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Terraform configuration, read and evaluated: its functions as {@link TemplateFunction}s, the
 * resources they may reference, the findings about it (syntax errors, references to nothing, values
 * only known at apply, modules not followed), and the checks of {@link TemplateChecks} ({@code
 * SHARED_ROLE}, {@code PLAINTEXT_SECRET}) plus {@code HARDCODED_CREDENTIAL} on every string.
 * Variable values come from {@code terraform.tfvars}, {@code *.auto.tfvars} (lexical order, later
 * ones win) and {@code --parameter}, as {@code terraform plan} reads them.
 */
public final class TerraformProject {
  private final ModuleInstance root;
  private final TerraformEvaluator evaluator;
  private final TerraformResources resources;
  private final List<TemplateFunction> functions;
  private final List<Finding> findings;
  private final Map<String, List<Finding>> checks;

  private TerraformProject(
      ModuleInstance root,
      TerraformEvaluator evaluator,
      TerraformResources resources,
      List<TemplateFunction> functions,
      List<Finding> findings,
      Map<String, List<Finding>> checks) {
    this.root = root;
    this.evaluator = evaluator;
    this.resources = resources;
    this.functions = List.copyOf(functions);
    this.findings = List.copyOf(findings);
    this.checks = Map.copyOf(checks);
  }

  /**
   * Reads the configuration in {@code directory}; {@code displayDirectory} is how locations name it
   * (relative to what the user named, empty for that directory itself).
   */
  public static TerraformProject load(
      Path directory, String displayDirectory, TerraformEvaluator.Options options) {
    TerraformConfig config = TerraformConfig.load(directory, displayDirectory);
    ModuleInstance root = ModuleInstance.root(config);
    Set<Finding> findings = new LinkedHashSet<>(config.findings());
    Map<String, TfValue> variables =
        variableFiles(directory, displayDirectory, root, options, findings);
    TerraformEvaluator evaluator =
        new TerraformEvaluator(options, TerraformResourceTypes.bundled(), variables);
    TerraformResources resources = new TerraformResources(evaluator, root);
    List<TemplateFunction> functions = new TerraformFunctions(resources).functions();
    findings.addAll(evaluator.findings());
    Map<String, List<Finding>> checks =
        new LinkedHashMap<>(TemplateChecks.functionChecks(functions));
    List<Finding> global = new ArrayList<>(checks.getOrDefault("", List.of()));
    for (ModuleInstance module : resources.modules()) {
      for (HclFile file : module.config().files()) {
        for (HclBlock block : file.blocks()) {
          credentials(block, global);
        }
      }
    }
    checks.put("", global.stream().distinct().toList());
    return new TerraformProject(
        root, evaluator, resources, functions, new ArrayList<>(findings), checks);
  }

  /**
   * A plan's functions and resources, read like a configuration's ({@link TerraformPlan} builds
   * them).
   */
  static TerraformProject of(
      ModuleInstance root,
      TerraformEvaluator evaluator,
      TerraformResources resources,
      List<Finding> findings) {
    List<TemplateFunction> functions = new TerraformFunctions(resources).functions();
    Set<Finding> all = new LinkedHashSet<>(findings);
    all.addAll(evaluator.findings());
    Map<String, List<Finding>> checks =
        new LinkedHashMap<>(TemplateChecks.functionChecks(functions));
    return new TerraformProject(
        root, evaluator, resources, functions, new ArrayList<>(all), checks);
  }

  /** The values {@code terraform.tfvars} and {@code *.auto.tfvars} give root variables. */
  private static Map<String, TfValue> variableFiles(
      Path directory,
      String displayDirectory,
      ModuleInstance root,
      TerraformEvaluator.Options options,
      Set<Finding> findings) {
    List<Path> files = new ArrayList<>();
    Path main = directory.resolve("terraform.tfvars");
    if (Files.isRegularFile(main)) {
      files.add(main);
    }
    Path mainJson = directory.resolve("terraform.tfvars.json");
    if (Files.isRegularFile(mainJson)) {
      files.add(mainJson);
    }
    List<Path> auto = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.auto.tfvars*")) {
      stream.forEach(auto::add);
    } catch (IOException e) {
      // no auto files
    }
    auto.sort(null);
    files.addAll(auto);
    TerraformEvaluator constants =
        new TerraformEvaluator(options, TerraformResourceTypes.bundled(), Map.of());
    Map<String, TfValue> out = new LinkedHashMap<>();
    for (Path file : files) {
      String display = TerraformConfig.display(displayDirectory, file.getFileName().toString());
      if (file.toString().endsWith(".json")) {
        try {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          JsonValues.parse(text, display, 1)
              .filter(v -> v instanceof TfValue.Obj)
              .ifPresentOrElse(
                  v -> out.putAll(((TfValue.Obj) v).fields()),
                  () ->
                      findings.add(
                          Finding.error(
                              "TEMPLATE_ERROR",
                              display + " is not a JSON object of variable values",
                              dev.minrole.analyzer.model.SourceLocation.of(display, 1))));
        } catch (IOException e) {
          findings.add(
              Finding.error(
                  "TEMPLATE_ERROR",
                  "cannot read " + display + ": " + e.getMessage(),
                  dev.minrole.analyzer.model.SourceLocation.file(display)));
        }
        continue;
      }
      HclFile vars = HclReader.read(file, display);
      findings.addAll(vars.findings());
      vars.attributes()
          .forEach((name, a) -> out.put(name, constants.evaluate(a.expression(), Scope.of(root))));
    }
    findings.addAll(constants.findings());
    return out;
  }

  private static void credentials(HclBlock block, List<Finding> out) {
    block.attributes().values().forEach(a -> credentials(a.expression(), a.name(), out));
    block.blocks().forEach(b -> credentials(b, out));
  }

  private static void credentials(HclExpr expression, String name, List<Finding> out) {
    if (expression instanceof HclExpr.Text text) {
      Credentials.find(text.raw(), name)
          .ifPresent(
              what ->
                  out.add(
                      Finding.error(
                          "HARDCODED_CREDENTIAL",
                          "the Terraform configuration holds an AWS "
                              + what
                              + " in "
                              + name
                              + "; remove it, deactivate the key, and let the function use its"
                              + " execution role",
                          text.at())));
    } else if (expression instanceof HclExpr.ObjectCons o) {
      o.entries().forEach((k, v) -> credentials(v, k, out));
    } else if (expression instanceof HclExpr.Tuple t) {
      t.items().forEach(i -> credentials(i, name, out));
    } else if (expression instanceof HclExpr.Template t) {
      t.parts().forEach(p -> credentials(p, name, out));
    } else if (expression instanceof HclExpr.Call c) {
      c.args().forEach(a -> credentials(a, name, out));
    }
  }

  public ModuleInstance root() {
    return root;
  }

  public TerraformEvaluator evaluator() {
    return evaluator;
  }

  /** Every resource instance of the configuration and its local modules. */
  public TerraformResources resources() {
    return resources;
  }

  public List<TemplateFunction> functions() {
    return functions;
  }

  /** Problems and notes about the configuration as a whole. */
  public List<Finding> findings() {
    return findings;
  }

  /** {@code SHARED_ROLE} and {@code PLAINTEXT_SECRET} by function name, credentials under "". */
  public Map<String, List<Finding>> checks() {
    return checks;
  }
}
