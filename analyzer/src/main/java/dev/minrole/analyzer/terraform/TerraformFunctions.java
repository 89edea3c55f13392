package dev.minrole.analyzer.terraform;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.template.ArnKinds;
import dev.minrole.analyzer.template.CodeDirectories;
import dev.minrole.analyzer.template.Destination;
import dev.minrole.analyzer.template.EventSource;
import dev.minrole.analyzer.template.RoleRef;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.analyzer.template.TemplateValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every {@code aws_lambda_function} of a configuration as a {@link TemplateFunction}, the
 * same per-function model templates give
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function):
 * {@code handler}, {@code filename} (the sources of a built jar's module), {@code
 * environment.variables}, {@code role}, {@code vpc_config}, {@code tracing_config}, {@code
 * dead_letter_config}, {@code kms_key_arn}, {@code file_system_config} and {@code logging_config};
 * the event sources of the {@code aws_lambda_event_source_mapping}s and the destinations of the
 * {@code aws_lambda_function_event_invoke_config}s that name it; and what its role grants ({@link
 * TerraformRoles}).
 *
 * <p>A function's name is its resource's name ({@code dispatcher} for {@code
 * aws_lambda_function.dispatcher}); in a local module, the module's name when the module has one
 * function, else {@code <module>_<resource>}; an instance of {@code for_each} is named by its key.
 */
public final class TerraformFunctions {
  private static final String LAMBDA = "aws_lambda_function";

  private final TerraformResources resources;
  private final TerraformRoles roles;

  public TerraformFunctions(TerraformResources resources) {
    this.resources = resources;
    this.roles = new TerraformRoles(resources);
  }

  public List<TemplateFunction> functions() {
    List<TemplateFunction> out = new ArrayList<>();
    for (ResourceInstance function : resources.ofType(LAMBDA)) {
      out.add(function(function));
    }
    return out;
  }

  private TemplateFunction function(ResourceInstance fn) {
    String path = fn.instanceAddress();
    Map<String, TemplateValue> environment = new LinkedHashMap<>();
    TfValue variables = fn.get("environment").block().get("variables");
    if (variables instanceof TfValue.Obj map) {
      Map<String, HclExpr> written = writtenVariables(fn);
      map.fields()
          .forEach(
              (name, value) ->
                  environment.put(
                      name,
                      new TemplateValue(
                          value.strings(),
                          written.containsKey(name) ? written.get(name).at() : value.at(),
                          path + ".environment.variables." + name)));
    }
    List<ArgValue> names = fn.get("function_name").strings();
    List<EventSource> events = new ArrayList<>();
    List<Destination> destinations = new ArrayList<>();
    TfValue deadLetter = fn.get("dead_letter_config").block().get("target_arn");
    if (!deadLetter.isNull()) {
      destinations.add(
          new Destination(
              kind(deadLetter),
              value(deadLetter, path + ".dead_letter_config.target_arn"),
              "dead-letter queue"));
    }
    for (ResourceInstance mapping : resources.ofType("aws_lambda_event_source_mapping")) {
      if (!refersTo(mapping.get("function_name"), fn, names)) {
        continue;
      }
      String mappingPath = mapping.instanceAddress();
      TfValue source = mapping.get("event_source_arn");
      if (!source.isNull()) {
        events.add(eventSource(source, mappingPath + ".event_source_arn"));
      } else if (!mapping.get("self_managed_event_source").isNull()) {
        events.add(
            new EventSource(
                "SelfManagedKafka",
                value(
                    mapping.get("self_managed_event_source").block().get("endpoints"),
                    mappingPath + ".self_managed_event_source")));
      }
      destinations(
          mapping.get("destination_config").block(),
          "destination_arn",
          mappingPath + ".destination_config",
          destinations);
    }
    for (ResourceInstance config : resources.ofType("aws_lambda_function_event_invoke_config")) {
      if (refersTo(config.get("function_name"), fn, names)) {
        destinations(
            config.get("destination_config").block(),
            "destination",
            config.instanceAddress() + ".destination_config",
            destinations);
      }
    }
    TfValue vpc = fn.get("vpc_config");
    boolean inVpc =
        vpc.block().fields().entrySet().stream()
            .anyMatch(e -> e.getKey().equals("subnet_ids") && !e.getValue().items().isEmpty());
    TfValue tracing = fn.get("tracing_config").block().get("mode");
    boolean active = tracing.literal().map(m -> m.equalsIgnoreCase("Active")).orElse(false);
    TfValue configuredGroup = fn.get("logging_config").block().get("log_group");
    TemplateValue logGroup =
        configuredGroup.isNull()
            ? defaultLogGroup(names, fn, path)
            : value(configuredGroup, path + ".logging_config.log_group");
    TfValue kms = fn.get("kms_key_arn");
    List<TemplateValue> fileSystems = new ArrayList<>();
    for (TfValue fs : fn.get("file_system_config").items()) {
      if (fs instanceof TfValue.Obj o && !o.get("arn").isNull()) {
        fileSystems.add(value(o.get("arn"), path + ".file_system_config.arn"));
      }
    }
    RoleRef role = roles.role(fn.get("role"));
    return new TemplateFunction(
        name(fn),
        LAMBDA,
        fn.location(),
        fn.get("handler").literal(),
        codeDirectory(fn),
        names,
        environment,
        events,
        inVpc,
        inVpc ? Optional.of(vpc.at()) : Optional.empty(),
        active,
        active ? Optional.of(tracing.at()) : Optional.empty(),
        destinations,
        Optional.of(logGroup),
        logGroupDeclared(logGroup),
        kms.isNull() ? Optional.empty() : Optional.of(value(kms, path + ".kms_key_arn")),
        fileSystems,
        role,
        roles.policies(role));
  }

