package dev.minrole.cli;

import dev.minrole.analyzer.java.NearestNames;
import dev.minrole.analyzer.sdk.Sdk1Client;
import dev.minrole.analyzer.sdk.Sdk1Inventory;
import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import dev.minrole.engine.RequestException;
import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.mapping.ActionRule;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.mapping.OperationMapping;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code minrole catalog sdk}: the IAM actions an SDK call needs, and why. */
@Command(
    name = "sdk",
    mixinStandardHelpOptions = true,
    description = {
      "Print the IAM actions an AWS SDK for Java v2 call needs and the rule that says so: the",
      "default rule (the operation's own action), or a curated override with its AWS source.",
      "An SDK for Java 1.x client method (AmazonS3.getObject) is shown as the v2 operation it",
      "sends, with which argument of each overload sets which request member.",
      "",
      "Examples:",
      "  minrole catalog sdk S3Client.headObject",
      "  minrole catalog sdk DynamoDbClient.transactWriteItems",
      "  minrole catalog sdk BedrockRuntimeAsyncClient.converseStream",
      "  minrole catalog sdk AmazonS3.getObject",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:The call is known (even if it cannot be mapped; the output says why).",
      "1:Internal error (run again with --verbose for the stack trace).",
      "2:Unknown client or method (the message names the closest ones)."
    })
final class CatalogSdkCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(
      paramLabel = "CLIENT.METHOD",
      description = "A client method, e.g. S3Client.getObject or SqsAsyncClient.sendMessageBatch.")
  String call;

  @Override
  public Integer call() {
    int dot = call.lastIndexOf('.');
    if (dot <= 0 || dot == call.length() - 1) {
      throw new RequestException(
          "expected CLIENT.METHOD, e.g. S3Client.getObject, but got " + call);
    }
    String client = call.substring(0, dot);
    String method = call.substring(dot + 1);
    SdkInventory inventory = SdkInventory.bundled();
    Optional<Sdk1Client> legacy = Sdk1Inventory.bundled().clientBySimpleName(client);
    if (inventory.serviceByClientName(client).isEmpty() && legacy.isPresent()) {
      return describeSdk1(legacy.get(), method);
    }
    SdkService service =
        inventory
            .serviceByClientName(client)
            .orElseThrow(
                () ->
                    new RequestException(
                        "no SDK client "
                            + client
                            + " in AWS SDK "
                            + inventory.sdkVersion()
                            + NearestNames.closest(client, inventory.clientNames())));
    SdkOperation operation =
        service
            .operationByMethod(method)
            .orElseThrow(
                () ->
                    new RequestException(
                        client
                            + " has no method "
                            + method
                            + NearestNames.closest(method, methods(service))));
    describe(spec.commandLine().getOut(), client + "." + method, service, operation);
    return ExitCodes.OK;
  }

  /** A 1.x method: each overload, the operations it sends, then each operation as above. */
  private int describeSdk1(Sdk1Client client, String method) {
    Sdk1Inventory legacy = Sdk1Inventory.bundled();
    List<Sdk1Inventory.Method> overloads = legacy.methods(client, method);
    if (overloads.isEmpty()) {
      throw new RequestException(
          client.simpleName()
              + " (AWS SDK for Java "
              + legacy.sdkVersion()
              + ") has no method "
              + method);
    }
    PrintWriter out = spec.commandLine().getOut();
    Optional<SdkService> service = SdkInventory.bundled().serviceByClient(client.v2Client());
    java.util.Set<String> operations = new java.util.TreeSet<>();
    for (Sdk1Inventory.Method m : overloads) {
      String signature = method + "(" + String.join(", ", m.params()) + ")";
      String sends =
          switch (m.status()) {
            case "local" -> "sends no request";
            case "mapped" -> "sends " + String.join(", ", m.operations());
            default -> "sends requests minrole could not trace (SDK1_UNMAPPED_CALL)";
          };
      List<String> args = new ArrayList<>();
      for (int i = 0; i < m.args().size(); i++) {
        String arg = m.args().get(i);
        if (!arg.isEmpty()) {
          args.add("argument " + (i + 1) + " is " + (arg.equals("request") ? "the request" : arg));
        }
      }
      out.println(
          client.simpleName()
              + "."
              + signature
              + " (SDK 1.x) "
              + sends
              + (args.isEmpty() ? "" : "; " + String.join(", ", args)));
      if (m.isMapped()) {
        operations.addAll(m.operations());
      }
    }
    for (String name : operations) {
      Optional<SdkOperation> op = service.flatMap(s -> s.operation(name));
      if (op.isPresent()) {
        describe(out, client.simpleName() + "." + method, service.get(), op.get());
      } else {
        out.println(name + " is not an operation of the SDK v2 model; nothing is granted for it");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void describe(PrintWriter out, String call, SdkService service, SdkOperation op) {
    OperationMapper mapper = OperationMapper.bundled();
    String prefix = mapper.data().prefixFor(service.serviceName());
    out.println(
        call
            + " performs "
            + service.serviceName()
            + " "
            + op.name()
            + " ("
            + op.request()
            + "), IAM service "
            + prefix
            + (op.asyncOnly() ? "; only the async client has it" : ""));
    Optional<OperationMapping> override = mapper.override(service.serviceName(), op.name());
    if (override.isPresent()) {
      OperationMapping mapping = override.get();
      out.println("override " + mapping.key() + ": " + mapping.source());
      switch (mapping.kind()) {
        case PERMISSIONLESS -> out.println("  needs no IAM permission: " + mapping.note());
        case UNMAPPED -> out.println("  cannot be mapped: " + mapping.note());
        default -> {
          for (ActionRule rule : mapping.rules()) {
            out.println("  " + rule.describe());
          }
          if (!mapping.note().isBlank()) {
            out.println("  note: " + mapping.note());
          }
        }
      }
    } else {
      Optional<IamAction> action = mapper.catalog().action(prefix + ":" + op.name());
      if (action.isPresent()) {
        out.println("default rule: the operation's own action, from the IAM catalog");
        out.println(
            "  " + action.get().id() + " on " + CatalogActionCommand.resources(action.get()));
      } else {
        out.println(
            "not mapped: "
                + prefix
                + ":"
                + op.name()
                + " is not an IAM action and no override covers it");
      }
    }
    out.flush();
  }

  private static List<String> methods(SdkService service) {
    List<String> names = new ArrayList<>();
    for (SdkOperation op : service.operations()) {
      names.add(op.method());
      names.addAll(op.aliases());
      names.addAll(op.paginators());
    }
    return names;
  }
}
