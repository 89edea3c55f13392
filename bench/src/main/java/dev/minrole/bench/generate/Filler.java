package dev.minrole.bench.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The ordinary code around SDK calls: small {@code String -> String} helpers (normalizing,
 * validating, hashing, formatting) in the shapes real services are full of: loops, switches,
 * streams, maps, regular expressions, try/catch and calls between helpers. The main code of a file
 * calls some of them, so they are reachable and their values flow into requests.
 */
final class Filler {
  private static final List<String> VERBS =
      List.of(
          "normalize",
          "sanitize",
          "canonical",
          "compact",
          "masked",
          "checksum",
          "shardOf",
          "labelFor",
          "slug",
          "padded",
          "truncated",
          "escaped",
          "clean",
          "tagFor",
          "folded",
          "stable",
          "bounded",
          "summary");
  private static final List<String> NOUNS =
      List.of("Id", "Key", "Name", "Label", "Token", "Code", "Ref", "Part", "Path", "Tag");
  private static final List<String> WORDS =
      List.of("standard", "priority", "bulk", "internal", "partner", "legacy", "trial", "archive");

  /** One kind of helper body: its lines (with {@code {{...}}} values) and the imports it needs. */
  private record Shape(String body, List<String> imports) {}

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(
              """
                  StringBuilder out = new StringBuilder(value.length());
                  for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if (Character.isLetterOrDigit(c)) {
                      out.append(Character.toLowerCase(c));
                    } else if (out.length() > 0 && out.charAt(out.length() - 1) != '{{sep}}') {
                      out.append('{{sep}}');
                    }
                  }
                  return out.toString();
              """,
              List.of()),
          new Shape(
              """
                  int hash = {{n}};
                  for (char c : value.toCharArray()) {
                    hash = 31 * hash + c;
                  }
                  return Integer.toHexString(hash & 0x{{mask}});
              """,
              List.of()),
          new Shape(
              """
                  switch (value.isEmpty() ? ' ' : Character.toLowerCase(value.charAt(0))) {
                    case 'a':
                    case 'e':
                    case 'i':
                      return "{{w1}}";
                    case 'o':
                    case 'u':
                      return "{{w2}}";
                    case ' ':
                      return "{{w3}}";
                    default:
                      return value.length() > {{n}} ? "{{w3}}" : value;
                  }
              """,
              List.of()),
          new Shape(
              """
                  return Arrays.stream(value.split("[,;]"))
                      .map(String::strip)
                      .filter(part -> !part.isEmpty())
                      .sorted()
                      .distinct()
                      .limit({{n}})
                      .collect(Collectors.joining("{{sep}}"));
              """,
              List.of("java.util.Arrays", "java.util.stream.Collectors")),
          new Shape(
              """
                  Map<Character, Integer> counts = new TreeMap<>();
                  for (char c : value.toCharArray()) {
                    counts.merge(c, 1, Integer::sum);
                  }
                  StringBuilder out = new StringBuilder();
                  counts.forEach((c, count) -> out.append(c).append(count));
                  return out.length() > {{n}} ? out.substring(0, {{n}}) : out.toString();
              """,
              List.of("java.util.Map", "java.util.TreeMap")),
          new Shape(
              """
                  Instant at = Instant.ofEpochSecond({{epoch}}L + value.length());
                  return DateTimeFormatter.ISO_INSTANT.format(at) + "{{sep}}" + value;
              """,
              List.of("java.time.Instant", "java.time.format.DateTimeFormatter")),
          new Shape(
              """
                  try {
                    int parsed = Integer.parseInt(value.strip());
                    return String.valueOf(Math.max(0, Math.min({{n}}, parsed)));
                  } catch (NumberFormatException e) {
                    return "{{w1}}";
                  }
              """,
              List.of()),
          new Shape(
              """
                  if (value.matches("[A-Za-z0-9_-]{1,{{n}}}")) {
                    return value;
                  }
                  String replaced = value.replaceAll("[^A-Za-z0-9_-]", "_");
                  return replaced.substring(0, Math.min(replaced.length(), {{n}}));
              """,
              List.of()),
          new Shape(
"""
    if (value.length() <= 4) {
      return "*".repeat(value.length());
    }
    return value.substring(0, 2) + "*".repeat(value.length() - 4) + value.substring(value.length() - 2);
""",
              List.of()),
          new Shape(
              """
                  String trimmed = value == null ? "" : value.strip();
                  if (trimmed.length() > {{n}}) {
                    trimmed = trimmed.substring(0, {{n}});
                  }
                  return trimmed.isEmpty() ? "{{w2}}" : trimmed.toLowerCase(Locale.ROOT);
              """,
              List.of("java.util.Locale")),
          new Shape(
              """
                  List<String> parts = new ArrayList<>(List.of(value.split("/")));
                  parts.removeIf(String::isBlank);
                  if (parts.size() > {{n}}) {
                    parts = parts.subList(parts.size() - {{n}}, parts.size());
                  }
                  return String.join("/", parts);
              """,
              List.of("java.util.ArrayList", "java.util.List")),
          new Shape(
"""
    Optional<String> first = value.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
    return first.map(l -> l.length() > {{n}} ? l.substring(0, {{n}}) : l).orElse("{{w3}}");
""",
              List.of("java.util.Optional")));

  /** The helpers of one file: their names, their code and the imports they need. */
  record Helpers(List<String> names, String code, SortedSet<String> imports) {
    String name(int i) {
      return names.get(i % names.size());
    }
  }

  private final Random random;

  Filler(Random random) {
    this.random = random;
  }

  /**
   * At least two helpers, more until the file reaches a length drawn between its own length and 290
   * lines, so that files spread over the 50 to 300 lines of real code.
   */
  Helpers helpers(int baseLines) {
    int target =
        Math.max(baseLines + 12, 50 + (int) Math.round(Math.abs(random.nextGaussian()) * 70));
    target = Math.min(target, Math.max(baseLines + 12, 290));
    List<String> names = new ArrayList<>();
    Set<String> used = new HashSet<>();
    SortedSet<String> imports = new TreeSet<>();
    StringBuilder code = new StringBuilder();
    int lines = baseLines;
    while (names.size() < 2 || lines < target) {
      String name = uniqueName(used);
      String method = method(name, names, imports);
      code.append('\n').append(method);
      lines += (int) method.lines().count() + 1;
      names.add(name);
    }
    return new Helpers(List.copyOf(names), code.toString(), imports);
  }

  private String uniqueName(Set<String> used) {
    while (true) {
      String name =
          VERBS.get(random.nextInt(VERBS.size())) + NOUNS.get(random.nextInt(NOUNS.size()));
      if (used.add(name)) {
        return name;
      }
    }
  }

  private String method(String name, List<String> earlier, SortedSet<String> imports) {
    String body;
    if (!earlier.isEmpty() && random.nextInt(5) == 0) {
      String previous = earlier.get(random.nextInt(earlier.size()));
      body = "    return " + previous + "(value.strip()) + \"" + sep() + "\" + value.length();\n";
    } else {
      Shape shape = SHAPES.get(random.nextInt(SHAPES.size()));
      imports.addAll(shape.imports());
      body =
          Template.fill(
              shape.body(),
              Map.of(
                  "n", String.valueOf(4 + random.nextInt(60)),
                  "mask", Integer.toHexString(0xfff + random.nextInt(0xfffff)),
                  "sep", sep(),
                  "epoch", String.valueOf(1_600_000_000L + random.nextInt(100_000_000)),
                  "w1", word(),
                  "w2", word(),
                  "w3", word()));
    }
    return "  /** "
        + describe(name)
        + " */\n"
        + "  static String "
        + name
        + "(String value) {\n"
        + body
        + "  }\n";
  }

  private String sep() {
    return List.of("-", "_", ":", ".").get(random.nextInt(4));
  }

  private String word() {
    return WORDS.get(random.nextInt(WORDS.size()));
  }

  private static String describe(String name) {
    StringBuilder words = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        words.append(' ').append(Character.toLowerCase(c));
      } else {
        words.append(c);
      }
    }
    String text = words.toString();
    return Character.toUpperCase(text.charAt(0))
        + text.substring(1)
        + " of a value, for keys and logs.";
  }
}