  /** The expressions of {@code environment { variables = { ... } }} as written, by name. */
  private static Map<String, HclExpr> writtenVariables(ResourceInstance fn) {
    for (HclBlock environment : fn.block().blocks("environment")) {
      Optional<HclBlock.Attribute> variables = environment.attribute("variables");
      if (variables.isPresent() && variables.get().expression() instanceof HclExpr.ObjectCons o) {
        return o.entries();
      }
    }
    return Map.of();
  }

  /** The function's name in the report. */
  private String name(ResourceInstance fn) {
    Optional<String> key = fn.scope().eachKey().flatMap(TfValue::literal);
    if (key.isPresent()) {
      return key.get();
    }
    long inModule =
        resources.ofType(LAMBDA).stream()
            .filter(f -> f.module().prefix().equals(fn.module().prefix()))
            .count();
    String base =
        fn.module().isRoot()
            ? fn.name()
            : inModule == 1 ? fn.module().name() : fn.module().name() + "_" + fn.name();
    return fn.scope().countIndex().flatMap(TfValue::literal).map(i -> base + "_" + i).orElse(base);
  }

  /** {@code /aws/lambda/<function_name>}, the group Lambda writes to unless configured. */
  private static TemplateValue defaultLogGroup(
      List<ArgValue> names, ResourceInstance fn, String path) {
    List<ArgValue> groups = new ArrayList<>();
    names.forEach(n -> groups.add(ArgValue.concat(List.of(ArgValue.literal("/aws/lambda/"), n))));
    return new TemplateValue(groups, fn.locationOf("function_name"), path + ".function_name");
  }

  /** True if an {@code aws_cloudwatch_log_group} of the configuration has the group's name. */
  private boolean logGroupDeclared(TemplateValue group) {
    for (ResourceInstance declared : resources.ofType("aws_cloudwatch_log_group")) {
      for (ArgValue name : declared.get("name").strings()) {
        if (name.isKnown() && group.values().contains(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private Optional<Path> codeDirectory(ResourceInstance fn) {
    Path base = fn.module().config().directory();
    return fn.get("filename").literal().flatMap(f -> CodeDirectories.of(base, f));
  }

  /**
   * True if a {@code function_name} argument names {@code fn}: a reference to it, or its name or
   * ARN as text.
   */
  private static boolean refersTo(TfValue name, ResourceInstance fn, List<ArgValue> names) {
    Optional<String> origin = name.origin();
    if (origin.isPresent()) {
      return origin.get().startsWith(fn.instanceAddress() + ".")
          || origin.get().startsWith(fn.address() + ".");
    }
    for (ArgValue value : name.strings()) {
      String text = value.pattern();
      for (ArgValue own : names) {
        String ownName = own.pattern();
        if (own.isKnown() && (text.equals(ownName) || text.endsWith(":function:" + ownName))) {
          return true;
        }
      }
    }
    return false;
  }

  private EventSource eventSource(TfValue source, String path) {
    String kind = kind(source);
    Optional<TfValue> key = Optional.empty();
    String keyPath = "";
    if (source.origin().isPresent()) {
      String origin = source.origin().get();
      for (ResourceInstance r : resources.all()) {
        if (!origin.startsWith(r.instanceAddress() + ".")
            && !origin.startsWith(r.address() + ".")) {
          continue;
        }
        if (r.type().equals("aws_sqs_queue") && !r.get("kms_master_key_id").isNull()) {
          key = Optional.of(r.get("kms_master_key_id"));
          keyPath = r.instanceAddress() + ".kms_master_key_id";
        } else if (r.type().equals("aws_kinesis_stream")
            && r.get("encryption_type").literal().map("KMS"::equals).orElse(false)) {
          key = Optional.of(r.get("kms_key_id"));
          keyPath = r.instanceAddress() + ".kms_key_id";
        }
      }
    }
    String finalKeyPath = keyPath;
    return new EventSource(kind, value(source, path), key.map(k -> value(k, finalKeyPath)));
  }

  private void destinations(
      TfValue.Obj config, String argument, String path, List<Destination> out) {
    for (String outcome : List.of("on_success", "on_failure")) {
      TfValue target = config.get(outcome).block().get(argument);
      if (!target.isNull()) {
        out.add(
            new Destination(
                kind(target),
                value(target, path + "." + outcome + "." + argument),
                outcome.equals("on_success")
                    ? "on-success destination"
                    : "on-failure destination"));
      }
    }
  }

  /** SQS, SNS, Lambda, ... from the resource a value references, or its ARN. */
  private static String kind(TfValue value) {
    Optional<String> origin = value.origin();
    if (origin.isPresent()) {
      String o = origin.get().replaceAll("^(module\\.[^.]+\\.)*", "").replaceFirst("^data\\.", "");
      String type = o.contains(".") ? o.substring(0, o.indexOf('.')) : o;
      String byType =
          switch (type) {
            case "aws_sqs_queue" -> "SQS";
            case "aws_sns_topic" -> "SNS";
            case "aws_lambda_function" -> "Lambda";
            case "aws_cloudwatch_event_bus" -> "EventBridge";
            case "aws_kinesis_stream" -> "Kinesis";
            case "aws_dynamodb_table" -> "DynamoDB";
            case "aws_msk_cluster" -> "MSK";
            case "aws_s3_bucket" -> "S3";
            default -> "";
          };
      if (!byType.isEmpty()) {
        return byType;
      }
    }
    for (ArgValue v : value.strings()) {
      String kind = ArnKinds.of(v.pattern());
      if (!kind.equals("Unknown")) {
        return kind;
      }
    }
    return "Unknown";
  }

  private static TemplateValue value(TfValue value, String path) {
    SourceLocation at = value.at();
    return new TemplateValue(value.flatStrings(), at, path);
  }
}
