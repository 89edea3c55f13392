package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a module's names stand for, for {@link TerraformEvaluator}: input variables ({@code
 * --parameter}, {@code terraform.tfvars} and {@code *.auto.tfvars} for the root module, a {@code
 * module} block's arguments for a local module, else the default), local values, and the outputs of
 * the local modules it calls, each loaded once.
 */
final class ModuleValues {
  private final TerraformEvaluator evaluator;
  private final Map<String, TfValue> rootVariables;
  private final Map<String, ModuleInstance> children = new HashMap<>();

  ModuleValues(TerraformEvaluator evaluator, Map<String, TfValue> rootVariables) {
    this.evaluator = evaluator;
    this.rootVariables = Map.copyOf(rootVariables);
  }

  /** The value of {@code var.<name>} in {@code module}. */
  TfValue variable(ModuleInstance module, String name, SourceLocation at) {
    HclBlock declared = module.config().variables().get(name);
    if (declared == null) {
      evaluator.report(
          Finding.warning(
              "TEMPLATE_ERROR",
              "var."
                  + name
                  + " is not declared (no variable \""
                  + name
                  + "\" block in "
                  + directoryName(module)
                  + ")",
              at));
      return TfValue.unknown("the undeclared variable " + name, at);
    }
    if (!module.isRoot()) {
      Optional<HclBlock.Attribute> argument = module.call().flatMap(c -> c.attribute(name));
      if (argument.isPresent()) {
        return evaluator.memoized(
            "var:" + module.prefix() + name,
            at,
            () ->
                evaluator.evaluate(
                    argument.get().expression(), Scope.of(module.parent().orElseThrow())));
      }
    } else {
      String parameter = evaluator.options().parameters().get(name);
      if (parameter != null) {
        return TfValue.text(parameter, declared.location());
      }
      TfValue fromFile = rootVariables.get(name);
      if (fromFile != null) {
        return fromFile;
      }
    }
    Optional<HclBlock.Attribute> fallback = declared.attribute("default");
    if (fallback.isPresent()) {
      return evaluator.memoized(
          "var:" + module.prefix() + name,
          at,
          () -> evaluator.evaluate(fallback.get().expression(), Scope.of(module)));
    }
    evaluator.report(
        Finding.info(
            "TEMPLATE_UNRESOLVED",
            "variable \""
                + name
                + "\" has no default"
                + (module.isRoot()
                    ? " and no value in terraform.tfvars; pass --parameter " + name + "=VALUE"
                    : " and module " + module.name() + " does not set it"),
            declared.location()));
    return TfValue.unknown("the variable " + name + ", which has no value", at);
  }

  TfValue local(ModuleInstance module, String name, SourceLocation at) {
    Optional<HclBlock.Attribute> local = module.config().local(name);
    if (local.isEmpty()) {
      evaluator.report(
          Finding.warning(
              "TEMPLATE_ERROR",
              "local." + name + " is not declared in any locals block of " + directoryName(module),
              at));
      return TfValue.unknown("the undeclared local value " + name, at);
    }
    return evaluator.memoized(
        "local:" + module.prefix() + name,
        local.get().location(),
        () -> evaluator.evaluate(local.get().expression(), Scope.of(module)));
  }

  TfValue moduleOutput(
      ModuleInstance module,
      String callName,
      String output,
      List<HclExpr.Step> rest,
      Scope scope,
      SourceLocation at) {
    Optional<ModuleInstance> child = child(module, callName, at);
    if (child.isEmpty()) {
      return TfValue.unknown(
          "an output of module " + callName + ", which minrole does not read", at);
    }
    HclBlock declared = child.get().config().outputs().get(output);
    if (declared == null || declared.attribute("value").isEmpty()) {
      evaluator.report(
          Finding.warning(
              "TEMPLATE_ERROR",
              "module." + callName + "." + output + " is not an output of module " + callName,
              at));
      return TfValue.unknown("the missing output " + output + " of module " + callName, at);
    }
    TfValue value =
        evaluator.memoized(
            "output:" + child.get().prefix() + output,
            declared.location(),
            () ->
                evaluator.evaluate(
                    declared.attribute("value").get().expression(), Scope.of(child.get())));
    return evaluator.navigate(value, rest, scope, at);
  }

  /** The local module a {@code module} block calls, or empty (with a finding) for any other. */
  Optional<ModuleInstance> child(ModuleInstance parent, String callName, SourceLocation at) {
    String key = parent.prefix() + callName;
    if (children.containsKey(key)) {
      return Optional.ofNullable(children.get(key));
    }
    HclBlock call = parent.config().modules().get(callName);
    ModuleInstance instance = null;
    if (call == null) {
      evaluator.report(
          Finding.warning(
              "TEMPLATE_ERROR",
              "module." + callName + " is not a module block of " + directoryName(parent),
              at));
    } else {
      Optional<String> source =
          call.attribute("source")
              .flatMap(a -> evaluator.evaluate(a.expression(), Scope.of(parent)).literal());
      if (source.isPresent() && (source.get().startsWith("./") || source.get().startsWith("../"))) {
        Path dir = parent.config().directory().resolve(source.get()).normalize();
        if (TerraformConfig.isConfiguration(dir)) {
          String display =
              TerraformConfig.display(parent.config().displayDirectory(), source.get())
                  .replace("/./", "/")
                  .replaceFirst("^\\./", "");
          TerraformConfig config = TerraformConfig.load(dir, normalize(display));
          config.findings().forEach(evaluator::report);
          instance =
              new ModuleInstance(
                  config,
                  parent.prefix() + "module." + callName + ".",
                  Optional.of(parent),
                  Optional.of(call));
        } else {
          evaluator.report(
              Finding.warning(
                  "TEMPLATE_ERROR",
                  "module "
                      + callName
                      + " has source "
                      + source.get()
                      + ", which is not a directory with .tf files",
                  call.location()));
        }
      } else {
        evaluator.report(
            Finding.warning(
                "TEMPLATE_UNRESOLVED",
                "module "
                    + callName
                    + " comes from "
                    + source.orElse("an unknown source")
                    + ", which minrole does not follow: functions and roles it declares are not"
                    + " analyzed, and its outputs are unknown. Use a local module, or a plan"
                    + " (--terraform-plan) which has every module's values",
                call.location()));
      }
    }
    children.put(key, instance);
    return Optional.ofNullable(instance);
  }

  private static String normalize(String display) {
    Path p = Path.of(display).normalize();
    return p.toString().replace('\\', '/');
  }

  static ModuleInstance root(ModuleInstance module) {
    ModuleInstance m = module;
    while (m.parent().isPresent()) {
      m = m.parent().get();
    }
    return m;
  }

  /** The module's directory as messages name it. */
  static String directoryName(ModuleInstance module) {
    String dir = module.config().displayDirectory();
    return dir.isEmpty() ? "the configuration" : dir;
  }
}
