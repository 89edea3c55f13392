package dev.minrole.analyzer.entry;

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

/**
 * The configuration files an application reads at startup, found beside its sources: {@code
 * application.properties}, {@code application.yml} and {@code application.yaml} in {@code
 * src/main/resources} (and its {@code config/} folder) next to each {@code src/main/java}. Spring
 * Boot, Micronaut and Quarkus all read these; a setting in them chooses the function a framework
 * runs. A Quarkus {@code %prod.} property is the one a deployed function sees; other profiles are
 * not.
 */
public final class ApplicationConfig {
  public static final ApplicationConfig EMPTY = new ApplicationConfig(List.of(), List.of());

  private static final List<String> FILE_NAMES =
      List.of(
          "application.properties",
          "application.yml",
          "application.yaml",
          "config/application.properties",
          "config/application.yml",
          "config/application.yaml");
  private static final String SOURCES = "src/main/java";
  private static final String RESOURCES = "src/main/resources";
  private static final String DEPLOYED_PROFILE = "%prod.";

  private final List<ConfigEntry> entries;
  private final List<Finding> findings;

  private ApplicationConfig(List<ConfigEntry> entries, List<Finding> findings) {
    this.entries = List.copyOf(entries);
    this.findings = List.copyOf(findings);
  }

  /** Configuration from file texts keyed by their display paths, for tests. */
  public static ApplicationConfig of(Map<String, String> texts) {
    List<ConfigEntry> entries = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    texts.forEach(
        (display, text) -> {
          ConfigFileReader.Read read = ConfigFileReader.read(display, text);
          entries.addAll(read.entries());
          findings.addAll(read.findings());
        });
    return new ApplicationConfig(entries, findings);
  }

  /**
   * The configuration files beside these Java sources ({@code files[i]} shown as {@code
   * displayPaths[i]}), each read once.
   */
  public static ApplicationConfig besideSources(List<Path> files, List<String> displayPaths) {
    Map<Path, String> folders = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      String path = files.get(i).toString().replace('\\', '/');
      String display = displayPaths.get(i);
      int at = sourcesFolder(path);
      int shownAt = sourcesFolder(display);
      if (at >= 0) {
        folders.putIfAbsent(
            Path.of(path.substring(0, at) + RESOURCES),
            shownAt >= 0 ? display.substring(0, shownAt) + RESOURCES : RESOURCES);
      }
    }
    Map<String, String> texts = new LinkedHashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<Path, String> folder : folders.entrySet()) {
      for (String name : FILE_NAMES) {
        Path file = folder.getKey().resolve(name);
        if (!Files.isRegularFile(file)) {
          continue;
        }
        String display = folder.getValue() + "/" + name;
        try {
          texts.put(display, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          findings.add(
              Finding.warning(
                  "UNREADABLE_SOURCE",
                  "cannot read " + display + ": " + e.getMessage() + "; check its permissions",
                  SourceLocation.file(display)));
        }
      }
    }
    ApplicationConfig read = of(texts);
    findings.addAll(0, read.findings);
    return new ApplicationConfig(read.entries, findings);
  }

  /** Where {@code src/main/java} starts in a path, or -1. */
  private static int sourcesFolder(String path) {
    if (path.startsWith(SOURCES + "/")) {
      return 0;
    }
    int at = path.indexOf("/" + SOURCES + "/");
    return at < 0 ? -1 : at + 1;
  }

  /**
   * Every place a deployed application reads {@code key} from, in file order: the {@code %prod.}
   * profile's values when there are any, since they override the others in a deployed function.
   */
  public List<ConfigEntry> get(String key) {
    List<ConfigEntry> plain = new ArrayList<>();
    List<ConfigEntry> deployed = new ArrayList<>();
    for (ConfigEntry e : entries) {
      if (e.key().equals(key)) {
        plain.add(e);
      } else if (e.key().equals(DEPLOYED_PROFILE + key)) {
        deployed.add(e);
      }
    }
    return deployed.isEmpty() ? plain : deployed;
  }

  /** Files that could not be read. */
  public List<Finding> findings() {
    return findings;
  }

  public boolean isEmpty() {
    return entries.isEmpty() && findings.isEmpty();
  }
}
