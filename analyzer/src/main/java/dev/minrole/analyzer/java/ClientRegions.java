package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.minrole.analyzer.model.ArgValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The region a client is built for, when the code sets one: {@code
 * DynamoDbClient.builder().region(Region.US_EAST_1)}, {@code Region.of("ap-south-1")}, {@code
 * AmazonDynamoDBClientBuilder.standard().withRegion("us-west-2")} or {@code
 * withRegion(Regions.US_WEST_2)}. IAM checks the ARN of the resource called, so the call's
 * resources are in that region, not the function's; a region the code sets but minrole cannot read
 * is unknown, never the function's.
 */
final class ClientRegions {
  /** {@code Region.of(x)}, {@code Regions.fromName(x)}, {@code Region.getRegion(x)}: x. */
  private static final Map<String, Set<String>> FACTORIES =
      Map.of(
          "software.amazon.awssdk.regions.Region", Set.of("of"),
          "com.amazonaws.regions.Regions", Set.of("fromName"),
          "com.amazonaws.regions.Region", Set.of("getRegion"),
          "com.amazonaws.regions.RegionUtils", Set.of("getRegion"));

  /** A region constant's name: {@code US_EAST_1}, {@code AP_SOUTHEAST_2}, {@code US_GOV_WEST_1}. */
  private static final Pattern CONSTANT = Pattern.compile("[A-Z]{2}(_[A-Z]+)+_[0-9]+");

  private ClientRegions() {}

  /** The value of a region factory call, which is its argument's. */
  static Optional<List<Value>> staticCall(
      ValueEvaluator evaluator, String owner, MethodCallExpr call, Frame frame) {
    Set<String> names = FACTORIES.get(owner);
    if (names == null
        || !names.contains(call.getNameAsString())
        || call.getArguments().size() != 1) {
      return Optional.empty();
    }
    return Optional.of(evaluator.eval(call.getArgument(0), frame));
  }

  /**
   * The region the client {@code scope} is built for, if the code sets one on every client it can
   * be; unknown if it sets one minrole cannot read, or if some of the clients set one and others do
   * not.
   */
  static Optional<ArgValue> of(
      Expression scope, JType receiver, CodeUnit unit, RecognitionContext context) {
    SdkTypes sdk = context.analysis().sdk();
    boolean client =
        sdk.inventory().serviceByClient(receiver.name()).isPresent()
            || sdk.sdk1().isModelled(receiver.name());
    if (!client) {
      return Optional.empty();
    }
    List<Value> clients = context.evaluator().evaluateInContexts(scope, unit);
    ArgValue found = null;
    boolean unset = false;
    for (Value v : clients) {
      List<Value> regions =
          v instanceof Value.Obj o
              ? o.props().getOrDefault("region", o.props().getOrDefault("Region", List.of()))
              : List.of();
      if (regions.isEmpty()) {
        unset = true;
        continue;
      }
      for (Value r : regions) {
        ArgValue region = region(r);
        if (found == null) {
          found = region;
        } else if (!found.equals(region)) {
          return Optional.of(ArgValue.unknown("the clients' regions differ"));
        }
      }
    }
    if (found == null) {
      return Optional.empty();
    }
    return unset
        ? Optional.of(ArgValue.unknown("some of the clients set a region"))
        : Optional.of(found);
  }

  private static ArgValue region(Value value) {
    if (!(value instanceof Value.Str s)) {
      return ArgValue.unknown("the client's region");
    }
    Optional<String> literal = s.value().literal();
    if (literal.isPresent() && CONSTANT.matcher(literal.get()).matches()) {
      return ArgValue.literal(literal.get().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    return s.value();
  }
}
