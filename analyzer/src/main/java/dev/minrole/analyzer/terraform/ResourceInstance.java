package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.SourceLocation;

/**
 * One instance of a resource of a module instance: its block, the scope its arguments are evaluated
 * in ({@code each.*}, {@code count.index}), and its evaluated body.
 */
public record ResourceInstance(
    ModuleInstance module, HclBlock block, Scope scope, TfValue.Obj body) {

  /** {@code aws_sqs_queue.jobs}, with {@code module.<name>.} in front inside a module. */
  public String address() {
    return module.prefix() + block.label(0) + "." + block.label(1);
  }

  /** The address with the instance key: {@code aws_lambda_function.fn["orders"]}. */
  public String instanceAddress() {
    return address() + scope.instanceKey();
  }

  public String type() {
    return block.label(0);
  }

  public String name() {
    return block.label(1);
  }

  public SourceLocation location() {
    return block.location();
  }

  /** The value of a top-level argument, or null. */
  public TfValue get(String argument) {
    return body.get(argument);
  }

  /** Where an argument is written, or the block when it is not. */
  public SourceLocation locationOf(String argument) {
    return block.attribute(argument).map(HclBlock.Attribute::location).orElse(block.location());
  }
}
