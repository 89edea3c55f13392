package dev.minrole.generator.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.template.ResourceTypes;
import dev.minrole.analyzer.template.TNode;
import dev.minrole.analyzer.template.TemplateResolver;
import dev.minrole.analyzer.template.TemplateResource;
import dev.minrole.generator.synth.TemplateReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ARNs of a template's own resources, and how the template writes each: a resource's ARN as its
 * type's ARN attribute ({@code resource-types.yaml}), and ARNs that hold its name, such as a
 * function's log group, as {@code template-references.yaml} says. The ARNs are what minrole writes
 * in plain policies, resolved by the template's resolver, so a policy's ARN can be looked up here.
 *
 * <p>Only ARNs that name one resource are kept: a resource whose name is known only at deployment
 * ({@code *}) cannot be told apart from others by its ARN, so it gets no reference.
 */
public final class TemplateArns {
  private static final String DATA = "/dev/minrole/generator/render/template-references.yaml";
  private static final String REF = "${Ref}";
  private static volatile Map<String, List<String>> names;

  private TemplateArns() {}

  /** The references of every resource of the resolver's template, longest ARN first. */
  public static List<TemplateReference> of(TemplateResolver resolver) {
    Map<String, List<TemplateReference>> byArn = new TreeMap<>();
    for (TemplateResource resource : resolver.template().resources().values()) {
      Optional<ResourceTypes.Spec> spec = ResourceTypes.bundled().of(resource.type());
      if (spec.isEmpty() || !recognizable(resolver, resource, spec.get())) {
        continue;
      }
      String id = resource.logicalId();
      spec.get()
          .arnAttribute()
          .ifPresent(a -> add(byArn, resolver, "", spec.get().refIsArn() ? id : id + "." + a));
      for (String sub : names().getOrDefault(resource.type(), List.of())) {
        add(byArn, resolver, sub.substring(0, sub.length() - REF.length()), id);
      }
    }
    List<TemplateReference> out = new ArrayList<>();
    for (List<TemplateReference> same : byArn.values()) {
      if (same.stream().map(r -> r.head() + "${" + r.expression() + "}").distinct().count() == 1) {
        out.add(same.get(0));
      }
    }
    out.sort(
        Comparator.comparingInt((TemplateReference r) -> -r.arn().length())
            .thenComparing(TemplateReference::arn));
    return out;
  }

  /** True if the resource's name has known text, so its ARN tells it apart from others. */
  private static boolean recognizable(
      TemplateResolver resolver, TemplateResource resource, ResourceTypes.Spec spec) {
    return resolver.physicalNames(resource, spec).stream()
        .allMatch(name -> name.chars().anyMatch(c -> c != '*' && c != '?'));
  }

  /** What {@code !Sub "<head>${<expression>}"} resolves to, as one reference per alternative. */
  private static void add(
      Map<String, List<TemplateReference>> byArn,
      TemplateResolver resolver,
      String head,
      String expression) {
    TNode sub =
        new TNode.TMap(Map.of("Fn::Sub", new TNode.TScalar(head + "${" + expression + "}", 0)), 0);
    for (ArgValue value : resolver.resolve(sub)) {
      String arn = value.pattern();
      if (arn.startsWith("arn:")) {
        byArn
            .computeIfAbsent(arn, k -> new ArrayList<>())
            .add(new TemplateReference(arn, head, expression));
      }
    }
  }

  private static Map<String, List<String>> names() {
    Map<String, List<String>> result = names;
    if (result == null) {
      JsonNode root = DataFiles.yaml(DATA);
      Map<String, List<String>> read = new TreeMap<>();
      root.path("names")
          .properties()
          .forEach(
              e -> {
                List<String> subs = new ArrayList<>();
                e.getValue().forEach(s -> subs.add(checked(e.getKey(), s.asText())));
                read.put(e.getKey(), List.copyOf(subs));
              });
      result = Map.copyOf(read);
      names = result;
    }
    return result;
  }

  private static String checked(String type, String sub) {
    if (!sub.endsWith(REF) || sub.indexOf(REF) != sub.length() - REF.length()) {
      throw new IllegalStateException(
          DATA + ": the entry of " + type + " must end with " + REF + ": " + sub);
    }
    return sub;
  }
}
