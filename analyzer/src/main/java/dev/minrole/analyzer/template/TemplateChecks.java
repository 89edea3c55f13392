package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lambda security guidance checked against a template: one role per function ({@code SHARED_ROLE}),
 * no secrets in plaintext environment variables ({@code PLAINTEXT_SECRET}), no AWS credentials
 * anywhere in it ({@code HARDCODED_CREDENTIAL}).
 */
public final class TemplateChecks {
  private static final Pattern SECRET_LIKE =
      Pattern.compile(
          "(?i).*(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|APIKEY|PRIVATE_?KEY|CREDENTIAL|AUTH_?KEY|SIGNING_?KEY).*");

  private TemplateChecks() {}

  /**
   * The findings of the template: per function logical id, and under {@code ""} for the whole
   * template.
   */
  public static Map<String, List<Finding>> check(
      Template template, List<TemplateFunction> functions) {
    Map<String, List<Finding>> out = functionChecks(functions);
    credentials(template.root(), "", template, out.computeIfAbsent("", k -> new ArrayList<>()));
    return out;
  }

  /**
   * {@code SHARED_ROLE} and {@code PLAINTEXT_SECRET} for functions read from any infrastructure
   * code, by function logical id.
   */
  public static Map<String, List<Finding>> functionChecks(List<TemplateFunction> functions) {
    Map<String, List<Finding>> out = new LinkedHashMap<>();
    sharedRoles(functions, out);
    for (TemplateFunction f : functions) {
      for (Map.Entry<String, TemplateValue> e : f.environment().entrySet()) {
        plaintextSecret(
            f,
            e.getKey(),
            e.getValue(),
            out.computeIfAbsent(f.logicalId(), k -> new ArrayList<>()));
      }
    }
    return out;
  }

  private static void sharedRoles(
      List<TemplateFunction> functions, Map<String, List<Finding>> out) {
    Map<String, List<TemplateFunction>> byRole = new LinkedHashMap<>();
    for (TemplateFunction f : functions) {
      String identity = f.role().identity();
      if (!identity.isEmpty()) {
        byRole.computeIfAbsent(identity, k -> new ArrayList<>()).add(f);
      }
    }
    for (List<TemplateFunction> group : byRole.values()) {
      if (group.size() < 2) {
        continue;
      }
      List<String> names = group.stream().map(TemplateFunction::logicalId).sorted().toList();
      String role = roleName(group.get(0).role());
      for (TemplateFunction f : group) {
        out.computeIfAbsent(f.logicalId(), k -> new ArrayList<>())
            .add(
                Finding.warning(
                    "SHARED_ROLE",
                    String.join(", ", names)
                        + " share the role "
                        + role
                        + ", so each can do what any of them needs; give every function its own role with its own least-privilege policy",
                    f.location()));
      }
    }
  }

  private static String roleName(RoleRef role) {
    if (role instanceof RoleRef.Resource r) {
      return r.logicalId();
    }
    return ((RoleRef.External) role).arn().stream().map(ArgValue::pattern).findFirst().orElse("?");
  }

  private static void plaintextSecret(
      TemplateFunction f, String name, TemplateValue value, List<Finding> out) {
    if (!SECRET_LIKE.matcher(name).matches()) {
      return;
    }
    for (ArgValue v : value.values()) {
      Optional<String> literal = v.literal();
      if (literal.isEmpty() || literal.get().isBlank() || namesWhereASecretIs(literal.get())) {
        continue;
      }
      String secretName = name.toLowerCase(Locale.ROOT).replace('_', '-');
      out.add(
          Finding.warning(
              "PLAINTEXT_SECRET",
              f.logicalId()
                  + " sets environment variable "
                  + name
                  + " to a literal value, readable by anyone who can view the function."
                  + " Store it in Secrets Manager (the function then needs secretsmanager:GetSecretValue on"
                  + " arn:aws:secretsmanager:<region>:<account>:secret:"
                  + secretName
                  + "-??????) or as an SSM SecureString"
                  + " (ssm:GetParameter on arn:aws:ssm:<region>:<account>:parameter/"
                  + secretName
                  + "), and read it at run time",
              value.location()));
      return;
    }
  }

  /**
   * True for a value that says where a secret is kept, not the secret: a dynamic reference ({@code
   * {{resolve:...}}}), an ARN, a KMS alias or an SSM parameter path.
   */
  private static boolean namesWhereASecretIs(String value) {
    return value.startsWith("{{resolve:")
        || value.startsWith("arn:")
        || value.startsWith("alias/")
        || (value.startsWith("/") && value.length() > 1 && !value.contains(" "));
  }

  private static void credentials(TNode node, String name, Template template, List<Finding> out) {
    if (node instanceof TNode.TScalar scalar && scalar.value() != null) {
      Credentials.find(scalar.value(), name)
          .ifPresent(
              what ->
                  out.add(
                      Finding.error(
                          "HARDCODED_CREDENTIAL",
                          "the template holds an AWS "
                              + what
                              + (name.isEmpty() ? "" : " in " + name)
                              + "; remove it, deactivate the key, and let the function use its execution role",
                          template.location(node))));
      return;
    }
    if (node instanceof TNode.TMap map) {
      map.entries().forEach((k, v) -> credentials(v, k, template, out));
    } else {
      node.items().forEach(item -> credentials(item, name, template, out));
    }
  }
}
