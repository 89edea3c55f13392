package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.minrole.analyzer.template.ResourceTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code cfn} and {@code sam} output may reference, so it deploys: every {@code ${...}} of a
 * {@code !Sub} is a pseudo parameter, a resource of the input template ({@code ${OrderFunction}})
 * or one of its attributes ({@code ${MediaBucket.Arn}}), or escaped ({@code ${!aws:username}}); a
 * {@code !Sub} has at least one such variable; {@code !GetAtt} and {@code !Ref} name such a
 * resource (or one the output defines itself, a managed policy part). Attributes are checked
 * against the documented return values of the type ({@code resource-types.yaml}). No template
 * parameter, no placeholder is left.
 */
final class TemplateReferenceChecks {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> PSEUDO =
      Set.of("AWS::Partition", "AWS::Region", "AWS::AccountId", "AWS::URLSuffix");
  private static final Pattern SUB = Pattern.compile("!Sub (\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern GET_ATT = Pattern.compile("!GetAtt (\\S+)");
  private static final Pattern REF = Pattern.compile("!Ref (\\S+)");

  private TemplateReferenceChecks() {}

  /** Checks {@code output} against the templates under {@code input} (none: code only). */
  static void check(String output, Path input) throws IOException {
    Map<String, String> resources = resources(input);
    for (JsonNode document :
        YAML.readerFor(JsonNode.class).<JsonNode>readValues(output).readAll()) {
      document.path("Resources").fieldNames().forEachRemaining(id -> resources.put(id, ""));
    }
    Matcher sub = SUB.matcher(output);
    while (sub.find()) {
      Matcher variable = VARIABLE.matcher(sub.group(1));
      int variables = 0;
      while (variable.find()) {
        String name = variable.group(1);
        if (name.startsWith("!")) {
          continue;
        }
        variables++;
        if (!PSEUDO.contains(name)) {
          checkResource(name, "${" + name + "}", resources);
        }
      }
      assertThat(variables).as("%s substitutes something", sub.group()).isPositive();
    }
    Matcher getAtt = GET_ATT.matcher(output);
    while (getAtt.find()) {
      assertThat(getAtt.group(1)).as(getAtt.group()).contains(".");
      checkResource(getAtt.group(1), getAtt.group(), resources);
    }
    Matcher ref = REF.matcher(output);
    while (ref.find()) {
      assertThat(resources).as("%s names a resource", ref.group()).containsKey(ref.group(1));
    }
  }

  /** {@code Id} or {@code Id.Attribute} of a resource, with an attribute its type returns. */
  private static void checkResource(String name, String written, Map<String, String> resources) {
    String id = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    assertThat(resources).as("%s names a resource of the template", written).containsKey(id);
    if (name.contains(".")) {
      String attribute = name.substring(id.length() + 1);
      ResourceTypes.bundled()
          .of(resources.get(id))
          .ifPresent(
              spec ->
                  assertThat(spec.attributes())
                      .as("%s is a return value of %s", written, resources.get(id))
                      .containsKey(attribute));
    }
  }

  /**
   * Logical id to type of the resources of every template (YAML or JSON) under {@code input}, but
   * not in its {@code expected/} outputs.
   */
  private static Map<String, String> resources(Path input) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(input)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> all = Files.walk(input)) {
      files =
          all.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
              .filter(f -> !f.startsWith(input.resolve("expected")))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      JsonNode root;
      try {
        root = YAML.readTree(file.toFile());
      } catch (IOException notATemplate) {
        continue;
      }
      if (root != null) {
        root.path("Resources")
            .properties()
            .forEach(e -> out.put(e.getKey(), e.getValue().path("Type").asText()));
        // a serverless.yml: its resources are a template under resources
        root.path("resources")
            .path("Resources")
            .properties()
            .forEach(e -> out.put(e.getKey(), e.getValue().path("Type").asText()));
      }
    }
    return out;
  }
}
