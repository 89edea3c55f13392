package dev.minrole.analyzer.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the AWS provider's resource types return as attributes before {@code terraform apply}: data
 * from {@code resource-types.yaml}, read once.
 */
public final class TerraformResourceTypes {
  private static final String DATA = "/dev/minrole/analyzer/terraform/resource-types.yaml";
  private static volatile TerraformResourceTypes bundled;

  /**
   * One type: the argument holding the physical name, the one holding a generated name's prefix,
   * each attribute as a pattern, and the attribute that is the resource's own ARN.
   */
  public record Spec(
      Optional<String> nameArgument,
      Optional<String> prefixArgument,
      Map<String, String> attributes,
      Optional<String> arnAttribute) {
    public Spec {
      attributes = Map.copyOf(attributes);
    }
  }

  private final Map<String, Spec> types;

  private TerraformResourceTypes(Map<String, Spec> types) {
    this.types = Map.copyOf(types);
  }

  public static TerraformResourceTypes bundled() {
    TerraformResourceTypes result = bundled;
    if (result == null) {
      try (InputStream in = TerraformResourceTypes.class.getResourceAsStream(DATA)) {
        if (in == null) {
          throw new IllegalStateException("data file missing from the build: " + DATA);
        }
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        Map<String, Spec> read = new LinkedHashMap<>();
        root.path("types")
            .properties()
            .forEach(
                e -> {
                  JsonNode t = e.getValue();
                  Map<String, String> attributes = new LinkedHashMap<>();
                  t.path("attributes")
                      .properties()
                      .forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
                  read.put(
                      e.getKey(),
                      new Spec(
                          text(t, "name"), text(t, "prefix"), attributes, text(t, "arnAttribute")));
                });
        result = new TerraformResourceTypes(read);
        bundled = result;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + DATA, e);
      }
    }
    return result;
  }

  private static Optional<String> text(JsonNode node, String field) {
    return node.hasNonNull(field) ? Optional.of(node.get(field).asText()) : Optional.empty();
  }

  public Optional<Spec> of(String type) {
    return Optional.ofNullable(types.get(type));
  }
}
