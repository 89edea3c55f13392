package dev.minrole.analyzer.template;

import dev.minrole.analyzer.entry.FunctionContext;
import dev.minrole.analyzer.entry.Setting;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda function as a template declares it ({@code AWS::Serverless::Function}, with SAM globals
 * merged, or {@code AWS::Lambda::Function}): its handler and code, its environment, and what the
 * platform does for it with its role (event sources, destinations, VPC, tracing, logs, encryption,
 * file systems), plus the role and the permissions declared for it today.
 */
public record TemplateFunction(
    String logicalId,
    String resourceType,
    SourceLocation location,
    Optional<String> handler,
    Optional<Path> codeDirectory,
    List<ArgValue> functionName,
    Map<String, TemplateValue> environment,
    List<EventSource> eventSources,
    boolean vpc,
    Optional<SourceLocation> vpcLocation,
    boolean activeTracing,
    Optional<SourceLocation> tracingLocation,
    List<Destination> destinations,
    Optional<TemplateValue> logGroup,
    boolean logGroupDeclared,
    Optional<TemplateValue> kmsKey,
    List<TemplateValue> fileSystems,
    RoleRef role,
    List<DeclaredPolicy> declaredPolicies) {

  public TemplateFunction {
    functionName = List.copyOf(functionName);
    environment = Map.copyOf(environment);
    eventSources = List.copyOf(eventSources);
    destinations = List.copyOf(destinations);
    fileSystems = List.copyOf(fileSystems);
    declaredPolicies = List.copyOf(declaredPolicies);
  }

  /** The same function under another name (a Serverless function's key in {@code functions}). */
  public TemplateFunction named(String name) {
    return new TemplateFunction(
        name,
        resourceType,
        location,
        handler,
        codeDirectory,
        functionName,
        environment,
        eventSources,
        vpc,
        vpcLocation,
        activeTracing,
        tracingLocation,
        destinations,
        logGroup,
        logGroupDeclared,
        kmsKey,
        fileSystems,
        role,
        declaredPolicies);
  }

  /**
   * What the analysis of this function's code needs to know about its deployment: where it is
   * declared, its name and its environment, with each value as far as the template resolves it.
   */
  public FunctionContext context() {
    Map<String, Setting> variables = new LinkedHashMap<>();
    environment.forEach(
        (name, value) ->
            variables.put(
                name, new Setting(name, literals(value.values()), value.location(), value.path())));
    List<String> names = literals(functionName);
    return new FunctionContext(
        location, names.size() == 1 ? Optional.of(names.get(0)) : Optional.empty(), variables);
  }

  /** The texts of values that are all literals; none when any is known only at deployment. */
  private static List<String> literals(List<ArgValue> values) {
    List<String> out = new ArrayList<>();
    for (ArgValue value : values) {
      if (!(value instanceof ArgValue.Literal literal)) {
        return List.of();
      }
      out.add(literal.value());
    }
    return out;
  }
}
