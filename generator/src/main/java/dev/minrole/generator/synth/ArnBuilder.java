package dev.minrole.generator.synth;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.template.ResourceTypes;
import dev.minrole.generator.mapping.BoundValue;
import dev.minrole.generator.mapping.ResourceRef;
import dev.minrole.generator.mapping.ValueTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a resource type's ARN format with what the code says: literal names, environment variables
 * whose values are known, prefixes of partly known values. Whatever stays unknown becomes {@code *}
 * in its own segment only, and an {@code UNRESOLVED_RESOURCE} finding says which value it was and
 * how to supply it.
 */
public final class ArnBuilder {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

  private final ArnContext context;

  public ArnBuilder(ArnContext context) {
    this.context = context;
  }

  public BuiltArn build(ResourceRef ref, SdkCall call, String action) {
    List<Finding> findings = new ArrayList<>();
    String format = ref.type().arnFormat();
    StringBuilder arn = new StringBuilder();
    List<String> labels = new ArrayList<>();
    Matcher m = VARIABLE.matcher(format);
    int last = 0;
    String queueAccount = null;
    String queueRegion = null;
    for (BoundValue bound : ref.variables().values()) {
      if (bound.transform() == ValueTransform.QUEUE_URL) {
        Optional<String> url = resolve(bound.value()).flatMap(ArgValue::literal);
        Optional<String[]> parts = url.flatMap(ValueTransform::queueAccountAndRegion);
        if (parts.isPresent()) {
          queueAccount = parts.get()[0];
          queueRegion = parts.get()[1];
        }
      }
    }
    while (m.find()) {
      arn.append(format, last, m.start());
      last = m.end();
      String variable = m.group(1);
      switch (variable) {
        case "Partition" -> arn.append(context.partition());
        case "Region", "Account" -> {
          // A region or account the mapping binds (a cross-region inference profile's "*", the
          // owner of a queue in another account) wins over the queue URL's and the function's.
          BoundValue bound = ref.variables().get(variable);
          if (bound != null && bound.value().isPresent()) {
            arn.append(segment(variable, bound, ref, call, action, findings).text());
          } else if (variable.equals("Region")) {
            arn.append(
                queueRegion != null && !queueRegion.equals("*")
                    ? queueRegion
                    : call.region().isPresent()
                        ? clientRegion(call, action, findings)
                        : context.regionOrWildcard());
          } else {
            arn.append(queueAccount != null ? queueAccount : context.accountOrWildcard());
          }
        }
        default -> {
          BoundValue bound = ref.variables().get(variable);
          Segment segment = segment(variable, bound, ref, call, action, findings);
          if (segment.wholeArn() != null) {
            return new BuiltArn(segment.wholeArn(), labelOf(segment.wholeArn()), findings);
          }
          arn.append(segment.text());
          String label =
              bound != null && bound.pattern() ? leadingWord(segment.text()) : segment.text();
          if (!label.isEmpty() && !label.equals("*")) {
            labels.add(label);
          }
        }
      }
    }
    arn.append(format.substring(last));
    return new BuiltArn(arn.toString(), String.join(" ", labels), findings);
  }

  private record Segment(String text, String wholeArn) {}

  private Segment segment(
      String variable,
      BoundValue bound,
      ResourceRef ref,
      SdkCall call,
      String action,
      List<Finding> findings) {
    if (bound == null || bound.value().isEmpty()) {
      if (bound == null || !bound.pattern()) {
        findings.add(
            unresolved(
                call,
                action,
                "the request does not set "
                    + (bound == null || bound.member().isEmpty() ? variable : bound.member())
                    + ", which names the "
                    + ref.type().name()
                    + "; the policy uses * for "
                    + variable));
      }
      return new Segment("*", null);
    }
    ArgValue value = resolve(bound.value()).orElseThrow();
    Optional<Segment> deployed = deployedId(variable, bound, value, call, action, findings);
    if (deployed.isPresent()) {
      return deployed.get();
    }
    noteAssignedId(bound, value, call, action, findings);
    if (bound.value().get() instanceof ArgValue.EnvVar env
        && env.fallback().isPresent()
        && !context.env().containsKey(env.name())) {
      findings.add(
          Finding.info(
              "UNRESOLVED_RESOURCE",
              call.detail()
                  + " needs "
                  + action
                  + " on a "
                  + bound.member()
                  + " from environment variable "
                  + env.name()
                  + ", which is not set here; the policy uses the code's default \""
                  + env.fallback().get()
                  + "\". Set it with --env "
                  + env.name()
                  + "=<value> if it differs",
              call.site()));
      value = ArgValue.literal(env.fallback().get());
    }
    if (value.isKnown()) {
      return transformed(bound, value.literal().get(), call, action, findings);
    }
    if (isTemplateKnown(value)) {
      return transformed(bound, value.pattern(), call, action, findings);
    }
    if (bound.member().isEmpty() && value instanceof ArgValue.Unknown unknowable) {
      findings.add(
          unresolved(
              call,
              action,
              variable
                  + " cannot be known from the code: "
                  + unknowable.reason()
                  + "; the policy uses * for "
                  + variable
                  + ". Narrow it by hand once it is known"));
      return new Segment("*", null);
    }
    String pattern = value.pattern();
    boolean partlyKnown = !pattern.equals("*");
    if (!bound.pattern()) {
      findings.add(
          unresolved(
              call,
              action,
              bound.member()
                  + " "
                  + origin(bound.value().get(), partlyKnown)
                  + "; the policy uses "
                  + (partlyKnown ? pattern : "*")
                  + " for "
                  + variable
                  + hint(bound.value().get())));
    }
    return partlyKnown
        ? transformed(bound, pattern, call, action, findings)
        : new Segment("*", null);
  }

