package dev.minrole.generator.platform;

import dev.minrole.analyzer.data.DataFiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a customer managed KMS key needs when the code uses a resource encrypted with it, read from
 * {@code resource-keys.yaml}: per resource type, the KMS actions each IAM action on the resource
 * needs, through the resource's service ({@code kms:ViaService}), with the page that documents it.
 * {@code unseen} rules are for keys no template can show (SSM SecureString parameters).
 */
public record KeyRules(List<Rule> rules, List<Rule> unseen) {
  private static final String RESOURCE = "/dev/minrole/generator/platform/resource-keys.yaml";

  public KeyRules {
    rules = List.copyOf(rules);
    unseen = List.copyOf(unseen == null ? List.of() : unseen);
  }

  /**
   * The keys of one resource type ({@code type} empty for an unseen rule): {@code what} the
   * resource is called in messages, the service's endpoint name for {@code kms:ViaService}.
   */
  public record Rule(String type, String what, String service, String source, List<Use> uses) {
    public Rule {
      type = type == null ? "" : type;
      uses = List.copyOf(uses);
    }

    /** The uses that apply to an IAM action of a call to an SDK operation. */
    public List<Use> usesFor(String action, String operation) {
      return uses.stream()
          .filter(u -> u.action().equals(action))
          .filter(u -> u.operations().isEmpty() || u.operations().contains(operation))
          .toList();
    }
  }

  /**
   * An IAM action on the resource ({@code action}), for some SDK operations only when {@code
   * operations} names them, and what it needs on the key ({@code kms}); {@code when} maps request
   * members to the value that makes the call use the key ({@code WithDecryption: "true"}).
   */
  public record Use(
      String action, List<String> operations, List<String> kms, Map<String, String> when) {
    public Use {
      operations = List.copyOf(operations == null ? List.of() : operations);
      kms = List.copyOf(kms);
      when = Map.copyOf(when == null ? Map.of() : when);
    }
  }

  private static final class Bundled {
    static final KeyRules RULES = DataFiles.bind(RESOURCE, KeyRules.class);
  }

  public static KeyRules bundled() {
    return Bundled.RULES;
  }

  /** The rule for a resource type the code uses, if its key can need permissions. */
  public Optional<Rule> forType(String cfnType) {
    return rules.stream().filter(r -> r.type().equals(cfnType)).findFirst();
  }

  /** Every rule, seen and unseen, that has a use for this IAM action. */
  public List<Rule> forAction(String action) {
    return java.util.stream.Stream.concat(rules.stream(), unseen.stream())
        .filter(r -> r.uses().stream().anyMatch(u -> u.action().equals(action)))
        .toList();
  }
}
