package dev.minrole.analyzer.template;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the templates of an application directory: {@code template.yaml}, {@code template.yml} or
 * {@code template.json} (SAM's names), or the stacks of a synthesized CDK app in {@code
 * cdk.out/*.template.json}.
 */
public final class TemplateDiscovery {
  private static final List<String> NAMES =
      List.of("template.yaml", "template.yml", "template.json");

  private TemplateDiscovery() {}

  public static List<Path> in(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    for (String name : NAMES) {
      Path candidate = directory.resolve(name);
      if (Files.isRegularFile(candidate)) {
        return List.of(candidate);
      }
    }
    Path cdkOut = directory.resolve("cdk.out");
    List<Path> stacks = new ArrayList<>();
    if (Files.isDirectory(cdkOut)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(cdkOut, "*.template.json")) {
        files.forEach(stacks::add);
      } catch (IOException e) {
        return List.of();
      }
    }
    stacks.sort(null);
    return stacks;
  }
}
