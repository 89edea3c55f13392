package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources of a configuration and of the local modules it calls, instance by instance: a
 * resource with {@code for_each} over a map or set known before apply has one instance per key, one
 * with a known {@code count} one per index (none for {@code count = 0}); otherwise one instance,
 * with {@code each} and {@code count} unknown.
 */
public final class TerraformResources {
  private final TerraformEvaluator evaluator;
  private final List<ModuleInstance> modules = new ArrayList<>();
  private final List<ResourceInstance> instances = new ArrayList<>();

  /** The resources of a plan, each with the values the plan gives it. */
  TerraformResources(
      TerraformEvaluator evaluator, List<ModuleInstance> modules, List<ResourceInstance> planned) {
    this.evaluator = evaluator;
    this.modules.addAll(modules);
    for (ResourceInstance r : planned) {
      evaluator.resources().provide(r.module(), r.block(), r.scope(), r.body());
      instances.add(r);
    }
  }

  public TerraformResources(TerraformEvaluator evaluator, ModuleInstance root) {
    this.evaluator = evaluator;
    collect(root);
    for (ModuleInstance module : modules) {
      for (HclBlock block : module.config().resources().values()) {
        for (Scope scope : scopes(module, block)) {
          instances.add(
              new ResourceInstance(
                  module, block, scope, evaluator.resources().body(module, block, scope)));
        }
      }
    }
  }

  private void collect(ModuleInstance module) {
    modules.add(module);
    for (Map.Entry<String, HclBlock> call : module.config().modules().entrySet()) {
      evaluator
          .modules()
          .child(module, call.getKey(), call.getValue().location())
          .ifPresent(this::collect);
    }
  }

  /** Every module instance: the root first, then the local modules it calls, depth first. */
  public List<ModuleInstance> modules() {
    return List.copyOf(modules);
  }

  /** Every resource instance, in module and file order. */
  public List<ResourceInstance> all() {
    return List.copyOf(instances);
  }

  /** An attribute of a resource instance, as {@link ResourceAttributes#attribute} reads it. */
  public TfValue attribute(ResourceInstance r, String attribute) {
    return evaluator
        .resources()
        .attribute(r.module(), r.block(), r.scope(), attribute, r.location());
  }

  /** The instances of one resource type. */
  public List<ResourceInstance> ofType(String type) {
    return instances.stream().filter(r -> r.type().equals(type)).toList();
  }

  /** The instances of the resource at {@code address} ({@code module.x.aws_iam_role.shared}). */
  public List<ResourceInstance> at(String address) {
    return instances.stream().filter(r -> r.address().equals(address)).toList();
  }

  private List<Scope> scopes(ModuleInstance module, HclBlock block) {
    Scope plain = Scope.of(module);
    Optional<HclBlock.Attribute> forEach = block.attribute("for_each");
    if (forEach.isPresent()) {
      TfValue each = evaluator.evaluate(forEach.get().expression(), plain);
      Optional<Map<String, TfValue>> instances = TfValue.forEachInstances(each);
      if (instances.isPresent()) {
        List<Scope> out = new ArrayList<>();
        instances
            .get()
            .forEach(
                (k, v) ->
                    out.add(
                        new Scope(
                            module,
                            Optional.of(TfValue.text(k, block.location())),
                            Optional.of(v),
                            Optional.empty())));
        return out;
      }
      unknownInstances(block, "for_each");
      return List.of(plain);
    }
    Optional<HclBlock.Attribute> count = block.attribute("count");
    if (count.isPresent()) {
      Optional<String> n = evaluator.evaluate(count.get().expression(), plain).literal();
      try {
        int instancesOf = n.isPresent() ? (int) Double.parseDouble(n.get()) : -1;
        if (instancesOf >= 0) {
          List<Scope> out = new ArrayList<>();
          for (int i = 0; i < instancesOf; i++) {
            out.add(
                new Scope(
                    module,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(TfValue.text(String.valueOf(i), block.location()))));
          }
          return out;
        }
      } catch (NumberFormatException e) {
        // fall through: an unknown count
      }
      unknownInstances(block, "count");
    }
    return List.of(plain);
  }

  private void unknownInstances(HclBlock block, String argument) {
    if (!block.label(0).equals("aws_lambda_function")) {
      return;
    }
    evaluator.report(
        Finding.info(
            "TEMPLATE_UNRESOLVED",
            block.label(0)
                + "."
                + block.label(1)
                + " has a "
                + argument
                + " known only at apply, so minrole reads it as one function whose "
                + (argument.equals("count") ? "count.index" : "each.key and each.value")
                + " are unknown",
            block.location()));
  }
}
