package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the functions of a template: {@code AWS::Serverless::Function} (with {@code
 * Globals.Function} merged in) and {@code AWS::Lambda::Function} (with the event source mappings,
 * invoke configs and IAM policies that other resources attach to it).
 */
public final class FunctionReader {
  private static final String SERVERLESS = "AWS::Serverless::Function";
  private static final String LAMBDA = "AWS::Lambda::Function";
  private static final LambdaSources SOURCES = LambdaSources.bundled();

  private final Template template;
  private final TemplateResolver resolver;
  private final ResourceLinks links;
  private final RolePolicies policies;

  public FunctionReader(TemplateResolver resolver) {
    this.template = resolver.template();
    this.resolver = resolver;
    this.links = new ResourceLinks(resolver);
    this.policies = new RolePolicies(resolver, links);
  }

  public List<TemplateFunction> functions() {
    List<TemplateFunction> out = new ArrayList<>();
    for (TemplateResource resource : template.resources().values()) {
      if (resource.type().equals(SERVERLESS)) {
        out.add(serverless(resource));
      } else if (resource.type().equals(LAMBDA)) {
        out.add(lambda(resource));
      }
    }
    return out;
  }

  private TemplateFunction serverless(TemplateResource resource) {
    TNode.TMap globals = template.functionGlobals();
    TNode.TMap props = resource.properties();
    String path = "Resources." + resource.logicalId() + ".Properties";
    Map<String, TemplateValue> environment = new LinkedHashMap<>();
    environment(
        globals.map("Environment").map("Variables"),
        "Globals.Function.Environment.Variables",
        environment);
    environment(
        props.map("Environment").map("Variables"), path + ".Environment.Variables", environment);
    List<EventSource> events = new ArrayList<>();
    List<Destination> destinations = new ArrayList<>();
    for (Map.Entry<String, TNode> e : props.map("Events").entries().entrySet()) {
      TNode.TMap event = e.getValue().asMap().orElse(null);
      if (event == null) {
        continue;
      }
      String type = event.text("Type").orElse("");
      Optional<String> named = SOURCES.pollProperty(type);
      if (named.isEmpty()) {
        continue;
      }
      TNode.TMap eventProps = event.map("Properties");
      String property = named.get();
      String eventPath = path + ".Events." + e.getKey() + ".Properties";
      eventProps
          .get(property)
          .ifPresent(n -> events.add(eventSource(type, n, eventPath + "." + property)));
      // Lambda sends records of failed stream batches there with the function's role.
      destinations(
          eventProps.map("DestinationConfig"), eventPath + ".DestinationConfig", destinations);
    }
    TNode.TMap dlq = first(props.map("DeadLetterQueue"), globals.map("DeadLetterQueue"));
    dlq.get("TargetArn")
        .ifPresent(
            n ->
                destinations.add(
                    new Destination(
                        dlq.text("Type").orElse("Unknown"),
                        value(n, path + ".DeadLetterQueue.TargetArn"),
                        "dead-letter queue",
                        dlq.text("Type"))));
    TNode.TMap invoke = first(props.map("EventInvokeConfig"), globals.map("EventInvokeConfig"));
    destinations(
        invoke.map("DestinationConfig"),
        path + ".EventInvokeConfig.DestinationConfig",
        destinations);
    RoleRef role =
        props
            .get("Role")
            .or(() -> globals.get("Role"))
            .map(policies::role)
            .orElse(new RoleRef.Generated());
    List<DeclaredPolicy> declared = new ArrayList<>();
    // SAM ignores Policies when Role is set: it generates no role to append them to.
    // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-policies
    if (role instanceof RoleRef.Generated) {
      props.get("Policies").ifPresent(p -> policies.samPolicies(p, declared));
    }
    if (role instanceof RoleRef.Resource r) {
      policies.rolePolicies(r.logicalId(), declared);
    }
    return function(
        resource, props, globals, environment, events, destinations, role, declared, path);
  }

