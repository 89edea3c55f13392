package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A block of a Terraform file ({@code resource "aws_sqs_queue" "jobs" {...}}): its type, labels,
 * attributes in order, nested blocks, and where it starts.
 */
public record HclBlock(
    String type,
    List<String> labels,
    Map<String, Attribute> attributes,
    List<HclBlock> blocks,
    SourceLocation location) {

  /** {@code name = expression}, at its line. */
  public record Attribute(String name, HclExpr expression, SourceLocation location) {}

  public HclBlock {
    labels = List.copyOf(labels);
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    blocks = List.copyOf(blocks);
  }

  public Optional<Attribute> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** The nested blocks of a type, in order. */
  public List<HclBlock> blocks(String blockType) {
    return blocks.stream().filter(b -> b.type().equals(blockType)).toList();
  }

  public String label(int index) {
    return index < labels.size() ? labels.get(index) : "";
  }
}
