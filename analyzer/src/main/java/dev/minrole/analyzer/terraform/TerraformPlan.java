package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Terraform plan as {@code terraform show -json plan.out} writes it
 * (https://developer.hashicorp.com/terraform/internals/json-format): the {@code planned_values} of
 * the root module and its child modules, every value resolved by Terraform itself, read into the
 * same resources a configuration gives. A value the plan knows only after apply (a new resource's
 * ARN) is absent from {@code planned_values}: when the {@code configuration} says the argument is
 * one reference ({@code role = aws_iam_role.shipping.arn}), minrole follows it; otherwise it is
 * unknown, with its reason.
 */
public final class TerraformPlan {
  private final List<ModuleInstance> modules = new ArrayList<>();
  private final List<ResourceInstance> resources = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final Path directory;

  private TerraformPlan(Path directory) {
    this.directory = directory;
  }

  /** Reads the plan in {@code file}, named {@code display} in locations. */
  public static TerraformProject load(
      Path file, String display, TerraformEvaluator.Options options) {
    Path parent = file.toAbsolutePath().getParent();
    Path directory = parent == null ? Path.of(".") : parent;
    TerraformEvaluator evaluator =
        new TerraformEvaluator(options, TerraformResourceTypes.bundled(), Map.of());
    ModuleInstance root = ModuleInstance.root(TerraformConfig.empty(directory, ""));
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return TerraformProject.of(
          root,
          evaluator,
          new TerraformResources(evaluator, List.of(root), List.of()),
          List.of(error(display, 0, "cannot read " + display + ": " + e.getMessage())));
    }
    Optional<TfValue> json = JsonValues.parse(text, display, 1);
    if (json.isEmpty()
        || !(json.get() instanceof TfValue.Obj plan)
        || !(plan.get("planned_values") instanceof TfValue.Obj planned)) {
      return TerraformProject.of(
          root,
          evaluator,
          new TerraformResources(evaluator, List.of(root), List.of()),
          List.of(
              error(
                  display,
                  1,
                  display
                      + " is not a Terraform plan in JSON; write one with terraform show -json"
                      + " plan.out > plan.json")));
    }
    TfValue.Obj configuration =
        plan.get("configuration") instanceof TfValue.Obj c
            ? c
            : new TfValue.Obj(Map.of(), plan.at());
    TerraformPlan reading = new TerraformPlan(directory);
    reading.module(planned.get("root_module"), root, configRoot(configuration));
    TerraformResources resources =
        new TerraformResources(evaluator, reading.modules, reading.resources);
    return TerraformProject.of(root, evaluator, resources, reading.findings);
  }

  private static TfValue configRoot(TfValue.Obj configuration) {
    return configuration.get("root_module");
  }

  private void module(TfValue planned, ModuleInstance module, TfValue config) {
    modules.add(module);
    for (TfValue r :
        planned instanceof TfValue.Obj o ? o.get("resources").items() : List.<TfValue>of()) {
      if (r instanceof TfValue.Obj resource
          && resource.get("mode").literal().map("managed"::equals).orElse(true)) {
        resource(resource, module, config);
      }
    }
    if (!(planned instanceof TfValue.Obj o)) {
      return;
    }
    for (TfValue c : o.get("child_modules").items()) {
      if (!(c instanceof TfValue.Obj child)) {
        continue;
      }
      String address = child.get("address").literal().orElse("");
      String name = address.replaceAll(".*module\\.", "").replaceAll("\\[.*", "");
      HclBlock call = new HclBlock("module", List.of(name), Map.of(), List.of(), child.at());
      ModuleInstance instance =
          new ModuleInstance(
              TerraformConfig.empty(directory, ""),
              module.prefix() + "module." + name + ".",
              Optional.of(module),
              Optional.of(call));
      TfValue childConfig = new TfValue.Null(child.at());
      if (config instanceof TfValue.Obj cfg
          && cfg.get("module_calls") instanceof TfValue.Obj calls
          && calls.get(name) instanceof TfValue.Obj moduleCall) {
        childConfig = moduleCall.get("module");
      }
      module(child, instance, childConfig);
    }
  }

  private void resource(TfValue.Obj resource, ModuleInstance module, TfValue config) {
    String type = resource.get("type").literal().orElse("");
    String name = resource.get("name").literal().orElse("");
    HclBlock block =
        new HclBlock("resource", List.of(type, name), Map.of(), List.of(), resource.at());
    Scope scope = Scope.of(module);
    TfValue index = resource.get("index");
    if (index.literal().isPresent()) {
      boolean number = index.literal().get().matches("\\d+");
      scope =
          number
              ? new Scope(module, Optional.empty(), Optional.empty(), Optional.of(index))
              : new Scope(module, Optional.of(index), Optional.empty(), Optional.empty());
    }
    TfValue.Obj values =
        resource.get("values") instanceof TfValue.Obj v
            ? v
            : new TfValue.Obj(Map.of(), resource.at());
    Map<String, TfValue> body = new LinkedHashMap<>(values.fields());
    Optional<TfValue.Obj> expressions = expressions(config, type, name);
    if (expressions.isPresent()) {
      expressions
          .get()
          .fields()
          .forEach(
              (argument, expression) -> {
                if (!body.containsKey(argument) || body.get(argument).isNull()) {
                  reference(expression, resource.at()).ifPresent(r -> body.put(argument, r));
                }
              });
    }
    resources.add(new ResourceInstance(module, block, scope, new TfValue.Obj(body, resource.at())));
  }

  /** The {@code expressions} of a resource in the plan's {@code configuration}. */
  private static Optional<TfValue.Obj> expressions(TfValue config, String type, String name) {
    if (!(config instanceof TfValue.Obj c)) {
      return Optional.empty();
    }
    for (TfValue r : c.get("resources").items()) {
      if (r instanceof TfValue.Obj resource
          && resource.get("type").literal().map(type::equals).orElse(false)
          && resource.get("name").literal().map(name::equals).orElse(false)
          && resource.get("expressions") instanceof TfValue.Obj e) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * An argument the plan knows only after apply, when its expression is one resource attribute:
   * {@code {"references": ["aws_iam_role.shipping.arn", "aws_iam_role.shipping"]}}. Its value is
   * unknown, but where it comes from is known ({@link TfValue.Text#origin()}).
   */
  private static Optional<TfValue> reference(TfValue expression, SourceLocation at) {
    if (!(expression instanceof TfValue.Obj e)) {
      return Optional.empty();
    }
    List<String> references = new ArrayList<>();
    e.get("references").items().forEach(r -> r.literal().ifPresent(references::add));
    List<String> attributes =
        references.stream()
            .filter(r -> r.split("\\.").length >= 3 && !r.startsWith("var."))
            .toList();
    if (attributes.size() != 1) {
      return Optional.empty();
    }
    return Optional.of(
        new TfValue.Text(
            List.of(ArgValue.unknown(attributes.get(0) + ", known only after apply")),
            at,
            Optional.of(attributes.get(0))));
  }

  private static Finding error(String display, int line, String message) {
    return Finding.error("TEMPLATE_ERROR", message, SourceLocation.of(display, line));
  }
}