  private TemplateFunction lambda(TemplateResource resource) {
    TNode.TMap props = resource.properties();
    TNode.TMap none = new TNode.TMap(Map.of(), resource.node().line());
    String path = "Resources." + resource.logicalId() + ".Properties";
    Map<String, TemplateValue> environment = new LinkedHashMap<>();
    environment(
        props.map("Environment").map("Variables"), path + ".Environment.Variables", environment);
    List<EventSource> events = new ArrayList<>();
    List<Destination> destinations = new ArrayList<>();
    props
        .map("DeadLetterConfig")
        .get("TargetArn")
        .ifPresent(
            n ->
                destinations.add(
                    new Destination(
                        kindOfArn(n),
                        value(n, path + ".DeadLetterConfig.TargetArn"),
                        "dead-letter queue")));
    for (TemplateResource other : template.resources().values()) {
      boolean mapping = other.type().equals("AWS::Lambda::EventSourceMapping");
      boolean invokeConfig = other.type().equals("AWS::Lambda::EventInvokeConfig");
      if ((!mapping && !invokeConfig)
          || !links.refersTo(other.properties().get("FunctionName"), resource.logicalId())) {
        continue;
      }
      String otherPath = "Resources." + other.logicalId() + ".Properties";
      if (mapping) {
        other
            .properties()
            .get("EventSourceArn")
            .ifPresent(
                n -> events.add(eventSource(kindOfArn(n), n, otherPath + ".EventSourceArn")));
      }
      destinations(
          other.properties().map("DestinationConfig"),
          otherPath + ".DestinationConfig",
          destinations);
    }
    RoleRef role = props.get("Role").map(policies::role).orElse(new RoleRef.Generated());
    List<DeclaredPolicy> declared = new ArrayList<>();
    if (role instanceof RoleRef.Resource r) {
      policies.rolePolicies(r.logicalId(), declared);
    }
    return function(resource, props, none, environment, events, destinations, role, declared, path);
  }

  private TemplateFunction function(
      TemplateResource resource,
      TNode.TMap props,
      TNode.TMap globals,
      Map<String, TemplateValue> environment,
      List<EventSource> events,
      List<Destination> destinations,
      RoleRef role,
      List<DeclaredPolicy> declared,
      String path) {
    Optional<TNode> vpc =
        props.get("VpcConfig").or(() -> globals.get("VpcConfig")).filter(n -> !isNoValue(n));
    Optional<TNode> tracing =
        props
            .get("Tracing")
            .or(() -> globals.get("Tracing"))
            .or(() -> props.map("TracingConfig").get("Mode"));
    boolean active =
        tracing.flatMap(resolver::literal).map(t -> t.equalsIgnoreCase("Active")).orElse(false);
    TNode.TMap logging = first(props.map("LoggingConfig"), globals.map("LoggingConfig"));
    Optional<TemplateValue> logGroup =
        logging.get("LogGroup").map(n -> value(n, path + ".LoggingConfig.LogGroup"));
    List<ArgValue> names = links.functionNames(resource);
    Optional<TemplateValue> kms =
        props
            .get("KmsKeyArn")
            .or(() -> globals.get("KmsKeyArn"))
            .filter(n -> !isNoValue(n))
            .map(n -> value(n, path + ".KmsKeyArn"));
    List<TemplateValue> fileSystems = new ArrayList<>();
    for (TNode fs :
        props
            .get("FileSystemConfigs")
            .or(() -> globals.get("FileSystemConfigs"))
            .map(TNode::items)
            .orElse(List.of())) {
      fs.asMap()
          .flatMap(m -> m.get("Arn"))
          .ifPresent(n -> fileSystems.add(value(n, path + ".FileSystemConfigs.Arn")));
    }
    return new TemplateFunction(
        resource.logicalId(),
        resource.type(),
        resource.location(),
        props.get("Handler").or(() -> globals.get("Handler")).flatMap(resolver::literal),
        codeDirectory(resource, props, globals),
        names,
        environment,
        events,
        vpc.isPresent(),
        vpc.map(template::location),
        active,
        tracing.filter(t -> active).map(template::location),
        destinations,
        logGroup,
        logGroupDeclared(names, logGroup),
        kms,
        fileSystems,
        role,
        declared);
  }

  // ---- pieces

  private void environment(TNode.TMap variables, String path, Map<String, TemplateValue> out) {
    for (Map.Entry<String, TNode> e : variables.entries().entrySet()) {
      out.put(e.getKey(), value(e.getValue(), path + "." + e.getKey()));
    }
  }

  /** An event source, with the key of a queue or stream the template encrypts. */
  private EventSource eventSource(String kind, TNode node, String path) {
    TemplateValue source = value(node, path);
    return new EventSource(kind, source, key(source.values(), 0));
  }

