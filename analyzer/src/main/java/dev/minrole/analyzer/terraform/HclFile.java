package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.Finding;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Terraform file ({@code .tf}, or {@code .tfvars} with top-level attributes only), as far as it
 * could be read, with the problems found reading it.
 */
public record HclFile(
    Path path,
    String displayPath,
    List<HclBlock> blocks,
    Map<String, HclBlock.Attribute> attributes,
    List<Finding> findings) {
  public HclFile {
    blocks = List.copyOf(blocks);
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    findings = List.copyOf(findings);
  }
}
