package dev.minrole.generator.mapping;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds SDK calls from a compact text and maps them through the bundled knowledge base. */
final class MappingFixture {
  static final ArnContext CONTEXT =
      new ArnContext("aws", Optional.of("eu-west-1"), Optional.of("111122223333"), Map.of());

  private MappingFixture() {}

  /**
   * A call from {@code Name=value & Other=value}: {@code $NAME} is an environment variable, {@code
   * ?} an unknown value, {@code prefix*} a value with an unknown end.
   */
  /**
   * A call with arguments written {@code Bucket=media & Key=in/*}; {@code waiter=ObjectExists} says
   * a waiter makes it.
   */
  static SdkCall call(String service, String operation, String args) {
    Map<String, ArgValue> values = new LinkedHashMap<>();
    java.util.Optional<String> waiter = java.util.Optional.empty();
    for (String part : args.split("&", -1)) {
      String arg = part.strip();
      if (arg.isEmpty()) {
        continue;
      }
      int eq = arg.indexOf('=');
      String name = arg.substring(0, eq).strip();
      String text = arg.substring(eq + 1).strip();
      if (name.equals("waiter")) {
        waiter = java.util.Optional.of(text);
      } else {
        values.put(name, value(text));
      }
    }
    return new SdkCall(
        service,
        operation,
        values,
        SourceLocation.of("App.java", 1),
        service + "." + operation,
        waiter);
  }

  private static ArgValue value(String text) {
    if (text.equals("?")) {
      return ArgValue.unknown("test");
    }
    if (text.startsWith("$")) {
      return new ArgValue.EnvVar(text.substring(1));
    }
    if (text.endsWith("*") && text.length() > 1) {
      return ArgValue.concat(
          List.of(
              ArgValue.literal(text.substring(0, text.length() - 1)), ArgValue.unknown("test")));
    }
    return ArgValue.literal(text);
  }

  /** The permissions the call needs, as sorted {@code action resource} lines. */
  static List<String> permissions(SdkCall call) {
    PolicySynthesizer synthesizer = new PolicySynthesizer(OperationMapper.bundled(), CONTEXT);
    return synthesizer.needs(List.of(call)).permissions().stream()
        .map(MappingFixture::line)
        .distinct()
        .sorted()
        .toList();
  }

  private static String line(Permission p) {
    String conditions =
        p.conditions().isEmpty()
            ? ""
            : " "
                + p.conditions().stream()
                    .map(c -> c.operator() + ":" + c.key() + "=" + c.values())
                    .toList();
    return p.action() + " " + p.resource() + conditions;
  }
}