  /**
   * The key of the first queue or stream among the values that the template encrypts, following a
   * stream consumer to its stream ({@code depth} stops a consumer that names itself).
   */
  private Optional<TemplateValue> key(List<ArgValue> values, int depth) {
    for (ArgValue v : values) {
      if (!(v instanceof ArgValue.TemplateRef ref)) {
        continue;
      }
      Optional<TemplateResource> resource = template.resource(ref.logicalId());
      Optional<TNode> through =
          SOURCES.readsThrough(ref.cfnType()).flatMap(p -> resource.flatMap(r -> r.property(p)));
      if (through.isPresent() && depth < 2) {
        Optional<TemplateValue> key = key(resolver.resolve(through.get()), depth + 1);
        if (key.isPresent()) {
          return key;
        }
        continue;
      }
      Optional<ResourceTypes.Spec> spec =
          SOURCES.pollsWithKey(ref.cfnType())
              ? ResourceTypes.bundled().of(ref.cfnType())
              : Optional.empty();
      Optional<TNode> key = spec.flatMap(s -> resource.flatMap(s::encryptionKeyOf));
      if (key.isPresent()) {
        String keyPath =
            "Resources."
                + ref.logicalId()
                + ".Properties."
                + spec.get().encryptionKey().orElseThrow();
        return Optional.of(value(key.get(), keyPath));
      }
    }
    return Optional.empty();
  }

  private void destinations(TNode.TMap config, String path, List<Destination> out) {
    for (String outcome : List.of("OnSuccess", "OnFailure")) {
      TNode.TMap destination = config.map(outcome);
      Optional<TNode> target = destination.get("Destination");
      if (target.isPresent()) {
        String kind = destination.text("Type").orElseGet(() -> kindOfArn(target.get()));
        String purpose =
            outcome.equals("OnSuccess") ? "on-success destination" : "on-failure destination";
        out.add(
            new Destination(
                kind,
                value(target.get(), path + "." + outcome + ".Destination"),
                purpose,
                destination.text("Type")));
      }
    }
  }

  /** SQS, SNS, Lambda, EventBridge, Kinesis or DynamoDB, from an ARN or the resource it names. */
  private String kindOfArn(TNode node) {
    for (ArgValue v : resolver.resolve(node)) {
      String text = v.pattern();
      if (v instanceof ArgValue.TemplateRef ref) {
        Optional<String> kind = SOURCES.kindOfType(ref.cfnType());
        if (kind.isPresent()) {
          return kind.get();
        }
      }
      String kind = ArnKinds.of(text);
      if (!kind.equals("Unknown")) {
        return kind;
      }
    }
    return "Unknown";
  }

  /** True if the template declares the function's log group, so Lambda need not create it. */
  private boolean logGroupDeclared(List<ArgValue> names, Optional<TemplateValue> configured) {
    for (TemplateResource r : template.resources().values()) {
      if (!r.type().equals("AWS::Logs::LogGroup")) {
        continue;
      }
      Optional<TNode> groupName = r.properties().get("LogGroupName");
      if (groupName.isEmpty()) {
        continue;
      }
      for (ArgValue v : resolver.resolve(groupName.get())) {
        String text = v.pattern();
        if (configured.isPresent()
            && configured.get().values().stream().anyMatch(c -> c.pattern().equals(text))) {
          return true;
        }
        if (names.stream().anyMatch(n -> text.equals("/aws/lambda/" + n.pattern()))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The directory holding the function's sources: {@code CodeUri} (a directory, or the module of a
   * built jar under {@code target/} or {@code build/}), or the CDK asset path.
   */
  private Optional<Path> codeDirectory(
      TemplateResource resource, TNode.TMap props, TNode.TMap globals) {
    Optional<String> uri =
        props.get("CodeUri").or(() -> globals.get("CodeUri")).flatMap(resolver::literal);
    if (uri.isEmpty()) {
      uri = resource.metadata().text("aws:asset:path");
    }
    return uri.flatMap(u -> CodeDirectories.of(template.directory(), u));
  }

  private TemplateValue value(TNode node, String path) {
    return new TemplateValue(resolver.resolve(node), template.location(node), path);
  }

  private static TNode.TMap first(TNode.TMap a, TNode.TMap b) {
    return a.entries().isEmpty() ? b : a;
  }

  private static boolean isNoValue(TNode node) {
    return node instanceof TNode.TMap m
        && m.isIntrinsic()
        && m.text("Ref").map("AWS::NoValue"::equals).orElse(false);
  }
}
