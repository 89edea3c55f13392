package dev.minrole.analyzer.serverless;

import static dev.minrole.analyzer.serverless.ServiceFunctions.normalized;
import static dev.minrole.analyzer.serverless.TemplateNodes.getAtt;
import static dev.minrole.analyzer.serverless.TemplateNodes.logGroupName;
import static dev.minrole.analyzer.serverless.TemplateNodes.map;
import static dev.minrole.analyzer.serverless.TemplateNodes.scalar;

import dev.minrole.analyzer.template.TNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * <p>This class writes the function and its resources; {@link GeneratedRole} writes the roles, and
 * {@link ServiceFunctions} reads what both need to know about the functions.
 */
final class ServerlessCompiler {
  static final String SHARED_ROLE = "IamRoleLambdaExecution";

  private final TNode.TMap root;
  private final TNode.TMap provider;
  private final ServiceFunctions functions;
  private final GeneratedRole roles;
  private final Map<String, TNode> resources = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();

  ServerlessCompiler(TNode.TMap root, String stage) {
    this.root = root;
    this.provider = root.map("provider");
    this.functions = new ServiceFunctions(root, stage);
    this.roles = new GeneratedRole(functions);
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
    TNode.TMap declared = root.map("functions");
    boolean plugin =
        root.get("plugins").map(TNode::items).orElse(List.of()).stream()
            .anyMatch(p -> p.text().map(GeneratedRole.PLUGIN::equals).orElse(false));
    List<String> sharing = new ArrayList<>();
    for (Map.Entry<String, TNode> e : declared.entries().entrySet()) {
      TNode.TMap fn = e.getValue().asMap().orElse(new TNode.TMap(Map.of(), e.getValue().line()));
      String id = normalized(e.getKey());
      names.put(id + "LambdaFunction", e.getKey());
      Optional<TNode> ownRole = fn.get("role").or(this::providerRole);
      TNode role;
      if (ownRole.isPresent()) {
        role = roleReference(ownRole.get());
      } else if (plugin && fn.get("iamRoleStatements").isPresent()) {
        String roleId = id + SHARED_ROLE;
        resources.put(roleId, roles.role(List.of(e.getKey()), fn.line(), true));
        role = getAtt(roleId, fn.line());
      } else {
        sharing.add(e.getKey());
        role = getAtt(SHARED_ROLE, fn.line());
      }
      function(e.getKey(), id, fn, role);
    }
    if (!sharing.isEmpty()) {
      resources.put(SHARED_ROLE, roles.role(sharing, provider.line(), false));
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

  private void function(String key, String id, TNode.TMap fn, TNode role) {
    int line = fn.line();
    Map<String, TNode> props = new LinkedHashMap<>();
    String name = functions.functionName(key, fn);
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
    functions
        .tracing(fn)
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
      Optional<ServiceFunctions.Poll> poll = ServiceFunctions.poll(event);
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
                        map(d.line(), "Destination", functions.destination(d))));
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
}
