package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.Finding;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code .tf} files of one module directory, read and indexed: variables, locals, resources,
 * data sources, module calls and outputs, in file order (files sorted by name, as Terraform loads
 * them). A second declaration of the same address is a {@code TEMPLATE_ERROR}.
 */
public final class TerraformConfig {
  private final Path directory;
  private final String displayDirectory;
  private final List<HclFile> files;
  private final Map<String, HclBlock> variables = new LinkedHashMap<>();
  private final Map<String, HclBlock.Attribute> locals = new LinkedHashMap<>();
  private final Map<String, HclBlock> resources = new LinkedHashMap<>();
  private final Map<String, HclBlock> data = new LinkedHashMap<>();
  private final Map<String, HclBlock> modules = new LinkedHashMap<>();
  private final Map<String, HclBlock> outputs = new LinkedHashMap<>();
  private final List<Finding> findings = new ArrayList<>();

  private TerraformConfig(Path directory, String displayDirectory, List<HclFile> files) {
    this.directory = directory;
    this.displayDirectory = displayDirectory;
    this.files = List.copyOf(files);
    for (HclFile file : files) {
      findings.addAll(file.findings());
      for (HclBlock block : file.blocks()) {
        index(block);
      }
    }
  }

  /**
   * Reads the {@code *.tf} files of {@code directory}; {@code displayDirectory} is how locations
   * name it ({@code infra}, or empty for the directory the user named).
   */
  public static TerraformConfig load(Path directory, String displayDirectory) {
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> tf = Files.newDirectoryStream(directory, "*.tf")) {
      tf.forEach(p -> paths.add(p));
    } catch (IOException e) {
      return new TerraformConfig(directory, displayDirectory, List.of());
    }
    paths.sort(null);
    List<HclFile> files = new ArrayList<>();
    for (Path p : paths) {
      files.add(HclReader.read(p, display(displayDirectory, p.getFileName().toString())));
    }
    return new TerraformConfig(directory, displayDirectory, files);
  }

  /** A module known without its files (from a plan): no declarations. */
  public static TerraformConfig empty(Path directory, String displayDirectory) {
    return new TerraformConfig(directory, displayDirectory, List.of());
  }

  /** True if {@code directory} holds a {@code .tf} file. */
  public static boolean isConfiguration(Path directory) {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (DirectoryStream<Path> tf = Files.newDirectoryStream(directory, "*.tf")) {
      return tf.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  static String display(String directory, String file) {
    return directory.isEmpty() ? file : directory + "/" + file;
  }

  private void index(HclBlock block) {
    switch (block.type()) {
      case "variable" -> put(variables, block.label(0), block, "variable");
      case "locals" ->
          block
              .attributes()
              .forEach(
                  (name, attribute) -> {
                    if (locals.containsKey(name)) {
                      duplicate("local value " + name, attribute.location());
                    } else {
                      locals.put(name, attribute);
                    }
                  });
      case "resource" -> put(resources, block.label(0) + "." + block.label(1), block, "resource");
      case "data" -> put(data, block.label(0) + "." + block.label(1), block, "data source");
      case "module" -> put(modules, block.label(0), block, "module call");
      case "output" -> put(outputs, block.label(0), block, "output");
      default -> {}
    }
  }

  private void put(Map<String, HclBlock> into, String key, HclBlock block, String what) {
    if (into.containsKey(key)) {
      duplicate(what + " " + key, block.location());
    } else {
      into.put(key, block);
    }
  }

  private void duplicate(String what, dev.minrole.analyzer.model.SourceLocation where) {
    findings.add(
        Finding.warning(
            "TEMPLATE_ERROR",
            what + " is declared twice; minrole reads the first declaration",
            where));
  }

  public Path directory() {
    return directory;
  }

  public String displayDirectory() {
    return displayDirectory;
  }

  public List<HclFile> files() {
    return files;
  }

  public List<Finding> findings() {
    return Collections.unmodifiableList(findings);
  }

  public Map<String, HclBlock> variables() {
    return Collections.unmodifiableMap(variables);
  }

  public Optional<HclBlock.Attribute> local(String name) {
    return Optional.ofNullable(locals.get(name));
  }

  /** Resources by {@code type.name}, in file order. */
  public Map<String, HclBlock> resources() {
    return Collections.unmodifiableMap(resources);
  }

  public Map<String, HclBlock> data() {
    return Collections.unmodifiableMap(data);
  }

  public Map<String, HclBlock> modules() {
    return Collections.unmodifiableMap(modules);
  }

  public Map<String, HclBlock> outputs() {
    return Collections.unmodifiableMap(outputs);
  }
}
