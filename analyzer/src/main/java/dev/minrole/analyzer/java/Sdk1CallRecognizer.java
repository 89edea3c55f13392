package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.sdk.Sdk1Client;
import dev.minrole.analyzer.sdk.Sdk1Inventory;
import dev.minrole.analyzer.sdk.Sdk1Libraries;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A call on an AWS SDK for Java 1.x client ({@code s3.getObject(bucket, key)}, {@code
 * dynamo.putItem(request)}, {@code sqsAsync.sendMessageAsync(url, body)}) or on a 1.x high-level
 * API ({@code TransferManager.upload}, {@code AmazonS3.generatePresignedUrl}, the buffered SQS
 * client, the Document API, {@code DynamoDBMapper}). The 1.x inventory says which operations the
 * method sends and which request property each argument sets; the call becomes the SDK v2 operation
 * with the v2 member names, and its detail names the generation: {@code AmazonS3.getObject (SDK
 * 1.x)}.
 */
final class Sdk1CallRecognizer implements CallRecognizer {
  static final String GENERATION = " (SDK 1.x)";

  /** A 1.x client interface or class: {@code com.amazonaws.services.<service>.Amazon*|AWS*}. */
  private static final Pattern CLIENT_NAME =
      Pattern.compile(
          "com\\.amazonaws\\.services\\.[a-z0-9]+\\.(Amazon|AWS)[A-Za-z0-9]*"
              + "(?<!Builder|Exception|URI|Utils|Configuration|Options|Constants)");

  private static final Set<String> NOT_OPERATIONS =
      Set.of("toString", "hashCode", "equals", "getClass");

  @Override
  public List<Recognized> recognize(
      MethodCallExpr call,
      Expression scope,
      JType receiver,
      CodeUnit unit,
      RecognitionContext context) {
    if (receiver.staticRef() || !receiver.name().startsWith(Sdk1Types.PREFIX)) {
      return List.of();
    }
    Sdk1Types sdk1 = context.analysis().sdk().sdk1();
    String name = call.getNameAsString();
    Optional<Sdk1Libraries.Type> library = sdk1.libraries().type(receiver.name());
    Optional<Sdk1Client> client = sdk1.inventory().client(receiver.name());
    if (library.isEmpty() && client.isPresent()) {
      library = sdk1.libraries().type(client.get().type());
    }
    String receiverName = receiver.simpleName();
    if (library.isEmpty() && client.isPresent()) {
      library = wrapper(client.get(), scope, unit, context);
      if (library.isPresent()) {
        receiverName = library.get().simpleName();
      }
    }
    if (library.isPresent()) {
      Optional<Sdk1Libraries.Method> method = library.get().method(name);
      if (method.isPresent()) {
        if (method.get().handle().isPresent()) {
          return List.of();
        }
        return new Sdk1LibraryCalls(context, unit, call, scope, receiverName)
            .recognize(library.get(), method.get());
      }
      if (library.get().local().contains(name) || NOT_OPERATIONS.contains(name)) {
        return List.of();
      }
      if (client.isEmpty() && library.get().extendsClient().isEmpty()) {
        context.report(
            unmapped(
                receiver.simpleName()
                    + "."
                    + name
                    + " is a method of an AWS SDK for Java 1.x"
                    + " high-level API that minrole does not model; the AWS calls it makes are not in"
                    + " the policy: add their permissions by hand",
                call,
                context));
        return List.of();
      }
      if (client.isEmpty()) {
        client = sdk1.inventory().client(library.get().extendsClient());
      }
    }
    if (client.isEmpty()) {
      if (CLIENT_NAME.matcher(receiver.name()).matches()
          && sdk1.inventory().builtBy(receiver.name()).isEmpty()
          && !sdk1.inventory().isModelClass(receiver.name())) {
        context.report(
            unmapped(
                receiver.simpleName()
                    + "."
                    + name
                    + " is a call on an AWS SDK for Java 1.x client"
                    + " that is not in minrole's 1.x inventory; its permissions are not in the"
                    + " policy: add them by hand, or move the call to the SDK v2",
                call,
                context));
      }
      return List.of();
    }
    return clientCall(client.get(), receiverName, call, unit, context);
  }

