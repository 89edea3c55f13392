package dev.minrole.generator.validate;

import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.catalog.IamService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every action names a service and an action in the IAM catalog ({@code s3:GetObject}), and every
 * wildcard matches at least one action. A wildcard is matched against the whole {@code
 * service:Action} name ({@link Glob}), as IAM does, so {@code **} and {@code *:Get*} are wildcards
 * too. An unknown name gets a did-you-mean: an SDK operation name ({@code sqs:SendMessageBatch})
 * the action it needs ({@code sqs:SendMessage}), a typo the closest name.
 */
final class ActionNameRule implements ValidationRule {
  @Override
  public List<Problem> check(PolicyDocument document, ValidationContext context) {
    List<Problem> out = new ArrayList<>();
    // Whether a wildcard matches some action, per pattern: a policy repeats its patterns.
    Map<String, Boolean> matchesSome = new HashMap<>();
    for (PolicyDocument.Statement s : document.statements()) {
      for (String field : List.of("Action", "NotAction")) {
        for (PolicyDocument.Value v : PolicyDocument.strings(s, field)) {
          check(v, context, matchesSome).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static Optional<Problem> check(
      PolicyDocument.Value v, ValidationContext context, Map<String, Boolean> matchesSome) {
    String action = v.text();
    if (Glob.everything(action)) {
      return Optional.empty();
    }
    boolean wildcard = Glob.isPattern(action);
    int colon = action.indexOf(':');
    if (!wildcard && (colon <= 0 || colon == action.length() - 1)) {
      return Optional.of(
          Problems.error(
              "UNKNOWN_ACTION",
              v.path(),
              "\"" + action + "\" is not an action: actions are written service:Action",
              "write it as e.g. s3:GetObject"));
    }
    if (colon > 0 && !Glob.isPattern(action.substring(0, colon))) {
      String prefix = action.substring(0, colon);
      String name = action.substring(colon + 1);
      Optional<IamService> service = context.catalog().service(prefix);
      if (service.isEmpty()) {
        Optional<String> meant = Suggestions.service(context.catalog(), prefix, context.mapping());
        return Optional.of(
            Problems.error(
                "UNKNOWN_SERVICE",
                v.path(),
                "\"" + prefix + "\" is not an IAM service prefix",
                meant
                    .map(m -> "did you mean " + m + ":" + name + "?")
                    .orElse("check the service prefix in the Service Authorization Reference")));
      }
      if (!wildcard && service.get().action(name).isEmpty()) {
        Optional<String> meant = Suggestions.action(service.get(), name, context.mapping());
        return Optional.of(
            Problems.error(
                "UNKNOWN_ACTION",
                v.path(),
                action + " is not an IAM action",
                meant
                    .map(m -> "use " + m)
                    .orElse(
                        "check the action in the Service Authorization Reference for "
                            + service.get().prefix())));
      }
    }
    if (wildcard
        && !matchesSome.computeIfAbsent(action, a -> !context.catalog().expand(a).isEmpty())) {
      return Optional.of(
          Problems.error(
              "UNKNOWN_ACTION",
              v.path(),
              action + " matches no IAM action, so it grants nothing",
              "check the spelling; a wildcard is matched against the whole service:Action name"));
    }
    return Optional.empty();
  }
}
