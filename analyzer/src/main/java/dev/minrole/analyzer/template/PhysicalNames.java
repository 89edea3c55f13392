package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The physical names a template resource can have: the values of its name property (each a pattern,
 * {@code *} where unknown), or, without one, the name CloudFormation generates from the stack name
 * and logical id ({@code stack-LogicalId-RANDOM}) as a pattern, with a {@code GENERATED_NAME} note.
 * A resource whose name depends on itself is a cycle, reported and read as {@code *}.
 */
final class PhysicalNames {
  private final TemplateResolver.Options options;
  private final ResolutionState state;
  private final Function<TNode, List<ArgValue>> resolve;

  /** {@code resolve} gives the alternatives of a property's value. */
  PhysicalNames(
      TemplateResolver.Options options,
      ResolutionState state,
      Function<TNode, List<ArgValue>> resolve) {
    this.options = options;
    this.state = state;
    this.resolve = resolve;
  }

  List<String> of(TemplateResource resource, ResourceTypes.Spec spec) {
    if (!state.enter(resource.logicalId())) {
      state.error(
          resource.node(),
          "reference cycle through " + state.path() + " -> " + resource.logicalId());
      return List.of("*");
    }
    try {
      Optional<TNode> property = spec.nameProperty().flatMap(resource.properties()::get);
      if (property.isPresent()) {
        List<String> out = new ArrayList<>();
        for (ArgValue v : resolve.apply(property.get())) {
          out.add(v.pattern());
        }
        return out.isEmpty() ? List.of("*") : out;
      }
      if (spec.generatedName().isEmpty()) {
        return List.of("*");
      }
      String generated = generated(resource, spec, spec.generatedName().get());
      state.add(
          Finding.info(
              "GENERATED_NAME",
              resource.logicalId()
                  + " has no "
                  + spec.nameProperty().orElse("name")
                  + ", so CloudFormation generates its name;"
                  + " policies for json output match it as "
                  + generated
                  + (options.stackName().isEmpty() ? " (pass --stack-name to narrow it)" : "")
                  + ", and cfn/sam output references the resource itself",
              resource.location()));
      return List.of(generated);
    } finally {
      state.leave(resource.logicalId());
    }
  }

  /**
   * The generated name as a pattern: the stack name ({@code *} when not given) and the logical id
   * put into the type's pattern, lower-cased where the type's names are, runs of unknown parts
   * folded into one {@code *}.
   */
  private String generated(TemplateResource resource, ResourceTypes.Spec spec, String pattern) {
    String logicalId =
        spec.generatedLowercase()
            ? resource.logicalId().toLowerCase(Locale.ROOT)
            : resource.logicalId();
    String stack =
        options
            .stackName()
            .map(s -> spec.generatedLowercase() ? s.toLowerCase(Locale.ROOT) : s)
            .orElse("*");
    return pattern
        .replace("${stack}", stack)
        .replace("${logicalId}", logicalId)
        .replaceAll("\\*+(-\\*)+", "*");
  }
}
