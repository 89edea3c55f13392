package dev.minrole.analyzer.entry;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the properties an application configuration file sets, each with its line: Java {@code
 * .properties} ({@code key=value}, {@code key: value}, {@code key value}, comments, continued
 * lines) and YAML (nested keys joined with dots, every document of the file, a list joined with
 * commas, as Spring Boot, Micronaut and Quarkus read them).
 */
final class ConfigFileReader {
  /** What a file holds, and why part of it could not be read. */
  record Read(List<ConfigEntry> entries, List<Finding> findings) {
    Read {
      entries = List.copyOf(entries);
      findings = List.copyOf(findings);
    }
  }

  private ConfigFileReader() {}

  static Read read(String displayPath, String text) {
    return displayPath.endsWith(".properties")
        ? new Read(properties(displayPath, text), List.of())
        : yaml(displayPath, text);
  }

  static List<ConfigEntry> properties(String displayPath, String text) {
    List<ConfigEntry> out = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int first = i;
      StringBuilder logical = new StringBuilder(lines[i].stripLeading());
      if (logical.isEmpty() || logical.charAt(0) == '#' || logical.charAt(0) == '!') {
        continue;
      }
      while (endsWithContinuation(logical) && i + 1 < lines.length) {
        logical.setLength(logical.length() - 1);
        logical.append(lines[++i].stripLeading());
      }
      entry(logical.toString(), SourceLocation.of(displayPath, first + 1)).ifPresent(out::add);
    }
    return out;
  }

  private static boolean endsWithContinuation(CharSequence line) {
    int backslashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /** Splits {@code key=value} at the first unescaped {@code =}, {@code :} or whitespace. */
  private static Optional<ConfigEntry> entry(String line, SourceLocation where) {
    StringBuilder key = new StringBuilder();
    int i = 0;
    for (; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        key.append(line.charAt(++i));
      } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
        break;
      } else {
        key.append(c);
      }
    }
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    if (i < line.length() && (line.charAt(i) == '=' || line.charAt(i) == ':')) {
      i++;
    }
    String value = unescape(line.substring(i).strip());
    return key.isEmpty()
        ? Optional.empty()
        : Optional.of(new ConfigEntry(key.toString(), value, where));
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(
            switch (next) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              default -> next;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Read yaml(String displayPath, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(50);
    List<ConfigEntry> out = new ArrayList<>();
    try {
      for (Node document : new Yaml(options).composeAll(new StringReader(text))) {
        flatten("", document, displayPath, out);
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 0 : mark.getLine() + 1;
      return new Read(out, List.of(unreadable(displayPath, line, e.getProblem())));
    } catch (YAMLException e) {
      return new Read(out, List.of(unreadable(displayPath, 0, e.getMessage())));
    }
    return new Read(out, List.of());
  }

  private static Finding unreadable(String displayPath, int line, String problem) {
    return Finding.warning(
        "UNREADABLE_SOURCE",
        "cannot read "
            + displayPath
            + " ("
            + (problem == null ? "invalid YAML" : problem)
            + "); settings in it that choose the function's entry point are not seen. Fix the"
            + " file so that the application itself can start",
        SourceLocation.of(displayPath, line));
  }

  private static void flatten(String prefix, Node node, String displayPath, List<ConfigEntry> out) {
    SourceLocation where = SourceLocation.of(displayPath, node.getStartMark().getLine() + 1);
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          String name = prefix.isEmpty() ? key.getValue() : prefix + "." + key.getValue();
          flatten(name, tuple.getValueNode(), displayPath, out);
        }
      }
    } else if (node instanceof SequenceNode sequence && !prefix.isEmpty()) {
      List<String> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        if (item instanceof ScalarNode scalar) {
          items.add(scalar.getValue());
        }
      }
      out.add(new ConfigEntry(prefix, String.join(",", items), where));
    } else if (node instanceof ScalarNode scalar && !prefix.isEmpty()) {
      out.add(new ConfigEntry(prefix, scalar.getValue(), where));
    }
  }
}
