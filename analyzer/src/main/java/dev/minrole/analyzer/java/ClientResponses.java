package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.minrole.analyzer.sdk.SdkMember;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkResponses.DerivedMember;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The response of a client call whose members the request determines ({@code responses.yaml}):
 * {@code sqs.getQueueUrl(r -> r.queueName(q)).queueUrl()} is {@code q}. An async client's call
 * gives a future whose {@code join()} or {@code get()} is the response.
 */
final class ClientResponses {

  private ClientResponses() {}

  /** The responses a call on a client can give, if its operation has derived members. */
  static Optional<List<Value>> clientCall(
      ValueEvaluator evaluator, JType receiver, MethodCallExpr call, Frame frame) {
    SdkTypes sdk = evaluator.analysis().sdk();
    Optional<SdkService> service = sdk.inventory().serviceByClient(receiver.name());
    if (service.isEmpty()) {
      return Optional.empty();
    }
    Optional<SdkOperation> operation = service.get().operationByMethod(call.getNameAsString());
    if (operation.isEmpty()) {
      return Optional.empty();
    }
    SdkOperation op = operation.get();
    List<DerivedMember> derived = sdk.responses().derived(service.get().serviceName(), op.name());
    if (derived.isEmpty()) {
      return Optional.empty();
    }
    String requestClass = RecognitionContext.requestClass(service.get(), op.request());
    String responseClass = service.get().modelPackage() + "." + op.name() + "Response";
    List<Value> responses = new ArrayList<>();
    for (Value request : requests(evaluator, call.getArguments(), requestClass, frame)) {
      responses.add(response(responseClass, request, derived, op));
    }
    responses = Values.dedupe(responses);
    boolean async =
        receiver.name().equals(service.get().packageName() + "." + service.get().asyncClient());
    return Optional.of(async ? List.of(new Value.Pending(responses)) : responses);
  }

  private static List<Value> requests(
      ValueEvaluator evaluator, List<Expression> args, String requestClass, Frame frame) {
    Value.Obj empty = Value.Obj.empty(requestClass);
    if (args.isEmpty()) {
      return List.of(empty);
    }
    if (args.get(0) instanceof LambdaExpr lambda) {
      return evaluator.applyLambda(lambda, List.of(empty), frame);
    }
    return evaluator.eval(args.get(0), frame);
  }

  private static Value response(
      String responseClass, Value request, List<DerivedMember> derived, SdkOperation op) {
    Value.Obj response = Value.Obj.empty(responseClass);
    for (DerivedMember member : derived) {
      response = response.with(member.getter(), derivedValue(request, member, op));
    }
    return response;
  }

  private static List<Value> derivedValue(Value request, DerivedMember member, SdkOperation op) {
    String what = member.getter() + " of the " + op.name() + " response";
    if (!(request instanceof Value.Obj obj)) {
      return List.of(Value.opaque(what + " to a request that is not known"));
    }
    for (String other : member.unlessSet()) {
      if (obj.props().containsKey(setter(op, other))) {
        return List.of(Value.opaque(what + " to a request that sets " + other));
      }
    }
    List<Value> values = obj.props().get(setter(op, member.from()));
    return values == null || values.isEmpty()
        ? List.of(Value.opaque(what + " to a request that does not set " + member.from()))
        : values;
  }

  private static String setter(SdkOperation op, String memberName) {
    return op.members().stream()
        .filter(m -> m.name().equals(memberName))
        .map(SdkMember::setter)
        .findFirst()
        .orElse(memberName);
  }
}