  /**
   * A library class that implements a client interface ({@code AmazonSQSAsync sqs = new
   * AmazonSQSBufferedAsyncClient(plain)}): the client the receiver's value was created as.
   */
  private static Optional<Sdk1Libraries.Type> wrapper(
      Sdk1Client client, Expression scope, CodeUnit unit, RecognitionContext context) {
    Sdk1Types sdk1 = context.analysis().sdk().sdk1();
    for (Sdk1Libraries.Type type : sdk1.libraries().extending()) {
      if (!isOrExtends(sdk1.inventory(), type.extendsClient(), client.type(), 0)) {
        continue;
      }
      for (Value v : context.evaluator().evaluateInContexts(scope, unit)) {
        if (v instanceof Value.Obj obj && obj.type().equals(type.fqn())) {
          return Optional.of(type);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isOrExtends(
      Sdk1Inventory inventory, String type, String ancestor, int depth) {
    if (type.equals(ancestor)) {
      return true;
    }
    Optional<Sdk1Client> client = inventory.client(type);
    return depth < 4
        && client.isPresent()
        && client.get().parents().stream()
            .anyMatch(p -> isOrExtends(inventory, p, ancestor, depth + 1));
  }

  private static List<Recognized> clientCall(
      Sdk1Client client,
      String receiverName,
      MethodCallExpr call,
      CodeUnit unit,
      RecognitionContext context) {
    Sdk1Inventory inventory = context.analysis().sdk().sdk1().inventory();
    String name = call.getNameAsString();
    String detail = receiverName + "." + name + GENERATION;
    Optional<Sdk1Inventory.Method> method = select(inventory.methods(client, name), call, context);
    if (method.isEmpty()) {
      if (!NOT_OPERATIONS.contains(name)) {
        context.report(
            Finding.warning(
                "UNKNOWN_SDK_METHOD",
                receiverName
                    + "."
                    + name
                    + " with "
                    + call.getArguments().size()
                    + " argument(s) is not a method of "
                    + client.simpleName()
                    + " in the SDK 1.x inventory (AWS SDK for Java "
                    + inventory.sdkVersion()
                    + "); check the SDK version or report it",
                context.location(call)));
      }
      return List.of();
    }
    if (method.get().isLocal()) {
      return List.of();
    }
    if (!method.get().isMapped()) {
      context.report(
          unmapped(
              detail
                  + " sends requests minrole could not trace in the SDK's source; its"
                  + " permissions are not in the policy: add them by hand",
              call,
              context));
      return List.of();
    }
    Optional<SdkService> service = v2Service(client, call, context);
    if (service.isEmpty()) {
      return List.of();
    }
    Sdk1LibraryCalls calls =
        new Sdk1LibraryCalls(context, unit, call, call.getScope().orElseThrow(), receiverName);
    List<Value> requests = calls.assemble(method.get().args());
    List<Recognized> out = new ArrayList<>();
    for (String operation : method.get().operations()) {
      calls
          .recognized(service.get(), operation, requests, java.util.Map.of(), detail)
          .ifPresent(out::add);
    }
    return out;
  }

  /** The SDK v2 service the 1.x client's operations belong to. */
  static Optional<SdkService> v2Service(
      Sdk1Client client, MethodCallExpr call, RecognitionContext context) {
    Optional<SdkService> service = v2Of(client, context, 0);
    if (service.isEmpty()) {
      context.report(
          unmapped(
              client.simpleName()
                  + "."
                  + call.getNameAsString()
                  + " (SDK 1.x) talks to a service"
                  + " minrole has no SDK v2 model of; its permissions are not in the policy: add"
                  + " them by hand",
              call,
              context));
    }
    return service;
  }

  /**
   * The client's v2 service, or that of a client interface it extends: {@code AmazonS3Encryption}
   * has no operations of its own and sends those of {@code AmazonS3}.
   */
  private static Optional<SdkService> v2Of(
      Sdk1Client client, RecognitionContext context, int depth) {
    if (!client.v2Client().isEmpty()) {
      return context.analysis().sdk().inventory().serviceByClient(client.v2Client());
    }
    Sdk1Inventory inventory = context.analysis().sdk().sdk1().inventory();
    for (String parent : client.parents()) {
      Optional<SdkService> found =
          depth > 4
              ? Optional.empty()
              : inventory.client(parent).flatMap(p -> v2Of(p, context, depth + 1));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The overload a call runs: same argument count, then the best fit of argument types. */
  static Optional<Sdk1Inventory.Method> select(
      List<Sdk1Inventory.Method> candidates, MethodCallExpr call, RecognitionContext context) {
    Sdk1Inventory.Method best = null;
    int bestScore = -1;
    for (Sdk1Inventory.Method m : candidates) {
      if (m.params().size() != call.getArguments().size()) {
        continue;
      }
      int score = 0;
      for (int i = 0; i < m.params().size(); i++) {
        String argType = context.typeOf(call.getArgument(i)).simpleName();
        if (argType.equals(m.params().get(i))
            || argType.endsWith("." + m.params().get(i))
            || (argType.equals("int") && m.params().get(i).equals("Integer"))) {
          score++;
        }
      }
      if (score > bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  static Finding unmapped(String message, MethodCallExpr call, RecognitionContext context) {
    return Finding.warning("SDK1_UNMAPPED_CALL", message, context.location(call));
  }

  /** The v2 operation, or a finding when the v2 service lacks it (a bug in the derived data). */
  static Optional<SdkOperation> operation(
      SdkService service,
      String name,
      String detail,
      MethodCallExpr call,
      RecognitionContext context) {
    Optional<SdkOperation> op = service.operation(name);
    if (op.isEmpty()) {
      context.report(
          Finding.warning(
              "UNMAPPED_OPERATION",
              detail
                  + " sends "
                  + name
                  + ", which the SDK v2 model of "
                  + service.syncClient()
                  + " does not have; nothing is granted for it: add its permission by hand",
              context.location(call)));
    }
    return op;
  }
}
