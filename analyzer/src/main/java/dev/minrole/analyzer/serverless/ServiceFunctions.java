package dev.minrole.analyzer.serverless;

import static dev.minrole.analyzer.serverless.TemplateNodes.getAtt;

import dev.minrole.analyzer.template.ArnKinds;
import dev.minrole.analyzer.template.TNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The functions of a {@code serverless.yml} as the Framework reads them, for both the template and
 * the generated roles: their names, whether they are traced, their poll-based events and their
 * destinations.
 */
final class ServiceFunctions {
  private final TNode.TMap root;
  private final TNode.TMap provider;
  private final String service;
  private final String stage;

  ServiceFunctions(TNode.TMap root, String stage) {
    this.root = root;
    this.stage = stage;
    this.provider = root.map("provider");
    Optional<TNode> serviceNode = root.get("service");
    this.service =
        serviceNode
            .flatMap(TNode::text)
            .or(() -> serviceNode.flatMap(TNode::asMap).flatMap(m -> m.text("name")))
            .orElse("service");
  }

  TNode.TMap root() {
    return root;
  }

  TNode.TMap provider() {
    return provider;
  }

  /** {@code <service>-<stage>}, what the Framework's names start with. */
  String prefix() {
    return service + "-" + stage;
  }

  /** The function's name: {@code name}, or {@code <service>-<stage>-<function>}. */
  String functionName(String key, TNode.TMap fn) {
    return fn.text("name").orElse(prefix() + "-" + key);
  }

  /** {@code tracing: Active} on the function, or {@code provider.tracing.lambda}. */
  Optional<TNode> tracing(TNode.TMap fn) {
    Optional<TNode> t = fn.get("tracing").or(() -> provider.map("tracing").get("lambda"));
    return t.filter(
        n -> n.text().map(v -> v.equalsIgnoreCase("Active") || v.equals("true")).orElse(false));
  }

  /** A poll-based event: its source ARN, kind and on-failure destination. */
  record Poll(String kind, TNode arn, Optional<TNode> onFailure) {}

  static Optional<Poll> poll(TNode event) {
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
                arn.text().map(a -> ArnKinds.of(a).toLowerCase(Locale.ROOT)).orElse("kinesis"));
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
  TNode destination(TNode d) {
    TNode target = d.asMap().filter(m -> !m.isIntrinsic()).flatMap(m -> m.get("arn")).orElse(d);
    Optional<String> text = target.text();
    if (text.isPresent()
        && !text.get().startsWith("arn:")
        && root.map("functions").get(text.get()).isPresent()) {
      return getAtt(normalized(text.get()) + "LambdaFunction", d.line());
    }
    return target;
  }

  /**
   * Serverless's logical id of a function: first letter upper case, {@code -} as {@code Dash},
   * {@code _} as {@code Underscore}.
   */
  static String normalized(String name) {
    String n = name.replace("-", "Dash").replace("_", "Underscore");
    return n.isEmpty() ? n : Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }
}
