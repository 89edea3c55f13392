package dev.minrole.generator.testing;

import dev.minrole.analyzer.template.TemplateProject;
import dev.minrole.analyzer.template.TemplateResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A template written for a test, as {@code template.yaml} in a folder, and read. */
public final class TemplateFixture {
  private TemplateFixture() {}

  /** Reads {@code yaml} in partition {@code aws} with the given region and account. */
  public static TemplateProject load(
      Path dir, String yaml, Optional<String> region, Optional<String> account) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, yaml);
    return TemplateProject.load(
        file,
        "template.yaml",
        new TemplateResolver.Options(Map.of(), Optional.empty(), region, account, "aws"));
  }
}
