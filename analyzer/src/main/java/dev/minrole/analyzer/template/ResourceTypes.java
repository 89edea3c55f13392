package dev.minrole.analyzer.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code Ref} and {@code Fn::GetAtt} return for each CloudFormation resource type minrole
 * knows, read from {@code resource-types.yaml}.
 */
public final class ResourceTypes {
  private static volatile ResourceTypes bundled;

  /** The reference semantics of one resource type. */
  public record Spec(
      String type,
      Optional<String> nameProperty,
      String ref,
      Map<String, String> attributes,
      Optional<String> generatedName,
      boolean generatedLowercase,
      Optional<String> arnAttribute,
      Optional<String> arnIamType,
      boolean refIsArn,
      Optional<String> encryptionKey,
      Optional<String> resourceId,
      Optional<String> assignedId) {
    /** The node that names the resource's customer managed KMS key, if the template sets it. */
    public Optional<TNode> encryptionKeyOf(TemplateResource resource) {
      return encryptionKey.flatMap(resource::property);
    }
  }

  private final Map<String, Spec> specs = new HashMap<>();

  private ResourceTypes(JsonNode root) {
    root.path("types")
        .properties()
        .forEach(
            e -> {
              JsonNode n = e.getValue();
              Map<String, String> attributes = new LinkedHashMap<>();
              n.path("attributes")
                  .properties()
                  .forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
              JsonNode arn = n.path("arnAttribute");
              specs.put(
                  e.getKey(),
                  new Spec(
                      e.getKey(),
                      Optional.ofNullable(n.get("name")).map(JsonNode::asText),
                      n.path("ref").asText("*"),
                      attributes,
                      Optional.ofNullable(n.path("generatedName").get("pattern"))
                          .map(JsonNode::asText),
                      n.path("generatedName").path("lowercase").asBoolean(false),
                      Optional.ofNullable(arn.get("attribute")).map(JsonNode::asText),
                      Optional.ofNullable(arn.get("iam")).map(JsonNode::asText),
                      arn.path("ref").asBoolean(false),
                      Optional.ofNullable(n.get("encryptionKey")).map(JsonNode::asText),
                      Optional.ofNullable(n.get("resourceId")).map(JsonNode::asText),
                      Optional.ofNullable(n.get("assignedId")).map(JsonNode::asText)));
            });
  }

  public static ResourceTypes bundled() {
    ResourceTypes result = bundled;
    if (result == null) {
      synchronized (ResourceTypes.class) {
        result = bundled;
        if (result == null) {
          result =
              new ResourceTypes(
                  DataFiles.yaml("/dev/minrole/analyzer/template/resource-types.yaml"));
          bundled = result;
        }
      }
    }
    return result;
  }

  public Optional<Spec> of(String type) {
    return Optional.ofNullable(specs.get(type));
  }
}
