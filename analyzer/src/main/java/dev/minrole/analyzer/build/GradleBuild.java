package dev.minrole.analyzer.build;

import dev.minrole.analyzer.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dependencies a {@code build.gradle} or {@code build.gradle.kts} declares, read as text: a
 * careful reader of dependency notations, not a Gradle evaluator. Inside a {@code dependencies}
 * block it reads a configuration name followed by {@code "group:artifact[:version]"} (with or
 * without parentheses, single or double quotes) or by named parts ({@code group: 'g', name: 'a'} in
 * Groovy, {@code group = "g", name = "a"} in Kotlin). Comments are skipped, and so are test
 * configurations and {@code platform(...)} BOMs.
 *
 * <p>Its limits, which it cannot see past: versions catalogs ({@code libs.aws.sdk}), coordinates
 * built from variables ({@code "$group:x"}), dependencies added by plugins, convention plugins or
 * {@code buildSrc}, and those declared in another project's build file ({@code subprojects {}} of
 * the root build, {@code project(':lib')}).
 */
final class GradleBuild {
  private static final Pattern STRING_NOTATION =
      Pattern.compile(
          "^\\s*([A-Za-z][A-Za-z0-9]*)\\s*\\(?\\s*(?:(platform|enforcedPlatform)\\s*\\(\\s*)?"
              + "['\"]([^'\":\\s]+):([^'\":\\s]+)(?::[^'\"]*)?['\"]");
  private static final Pattern MAP_NOTATION =
      Pattern.compile(
          "^\\s*([A-Za-z][A-Za-z0-9]*)\\s*\\(?\\s*group\\s*[:=]\\s*['\"]([^'\"]+)['\"]\\s*,"
              + "\\s*name\\s*[:=]\\s*['\"]([^'\"]+)['\"]");

  private GradleBuild() {}

  static List<Dependency> read(String text, String display) {
    List<Dependency> out = new ArrayList<>();
    String[] lines = stripComments(text).split("\n", -1);
    int depth = 0;
    int dependenciesDepth = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (dependenciesDepth < 0 && line.matches("\\s*dependencies\\s*\\{.*")) {
        dependenciesDepth = depth;
      } else if (dependenciesDepth >= 0 && depth == dependenciesDepth + 1) {
        dependency(line, SourceLocation.of(display, i + 1)).ifPresent(out::add);
      }
      depth += count(line, '{') - count(line, '}');
      if (dependenciesDepth >= 0 && depth <= dependenciesDepth) {
        dependenciesDepth = -1;
      }
    }
    return List.copyOf(out);
  }

  private static java.util.Optional<Dependency> dependency(String line, SourceLocation where) {
    Matcher string = STRING_NOTATION.matcher(line);
    if (string.find()) {
      if (string.group(2) != null || isTest(string.group(1))) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new Dependency(string.group(3), string.group(4), where));
    }
    Matcher map = MAP_NOTATION.matcher(line);
    if (map.find() && !isTest(map.group(1))) {
      return java.util.Optional.of(new Dependency(map.group(2), map.group(3), where));
    }
    return java.util.Optional.empty();
  }

  /**
   * Configurations whose libraries the function does not run: tests (testImplementation,
   * androidTestApi, ...) and the build script's own {@code classpath}.
   */
  private static boolean isTest(String configuration) {
    String name = configuration.toLowerCase(Locale.ROOT);
    return name.contains("test") || name.equals("classpath");
  }

  private static int count(String line, char c) {
    int n = 0;
    boolean quoted = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char x = line.charAt(i);
      if (quoted) {
        quoted = x != quote;
      } else if (x == '"' || x == '\'') {
        quoted = true;
        quote = x;
      } else if (x == c) {
        n++;
      }
    }
    return n;
  }

  /** The text with comments blanked out, lines kept where they are. */
  static String stripComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    char quote = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quote != 0) {
        out.append(c);
        if (c == quote) {
          quote = 0;
        } else if (c == '\n') {
          quote = 0;
        }
        i++;
      } else if (c == '"' || c == '\'') {
        quote = c;
        out.append(c);
        i++;
      } else if (text.startsWith("//", i)) {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        int stop = end < 0 ? text.length() : end + 2;
        for (int j = i; j < stop; j++) {
          if (text.charAt(j) == '\n') {
            out.append('\n');
          }
        }
        i = stop;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
