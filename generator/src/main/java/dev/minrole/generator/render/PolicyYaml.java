package dev.minrole.generator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * A policy as YAML, with exactly the structure and order of {@link PolicyJson}. In templates, the
 * {@link TemplateValues} decide how resources and condition values are written ({@code !Sub});
 * {@link #LITERAL} writes every value as it is.
 */
public final class PolicyYaml {
  /** Every value as its text: for {@code --format yaml}, which must equal the JSON policy. */
  public static final TemplateValues LITERAL =
      new TemplateValues() {
        @Override
        public Yaml resource(String arn) {
          return Yaml.text(arn);
        }

        @Override
        public Yaml conditionValue(String key, String value) {
          return Yaml.text(value);
        }
      };

  private PolicyYaml() {}

  public static Yaml of(IamPolicy policy, TemplateValues values) {
    ObjectNode json = PolicyJson.toNode(policy);
    Map<String, Yaml> root = new LinkedHashMap<>();
    json.properties()
        .forEach(
            e -> {
              if (e.getKey().equals("Statement")) {
                List<Yaml> statements = new ArrayList<>();
                e.getValue().forEach(s -> statements.add(statement(s, values)));
                root.put("Statement", Yaml.seq(statements));
              } else {
                root.put(e.getKey(), Yaml.of(e.getValue()));
              }
            });
    return new Yaml.Mapping(root);
  }

  private static Yaml statement(JsonNode statement, TemplateValues values) {
    Map<String, Yaml> out = new LinkedHashMap<>();
    statement
        .properties()
        .forEach(
            e -> {
              String field = e.getKey();
              if (field.equals("Resource") || field.equals("NotResource")) {
                List<Yaml> resources = new ArrayList<>();
                e.getValue().forEach(r -> resources.add(values.resource(r.asText())));
                out.put(field, Yaml.seq(resources));
              } else if (field.equals("Condition")) {
                out.put(field, condition(e.getValue(), values));
              } else {
                out.put(field, Yaml.of(e.getValue()));
              }
            });
    return new Yaml.Mapping(out);
  }

  private static Yaml condition(JsonNode condition, TemplateValues values) {
    Map<String, Yaml> operators = new LinkedHashMap<>();
    condition
        .properties()
        .forEach(
            op -> {
              Map<String, Yaml> keys = new LinkedHashMap<>();
              op.getValue()
                  .properties()
                  .forEach(
                      key -> {
                        List<Yaml> items = new ArrayList<>();
                        key.getValue()
                            .forEach(
                                v -> items.add(values.conditionValue(key.getKey(), v.asText())));
                        keys.put(key.getKey(), Yaml.seq(items));
                      });
              operators.put(op.getKey(), new Yaml.Mapping(keys));
            });
    return new Yaml.Mapping(operators);
  }
}
