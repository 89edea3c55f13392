package dev.minrole.analyzer.entry;

import dev.minrole.analyzer.model.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the deployment tells the analysis about one function beyond its handler: where the function
 * is declared, its Lambda function name when known, and its environment. Frameworks choose the
 * user's code with these ({@code SPRING_CLOUD_FUNCTION_DEFINITION}, {@code MAIN_CLASS}, {@code
 * QUARKUS_LAMBDA_HANDLER}, Micronaut's function name); the application's own configuration files
 * belong to its sources and are read with them.
 */
public record FunctionContext(
    SourceLocation declaredAt, Optional<String> functionName, Map<String, Setting> environment) {

  /** Nothing known: a handler given on the command line without a template or {@code --env}. */
  public static final FunctionContext NONE =
      new FunctionContext(SourceLocation.NONE, Optional.empty(), Map.of());

  public FunctionContext {
    declaredAt = declaredAt == null ? SourceLocation.NONE : declaredAt;
    functionName = functionName == null ? Optional.empty() : functionName;
    environment = Map.copyOf(environment);
  }

  /** Variables given as plain values, each cited as {@code --env NAME}. */
  public static FunctionContext ofValues(Map<String, String> values) {
    return NONE.withDefaults(values);
  }

  /**
   * This context with {@code values} ({@code --env NAME=VALUE}) for the variables it does not set
   * itself: a template's own value wins, as it does when the code's environment is bound.
   */
  public FunctionContext withDefaults(Map<String, String> values) {
    if (values.isEmpty()) {
      return this;
    }
    Map<String, Setting> merged = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            merged.put(
                name, new Setting(name, List.of(value), SourceLocation.NONE, "--env " + name)));
    merged.putAll(environment);
    return new FunctionContext(declaredAt, functionName, merged);
  }

  public Optional<Setting> variable(String name) {
    return Optional.ofNullable(environment.get(name));
  }
}
