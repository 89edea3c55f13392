package dev.minrole.analyzer.serverless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.minrole.analyzer.template.ArnKinds;
import dev.minrole.analyzer.template.TNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds from a resolved {@code serverless.yml} the CloudFormation template the Serverless
 * Framework deploys, as far as roles need it: an {@code AWS::Lambda::Function} per function ({@code
 * <Name>LambdaFunction}, named {@code <service>-<stage>-<function>} unless {@code name} is set,
 * with the provider's and the function's environment, {@code vpc}, {@code tracing}, {@code
 * onError}, {@code kmsKeyArn}, {@code fileSystemConfig}), its log group ({@code <Name>LogGroup}),
 * event source mappings for {@code sqs} and {@code stream} events, an event invoke config for
 * {@code destinations}, the execution role ({@code IamRoleLambdaExecution}, shared by every
 * function without a role of its own, or one role per function with {@code iamRoleStatements} and
 * the {@code serverless-iam-roles-per-function} plugin), and the template of {@code resources}.
 * What the generated roles grant is data: {@code generated-role.yaml}. Every node keeps the line of
 * {@code serverless.yml} it comes from.
 *
 * <p>Over 300 lines: the function, its events and the roles generated for it are one compilation
 * step of the Framework; the generated roles' contents are data.
 */
final class ServerlessCompiler {
  static final String SHARED_ROLE = "IamRoleLambdaExecution";
  private static final String PLUGIN = "serverless-iam-roles-per-function";
  private static final String DATA = "/dev/minrole/analyzer/serverless/generated-role.yaml";
  private static volatile JsonNode data;

  private final TNode.TMap root;
  private final String service;
  private final String stage;
  private final TNode.TMap provider;
  private final JsonNode rules;
  private final Map<String, TNode> resources = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();

  ServerlessCompiler(TNode.TMap root, String stage) {
    this.root = root;
    this.stage = stage;
    this.provider = root.map("provider");
    Optional<TNode> serviceNode = root.get("service");
    this.service =
        serviceNode
            .flatMap(TNode::text)
            .or(() -> serviceNode.flatMap(TNode::asMap).flatMap(m -> m.text("name")))
            .orElse("service");
    this.rules = rules();
  }