  /**
   * A value that is a template resource whose id the ARN needs rather than its name (an RDS host
   * from {@code !GetAtt Db.Endpoint.Address}, for an {@code rds-db} ARN's DbiResourceId): the id is
   * assigned at deployment, so the segment is {@code *}, with a finding that names the attribute
   * that holds it ({@code resourceId} in {@code resource-types.yaml}).
   */
  private static Optional<Segment> deployedId(
      String variable,
      BoundValue bound,
      ArgValue value,
      SdkCall call,
      String action,
      List<Finding> findings) {
    if (!bound.transform().namesTemplateResourceId()) {
      return Optional.empty();
    }
    List<ArgValue.TemplateRef> refs = templateRefs(value);
    if (refs.size() != 1) {
      return Optional.empty();
    }
    ArgValue.TemplateRef ref = refs.get(0);
    Optional<String> attribute =
        ResourceTypes.bundled().of(ref.cfnType()).flatMap(ResourceTypes.Spec::resourceId);
    if (attribute.isEmpty()) {
      return Optional.empty();
    }
    String expression = ref.logicalId() + "." + attribute.get();
    findings.add(
        unresolved(
            call,
            action,
            bound.member()
                + " is "
                + ref.logicalId()
                + ", whose "
                + attribute.get()
                + " (!GetAtt "
                + expression
                + ") CloudFormation assigns when it creates it; the policy uses * for "
                + variable
                + ". In the template, grant it with !Sub and ${"
                + expression
                + "}"));
    return Optional.of(new Segment("*", null));
  }

  /**
   * A template resource whose ARN holds an id AWS assigns when it creates the resource (a KMS key's
   * key id, {@code assignedId} in {@code resource-types.yaml}): no template value names it before
   * deployment, so the ARN has {@code *} there. That is never silent: an {@code
   * UNRESOLVED_RESOURCE} warning says which resource it is and how the template can name it.
   */
  private static void noteAssignedId(
      BoundValue bound, ArgValue value, SdkCall call, String action, List<Finding> findings) {
    for (ArgValue.TemplateRef ref : templateRefs(value)) {
      if (ref.value().filter(v -> v.contains("*")).isEmpty()) {
        continue;
      }
      Optional<String> assigned =
          ResourceTypes.bundled().of(ref.cfnType()).flatMap(ResourceTypes.Spec::assignedId);
      if (assigned.isEmpty()) {
        continue;
      }
      String reference =
          ref.attribute().isEmpty()
              ? "!Ref " + ref.logicalId()
              : "!GetAtt " + ref.logicalId() + "." + ref.attribute();
      findings.add(
          unresolved(
              call,
              action,
              bound.member()
                  + " is "
                  + ref.logicalId()
                  + " ("
                  + reference
                  + "), whose "
                  + assigned.get()
                  + " AWS assigns when it creates it; the policy uses * for the "
                  + assigned.get()
                  + ", which matches every such resource of the account. In the template, grant"
                  + " it with "
                  + reference));
    }
  }

  /**
   * The region the code built the call's client for: IAM checks the ARN of the resource called
   * there, so it wins over the function's region. One minrole cannot read is {@code *}, with a
   * finding.
   */
  private String clientRegion(SdkCall call, String action, List<Finding> findings) {
    ArgValue region = resolve(call.region().orElseThrow());
    if (region.literal().isPresent()) {
      return region.literal().get();
    }
    findings.add(
        unresolved(
            call,
            action,
            "the client's region "
                + origin(region, false)
                + "; the policy uses * for Region"
                + hint(region)));
    return "*";
  }

