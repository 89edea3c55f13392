package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one deployment gives a template's parameters and pseudo parameters: a {@code --parameter}
 * override, else the parameter's {@code Default}; an SSM-typed parameter or one without a default
 * is unknown, with how to supply it. Pseudo parameters come from {@code --region}, {@code
 * --account}, {@code --stack-name} and the partition.
 */
final class ParameterValues {
  private static final String PSEUDO = "pseudo";

  private final TemplateResolver.Options options;
  private final ResolutionState state;

  ParameterValues(TemplateResolver.Options options, ResolutionState state) {
    this.options = options;
    this.state = state;
  }

  /** A pseudo parameter such as {@code AWS::Region}; empty for {@code AWS::NoValue}. */
  List<ArgValue> pseudo(String name) {
    Optional<String> value =
        switch (name) {
          case "AWS::Region" -> options.region();
          case "AWS::AccountId" -> options.account();
          case "AWS::Partition" -> Optional.of(options.partition());
          case "AWS::StackName" -> options.stackName();
          case "AWS::URLSuffix" -> Optional.of("amazonaws.com");
          default -> Optional.empty();
        };
    if (name.equals("AWS::NoValue")) {
      return List.of();
    }
    return List.of(new ArgValue.TemplateRef(name, "", PSEUDO, value));
  }

  /** The parameter {@code name}, declared by {@code declaration}. */
  List<ArgValue> parameter(String name, TNode declaration) {
    String override = options.parameters().get(name);
    if (override != null) {
      return List.of(ArgValue.literal(override));
    }
    TNode.TMap parameter = declaration.asMap().orElse(new TNode.TMap(Map.of(), declaration.line()));
    String type = parameter.text("Type").orElse("String");
    Optional<String> fallback = parameter.text("Default");
    if (type.startsWith("AWS::SSM::Parameter::Value")) {
      return List.of(
          ArgValue.unknown(
              "parameter "
                  + name
                  + " is read from SSM parameter "
                  + fallback.orElse("?")
                  + " at deploy time; pass --parameter "
                  + name
                  + "=<value>"));
    }
    if (fallback.isPresent()) {
      return List.of(ArgValue.literal(fallback.get()));
    }
    state.note(
        declaration,
        "parameter "
            + name
            + " has no default; pass --parameter "
            + name
            + "=<value> to use its value");
    return List.of(
        ArgValue.unknown(
            "parameter " + name + " has no default; pass --parameter " + name + "=<value>"));
  }
}