  private static JsonNode rules() {
    JsonNode result = data;
    if (result == null) {
      try (InputStream in = ServerlessCompiler.class.getResourceAsStream(DATA)) {
        if (in == null) {
          throw new IllegalStateException("data file missing from the build: " + DATA);
        }
        result = new ObjectMapper(new YAMLFactory()).readTree(in);
        data = result;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return result;
  }

  /** The function logical ids of the template, each with its name in {@code functions}. */
  Map<String, String> functionNames() {
    return names;
  }

  /** The template. */
  TNode.TMap template() {
    TNode.TMap custom = root.map("resources");
    custom.map("Resources").entries().forEach(resources::put);
    resources.putIfAbsent(
        "ServerlessDeploymentBucket",
        map(root.line(), "Type", scalar("AWS::S3::Bucket", root.line())));
    TNode.TMap functions = root.map("functions");
    boolean plugin =
        root.get("plugins").map(TNode::items).orElse(List.of()).stream()
            .anyMatch(p -> p.text().map(PLUGIN::equals).orElse(false));
    List<String> sharing = new ArrayList<>();
    for (Map.Entry<String, TNode> e : functions.entries().entrySet()) {
      TNode.TMap fn = e.getValue().asMap().orElse(new TNode.TMap(Map.of(), e.getValue().line()));
      String id = normalized(e.getKey());
      names.put(id + "LambdaFunction", e.getKey());
      Optional<TNode> ownRole = fn.get("role").or(this::providerRole);
      TNode role;
      if (ownRole.isPresent()) {
        role = roleReference(ownRole.get());
      } else if (plugin && fn.get("iamRoleStatements").isPresent()) {
        String roleId = id + SHARED_ROLE;
        resources.put(roleId, generatedRole(List.of(e.getKey()), fn.line(), true));
        role = getAtt(roleId, fn.line());
      } else {
        sharing.add(e.getKey());
        role = getAtt(SHARED_ROLE, fn.line());
      }
      function(e.getKey(), id, fn, role);
    }
    if (!sharing.isEmpty()) {
      resources.put(SHARED_ROLE, generatedRole(sharing, provider.line(), false));
    }
    Map<String, TNode> out = new LinkedHashMap<>();
    custom.get("Conditions").ifPresent(c -> out.put("Conditions", c));
    custom.get("Mappings").ifPresent(m -> out.put("Mappings", m));
    out.put("Resources", new TNode.TMap(resources, root.line()));
    return new TNode.TMap(out, root.line());
  }

  private Optional<TNode> providerRole() {
    Optional<TNode> iamRole = provider.map("iam").get("role");
    if (iamRole.isPresent() && !isRoleObject(iamRole.get())) {
      return iamRole;
    }
    return provider.get("role");
  }

  /** {@code provider.iam.role} as an object configures the generated role; else it names one. */
  private static boolean isRoleObject(TNode role) {
    return role instanceof TNode.TMap m && !m.isIntrinsic();
  }

  /** A role by logical id of {@code resources}, by ARN, or as an intrinsic. */
  private TNode roleReference(TNode role) {
    Optional<String> text = role.text();
    if (text.isPresent() && !text.get().startsWith("arn:")) {
      return getAtt(text.get(), role.line());
    }
    return role;
  }

  private String functionName(String key, TNode.TMap fn) {
    return fn.text("name").orElse(service + "-" + stage + "-" + key);
  }

  private void function(String key, String id, TNode.TMap fn, TNode role) {
    int line = fn.line();
    Map<String, TNode> props = new LinkedHashMap<>();
    String name = functionName(key, fn);
    props.put("FunctionName", fn.get("name").orElse(scalar(name, line)));
    fn.get("handler").ifPresent(h -> props.put("Handler", h));
    props.put("Role", role);
    Map<String, TNode> variables = new LinkedHashMap<>();
    provider.map("environment").entries().forEach(variables::put);
    fn.map("environment").entries().forEach(variables::put);
    if (!variables.isEmpty()) {
      props.put("Environment", map(line, "Variables", new TNode.TMap(variables, line)));
    }
    Optional<TNode> vpc = fn.get("vpc").or(() -> provider.get("vpc"));
    vpc.flatMap(TNode::asMap)
        .ifPresent(
            v ->
                props.put(
                    "VpcConfig",
                    map(
                        v.line(),
                        "SecurityGroupIds",
                        v.get("securityGroupIds").orElse(new TNode.TList(List.of(), v.line())),
                        "SubnetIds",
                        v.get("subnetIds").orElse(new TNode.TList(List.of(), v.line())))));
    tracing(fn)
        .ifPresent(
            t -> props.put("TracingConfig", map(t.line(), "Mode", scalar("Active", t.line()))));
    fn.get("onError").ifPresent(t -> props.put("DeadLetterConfig", map(t.line(), "TargetArn", t)));
    fn.get("kmsKeyArn")
        .or(() -> provider.get("kmsKeyArn"))
        .ifPresent(k -> props.put("KmsKeyArn", k));
    fn.map("fileSystemConfig")
        .get("arn")
        .ifPresent(
            a ->
                props.put(
                    "FileSystemConfigs",
                    new TNode.TList(List.of(map(a.line(), "Arn", a)), a.line())));
    fn.map("package")
        .get("artifact")
        .or(() -> root.map("package").get("artifact"))
        .ifPresent(a -> props.put("CodeUri", a));
    resources.put(
        id + "LambdaFunction",
        map(
            line,
            "Type",
            scalar("AWS::Lambda::Function", line),
            "Properties",
            new TNode.TMap(props, line)));
    if (!fn.text("disableLogs").map("true"::equals).orElse(false)) {
      resources.put(
          id + "LogGroup",
          map(
              line,
              "Type",
              scalar("AWS::Logs::LogGroup", line),
              "Properties",
              map(line, "LogGroupName", logGroupName(fn.get("name").orElse(scalar(name, line))))));
    }
    int n = 0;
    for (TNode event : fn.get("events").map(TNode::items).orElse(List.of())) {
      Optional<Poll> poll = poll(event);
      if (poll.isEmpty()) {
        continue;
      }
      n++;
      Map<String, TNode> mapping = new LinkedHashMap<>();
      mapping.put("EventSourceArn", poll.get().arn());
      mapping.put(
          "FunctionName", map(event.line(), "Ref", scalar(id + "LambdaFunction", event.line())));
      poll.get()
          .onFailure()
          .ifPresent(
              f ->
                  mapping.put(
                      "DestinationConfig",
                      map(f.line(), "OnFailure", map(f.line(), "Destination", f))));
      resources.put(
          id + "EventSourceMapping" + n,
          map(
              event.line(),
              "Type",
              scalar("AWS::Lambda::EventSourceMapping", event.line()),
              "Properties",
              new TNode.TMap(mapping, event.line())));
    }
    TNode.TMap destinations = fn.map("destinations");
    if (!destinations.entries().isEmpty()) {
      Map<String, TNode> config = new LinkedHashMap<>();
      for (String outcome : List.of("onSuccess", "onFailure")) {
        destinations
            .get(outcome)
            .ifPresent(
                d ->
                    config.put(
                        outcome.equals("onSuccess") ? "OnSuccess" : "OnFailure",
                        map(d.line(), "Destination", destination(d))));
      }
      resources.put(
          id + "EventInvokeConfig",
          map(
              destinations.line(),
              "Type",
              scalar("AWS::Lambda::EventInvokeConfig", destinations.line()),
              "Properties",
              map(
                  destinations.line(),
                  "FunctionName",
                  map(
                      destinations.line(),
                      "Ref",
                      scalar(id + "LambdaFunction", destinations.line())),
                  "DestinationConfig",
                  new TNode.TMap(config, destinations.line()))));
    }
  }

  /** {@code tracing: Active} on the function, or {@code provider.tracing.lambda}. */
  private Optional<TNode> tracing(TNode.TMap fn) {
    Optional<TNode> t = fn.get("tracing").or(() -> provider.map("tracing").get("lambda"));
    return t.filter(
        n -> n.text().map(v -> v.equalsIgnoreCase("Active") || v.equals("true")).orElse(false));
  }

  /** A poll-based event: its source ARN, kind and on-failure destination. */
  private record Poll(String kind, TNode arn, Optional<TNode> onFailure) {}

  private Optional<Poll> poll(TNode event) {
    TNode.TMap e = event.asMap().orElse(new TNode.TMap(Map.of(), event.line()));
    for (String type : List.of("sqs", "stream", "msk", "kafka", "activemq", "rabbitmq")) {
      Optional<TNode> config = e.get(type);
      if (config.isEmpty()) {
        continue;
      }
      TNode value = config.get();
      TNode arn =
          value.asMap().filter(m -> !m.isIntrinsic()).flatMap(m -> m.get("arn")).orElse(value);
      String kind = type;
      if (type.equals("stream")) {
        Optional<String> declared = value.asMap().flatMap(m -> m.text("type"));
        kind =
            declared.orElse(
                arn.text()
                    .map(a -> ArnKinds.of(a).toLowerCase(java.util.Locale.ROOT))
                    .orElse("kinesis"));
      }
      Optional<TNode> onFailure =
          value
              .asMap()
              .map(m -> m.map("destinations"))
              .flatMap(d -> d.get("onFailure"))
              .map(
                  d ->
                      d.asMap().filter(m -> !m.isIntrinsic()).flatMap(m -> m.get("arn")).orElse(d));
      return Optional.of(new Poll(kind, arn, onFailure));
    }
    return Optional.empty();
  }

  /** A destination: an ARN, another function of the service, or {@code {type, arn}}. */
  private TNode destination(TNode d) {
    TNode target = d.asMap().filter(m -> !m.isIntrinsic()).flatMap(m -> m.get("arn")).orElse(d);
    Optional<String> text = target.text();
    if (text.isPresent()
        && !text.get().startsWith("arn:")
        && root.map("functions").get(text.get()).isPresent()) {
      return getAtt(normalized(text.get()) + "LambdaFunction", d.line());
    }
    return target;
  }

  // ---- the generated role

  /**
   * The role Serverless generates for {@code functions}: logs, their poll-based events, tracing,
   * dead-letter and destination targets, and the user's statements and managed policies ({@code
   * perFunction}: the plugin's role, with the function's {@code iamRoleStatements}).
   */
  private TNode generatedRole(List<String> functions, int line, boolean perFunction) {
    TNode.TMap all = root.map("functions");
    List<TNode> generated = new ArrayList<>();
    List<TNode> groups = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    boolean canonical = false;
    boolean traced = false;
    boolean vpc = provider.get("vpc").isPresent();
    Map<String, List<TNode>> eventArns = new LinkedHashMap<>();
    List<TNode> targets = new ArrayList<>();
    for (String key : functions) {
      TNode.TMap fn = all.map(key);
      if (fn.get("name").isPresent() && !perFunction) {
        groups.add(logGroupName(fn.get("name").get()));
      } else if (perFunction) {
        groups.add(logGroupName(fn.get("name").orElse(scalar(functionName(key, fn), fn.line()))));
      } else {
        canonical = true;
      }
      traced |= tracing(fn).isPresent();
      vpc |= fn.get("vpc").isPresent();
      for (TNode event : fn.get("events").map(TNode::items).orElse(List.of())) {
        poll(event)
            .ifPresent(
                p -> {
                  eventArns.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p.arn());
                  p.onFailure().ifPresent(targets::add);
                });
      }
      fn.get("onError").ifPresent(targets::add);
      TNode.TMap destinations = fn.map("destinations");
      destinations.get("onSuccess").ifPresent(d -> targets.add(destination(d)));
      destinations.get("onFailure").ifPresent(d -> targets.add(destination(d)));
    }
    if (canonical) {
      groups.add(0, scalar("/aws/lambda/" + service + "-" + stage + "*", line));
    }
    JsonNode logs = rules.path("logs");
    for (JsonNode rule : logs) {
      List<TNode> arns = new ArrayList<>();
      for (TNode group : groups) {
        arns.add(sub(rule.path("resource").asText(), group, line));
      }
      generated.add(statement(texts(rule.path("actions")), arns, line));
    }
    eventArns.forEach(
        (kind, arns) -> {
          JsonNode actions = rules.path("events").path(kind);
          if (!actions.isMissingNode() && seen.add(kind)) {
            generated.add(statement(texts(actions), arns, line));
          }
        });
    if (traced) {
      generated.add(statement(texts(rules.path("tracing")), List.of(scalar("*", line)), line));
    }
    for (TNode target : targets) {
      String kind = target.text().map(ArnKinds::of).orElse(kindOfReference(target));
      JsonNode action = rules.path("targets").path(kind);
      if (!action.isMissingNode()) {
        generated.add(statement(List.of(action.asText()), List.of(target), target.line()));
      }
    }
    List<TNode> policies = new ArrayList<>();
    policies.add(
        policy(service + "-" + stage + "-lambda (generated by Serverless)", generated, line));
    TNode.TMap iamRole = provider.map("iam").map("role");
    Optional<TNode> userStatements =
        iamRole.get("statements").or(() -> provider.get("iamRoleStatements"));
    String userName =
        iamRole.get("statements").isPresent()
            ? "provider.iam.role.statements"
            : "provider.iamRoleStatements";
    if (perFunction) {
      TNode.TMap fn = all.map(functions.get(0));
      Optional<TNode> own = fn.get("iamRoleStatements");
      own.ifPresent(
          s ->
              policies.add(
                  policy(
                      "functions." + functions.get(0) + ".iamRoleStatements",
                      s.items(),
                      s.line())));
      boolean inherit =
          fn.text("iamRoleStatementsInherit")
              .or(() -> root.map("custom").map(PLUGIN).text("defaultInherit"))
              .map("true"::equals)
              .orElse(false);
      if (inherit) {
        userStatements.ifPresent(s -> policies.add(policy(userName, s.items(), s.line())));
      }
    } else {
      userStatements.ifPresent(s -> policies.add(policy(userName, s.items(), s.line())));
    }
    List<TNode> managed = new ArrayList<>();
    iamRole
        .get("managedPolicies")
        .or(() -> provider.get("iamManagedPolicies"))
        .ifPresent(m -> managed.addAll(m.items()));
    if (vpc) {
      managed.add(map(line, "Fn::Sub", scalar(rules.path("vpcManagedPolicy").asText(), line)));
    }
    Map<String, TNode> props = new LinkedHashMap<>();
    props.put("Policies", new TNode.TList(policies, line));
    if (!managed.isEmpty()) {
      props.put("ManagedPolicyArns", new TNode.TList(managed, line));
    }
    return map(
        line, "Type", scalar("AWS::IAM::Role", line), "Properties", new TNode.TMap(props, line));
  }

  private static String kindOfReference(TNode target) {
    if (target instanceof TNode.TMap m && m.get("Fn::GetAtt").isPresent()) {
      return "Lambda";
    }
    return "Unknown";
  }

  private static TNode policy(String name, List<TNode> statements, int line) {
    return map(
        line,
        "PolicyName",
        scalar(name, line),
        "PolicyDocument",
        map(
            line,
            "Version",
            scalar("2012-10-17", line),
            "Statement",
            new TNode.TList(statements, line)));
  }

  private static TNode statement(List<String> actions, List<TNode> resources, int line) {
    List<TNode> a = new ArrayList<>();
    actions.forEach(x -> a.add(scalar(x, line)));
    return map(
        line,
        "Effect",
        scalar("Allow", line),
        "Action",
        new TNode.TList(a, line),
        "Resource",
        new TNode.TList(resources, line));
  }

  /** {@code !Sub} of a pattern with {@code ${group}} replaced by a log group name. */
  private static TNode sub(String pattern, TNode group, int line) {
    int at = pattern.indexOf("${group}");
    String head = pattern.substring(0, at);
    String tail = pattern.substring(at + "${group}".length());
    Optional<String> text = group.text();
    if (text.isPresent()) {
      return map(line, "Fn::Sub", scalar(head + text.get() + tail, line));
    }
    return map(
        line,
        "Fn::Join",
        new TNode.TList(
            List.of(
                scalar("", line),
                new TNode.TList(
                    List.of(map(line, "Fn::Sub", scalar(head, line)), group, scalar(tail, line)),
                    line)),
            line));
  }

  private static TNode logGroupName(TNode functionName) {
    int line = functionName.line();
    Optional<String> text = functionName.text();
    if (text.isPresent()) {
      return scalar("/aws/lambda/" + text.get(), line);
    }
    return map(
        line,
        "Fn::Join",
        new TNode.TList(
            List.of(
                scalar("", line),
                new TNode.TList(List.of(scalar("/aws/lambda/", line), functionName), line)),
            line));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /**
   * Serverless's logical id of a function: first letter upper case, {@code -} as {@code Dash},
   * {@code _} as {@code Underscore}.
   */
  static String normalized(String name) {
    String n = name.replace("-", "Dash").replace("_", "Underscore");
    return n.isEmpty() ? n : Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private static TNode getAtt(String id, int line) {
    return map(
        line, "Fn::GetAtt", new TNode.TList(List.of(scalar(id, line), scalar("Arn", line)), line));
  }

  private static TNode.TScalar scalar(String text, int line) {
    return new TNode.TScalar(text, line);
  }

  private static TNode.TMap map(int line, Object... keysAndValues) {
    Map<String, TNode> entries = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      entries.put((String) keysAndValues[i], (TNode) keysAndValues[i + 1]);
    }
    return new TNode.TMap(entries, line);
  }
}