  /** The template references a value is, or is joined from. */
  private static List<ArgValue.TemplateRef> templateRefs(ArgValue value) {
    List<ArgValue> parts = value instanceof ArgValue.Concat c ? c.parts() : List.of(value);
    return parts.stream()
        .filter(ArgValue.TemplateRef.class::isInstance)
        .map(ArgValue.TemplateRef.class::cast)
        .toList();
  }

  private Segment transformed(
      BoundValue bound, String text, SdkCall call, String action, List<Finding> findings) {
    ValueTransform.Result result = bound.transform().apply(text);
    if (result instanceof ValueTransform.WholeArn whole) {
      return new Segment(null, whole.arn());
    }
    if (result instanceof ValueTransform.Invalid invalid) {
      findings.add(unresolved(call, action, bound.member() + ": " + invalid.reason()));
      return new Segment("*", null);
    }
    if (result instanceof ValueTransform.Declined declined) {
      findings.add(unresolved(call, action, bound.member() + ": " + declined.reason()));
      return new Segment("*", null);
    }
    return new Segment(((ValueTransform.Part) result).value(), null);
  }

  /** The value with environment variables replaced by their known values. */
  private Optional<ArgValue> resolve(Optional<ArgValue> value) {
    return value.map(this::resolve);
  }

  ArgValue resolve(ArgValue value) {
    if (value instanceof ArgValue.EnvVar env) {
      String known = context.env().get(env.name());
      if (known != null) {
        return ArgValue.literal(known);
      }
      return env;
    }
    if (value instanceof ArgValue.Concat concat) {
      return ArgValue.concat(concat.parts().stream().map(this::resolve).toList());
    }
    return value;
  }

  /**
   * True for a value a template fixes: references whose value minrole knows (a name the template
   * sets, or the pattern of a name CloudFormation generates, reported where it is resolved), and
   * text joined from them.
   */
  private static boolean isTemplateKnown(ArgValue value) {
    if (value instanceof ArgValue.TemplateRef ref) {
      return ref.value().isPresent();
    }
    if (value instanceof ArgValue.Concat concat) {
      return concat.parts().stream()
          .allMatch(p -> p instanceof ArgValue.Literal || isTemplateKnown(p));
    }
    return false;
  }

  /** Where an unknown value comes from, in words. */
  private String origin(ArgValue value, boolean partlyKnown) {
    if (value instanceof ArgValue.EnvVar env) {
      return "comes from environment variable " + env.name() + ", which is not set here";
    }
    if (value instanceof ArgValue.SystemProperty p) {
      return "comes from system property " + p.name() + ", which is only known at run time";
    }
    if (value instanceof ArgValue.Unknown u) {
      return "is only known at run time (" + u.reason() + ")";
    }
    return partlyKnown
        ? "is only partly known (" + value.describe() + ")"
        : "is only known at run time (" + value.describe() + ")";
  }

  private String hint(ArgValue value) {
    List<String> names = new ArrayList<>();
    collectEnv(value, names);
    names.removeIf(n -> context.env().containsKey(n));
    if (!names.isEmpty()) {
      return ". Set it with --env "
          + names.get(0)
          + "=<value>, or analyze with the template that defines it";
    }
    return ". Use a constant or an environment variable for it, or add the permission by hand";
  }

  private static void collectEnv(ArgValue value, List<String> names) {
    if (value instanceof ArgValue.EnvVar env) {
      names.add(env.name());
    } else if (value instanceof ArgValue.Concat c) {
      c.parts().forEach(p -> collectEnv(p, names));
    }
  }

  private static Finding unresolved(SdkCall call, String action, String what) {
    return Finding.warning(
        "UNRESOLVED_RESOURCE", call.detail() + " needs " + action + ", but " + what, call.site());
  }

  /**
   * The known start of a pattern, up to its first separator or wildcard: {@code receipts/*} gives
   * {@code receipts}.
   */
  private static String leadingWord(String pattern) {
    int end = 0;
    while (end < pattern.length() && "/*?.:".indexOf(pattern.charAt(end)) < 0) {
      end++;
    }
    return pattern.substring(0, end);
  }

  /**
   * The resource's own name from an ARN, for statement ids: the last segment that is not a type.
   */
  static String labelOf(String arn) {
    String[] parts = arn.split(":", 6);
    String rest = parts.length == 6 ? parts[5] : arn;
    String[] pieces = rest.split("[/:]", -1);
    for (int i = pieces.length - 1; i >= 0; i--) {
      if (!pieces[i].isEmpty() && !pieces[i].contains("*")) {
        return pieces[i];
      }
    }
    return "";
  }
}
