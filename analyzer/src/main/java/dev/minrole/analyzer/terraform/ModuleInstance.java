package dev.minrole.analyzer.terraform;

import java.util.Optional;

/**
 * A module as Terraform instantiates it: the root configuration, or a local module called from its
 * parent with the arguments of the {@code module} block ({@code call}). {@code prefix} is what
 * addresses inside it start with: empty for the root, {@code module.shipping.} for a call.
 */
public record ModuleInstance(
    TerraformConfig config,
    String prefix,
    Optional<ModuleInstance> parent,
    Optional<HclBlock> call) {

  public static ModuleInstance root(TerraformConfig config) {
    return new ModuleInstance(config, "", Optional.empty(), Optional.empty());
  }

  public boolean isRoot() {
    return parent.isEmpty();
  }

  /** The name of the {@code module} block that called this one, or empty for the root. */
  public String name() {
    return call.map(c -> c.label(0)).orElse("");
  }
}
