package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SdkCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a function's environment into its SDK calls: every {@code System.getenv("TABLE")} becomes
 * what the template sets {@code TABLE} to. A variable with several possible values (an {@code
 * Fn::If}) gives one call per value; a variable the template does not set stays an environment
 * variable, which later stages report.
 */
public final class EnvironmentBinding {
  private static final int MAX_CALLS = 32;

  private EnvironmentBinding() {}

  /** A call with the environment bound in, and the template values that went into it. */
  public record Bound(SdkCall call, List<TemplateValue> used) {
    public Bound {
      used = List.copyOf(used);
    }
  }

  public static List<SdkCall> bind(List<SdkCall> calls, Map<String, TemplateValue> environment) {
    return bindWithSources(calls, environment).stream().map(Bound::call).distinct().toList();
  }

  /** As {@link #bind}, keeping for each call the environment values it used. */
  public static List<Bound> bindWithSources(
      List<SdkCall> calls, Map<String, TemplateValue> environment) {
    List<Bound> out = new ArrayList<>();
    for (SdkCall call : calls) {
      List<TemplateValue> used = new ArrayList<>();
      for (ArgValue arg : call.args().values()) {
        collectUsed(arg, environment, used);
      }
      List<Map<String, ArgValue>> variants = new ArrayList<>();
      variants.add(new LinkedHashMap<>());
      for (Map.Entry<String, ArgValue> arg : call.args().entrySet()) {
        List<ArgValue> values = bind(arg.getValue(), environment);
        List<Map<String, ArgValue>> next = new ArrayList<>();
        for (Map<String, ArgValue> variant : variants) {
          for (ArgValue value : values) {
            Map<String, ArgValue> extended = new LinkedHashMap<>(variant);
            extended.put(arg.getKey(), value);
            next.add(extended);
          }
        }
        variants =
            next.size() > MAX_CALLS ? List.of(firstOfEach(variants, arg.getKey(), values)) : next;
      }
      for (Map<String, ArgValue> args : variants) {
        out.add(new Bound(call.withArgs(args), used));
      }
    }
    return out;
  }

  private static void collectUsed(
      ArgValue value, Map<String, TemplateValue> environment, List<TemplateValue> used) {
    if (value instanceof ArgValue.EnvVar env
        && environment.containsKey(env.name())
        && !used.contains(environment.get(env.name()))) {
      used.add(environment.get(env.name()));
    } else if (value instanceof ArgValue.Concat concat) {
      concat.parts().forEach(p -> collectUsed(p, environment, used));
    }
  }

  private static Map<String, ArgValue> firstOfEach(
      List<Map<String, ArgValue>> variants, String key, List<ArgValue> values) {
    Map<String, ArgValue> merged = new LinkedHashMap<>(variants.get(0));
    merged.put(
        key,
        values.size() == 1
            ? values.get(0)
            : ArgValue.unknown("more than " + MAX_CALLS + " combinations"));
    return merged;
  }

  /** The alternatives a value has once environment variables are replaced. */
  static List<ArgValue> bind(ArgValue value, Map<String, TemplateValue> environment) {
    if (value instanceof ArgValue.EnvVar env) {
      TemplateValue bound = environment.get(env.name());
      if (bound == null || bound.values().isEmpty()) {
        return List.of(value);
      }
      return bound.values();
    }
    if (value instanceof ArgValue.Concat concat) {
      List<List<ArgValue>> combos = new ArrayList<>();
      combos.add(List.of());
      for (ArgValue part : concat.parts()) {
        List<List<ArgValue>> next = new ArrayList<>();
        for (List<ArgValue> combo : combos) {
          for (ArgValue alternative : bind(part, environment)) {
            List<ArgValue> extended = new ArrayList<>(combo);
            extended.add(alternative);
            next.add(extended);
          }
        }
        combos = next;
      }
      return combos.stream().map(ArgValue::concat).distinct().toList();
    }
    return List.of(value);
  }
}
