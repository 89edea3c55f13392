package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Advice follows evidence, end to end: an orders API whose template role grants {@code
 * DynamoDBCrudPolicy} on the table the order store really uses, and {@code SQSSendMessagePolicy} on
 * the events queue. In each {@link Cause} minrole cannot see the store's DynamoDB calls; the
 * function is then incomplete, no output calls the CRUD grants excess or advises replacing the
 * role, {@code diff} and {@code tighten} exit 6, and tighten keeps the grants. With the store in
 * the sources, the same app is complete and its unused CRUD actions are excess again (exit 4).
 */
class IncompleteFunctionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Why minrole cannot see the store's code. */
  enum Cause {
    /** The store is loaded with {@code Class.forName} from a jar not in the sources. */
    REFLECTIVE_CALL,
    /** The template names a handler class that is not in the sources (it was renamed). */
    HANDLER_NOT_FOUND,
    /** The store's client is untyped and its {@code query} may be DynamoDB's or Timestream's. */
    UNRESOLVED_RECEIVER
  }

  private static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Resources:
        OrdersTable:
          Type: AWS::DynamoDB::Table
          Properties:
            TableName: orders
        OrderEventsQueue:
          Type: AWS::SQS::Queue
          Properties:
            QueueName: order-events
        OrderFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: orders-api
            Runtime: java21
            CodeUri: .
            Handler: %s::handleRequest
            Environment:
              Variables:
                ORDER_STORE_CLASS: com.acme.orders.store.DynamoOrderStore
                ORDERS_TABLE: !Ref OrdersTable
                ORDER_EVENTS_QUEUE_URL: !Ref OrderEventsQueue
            Policies:
              - DynamoDBCrudPolicy:
                  TableName: !Ref OrdersTable
      %s
      """;

  private static final String SEND_POLICY =
      """
              - SQSSendMessagePolicy:
                  QueueName: !GetAtt OrderEventsQueue.QueueName
      """;

  private static final String HANDLER =
      """
      package com.acme.orders;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import java.util.Map;
      import software.amazon.awssdk.services.sqs.SqsClient;

      public class OrderHandler implements RequestHandler<Map<String, String>, String> {
        private final OrderService orders =
            new OrderService(
                OrderStores.fromEnvironment(),
                new OrderEvents(SqsClient.create(), System.getenv("ORDER_EVENTS_QUEUE_URL")));

        @Override
        public String handleRequest(Map<String, String> request, Context context) {
          return orders.place(request.get("customerId"), request.get("sku"));
        }
      }
      """;

  private static final String SERVICE =
      """
      package com.acme.orders;

      import java.util.UUID;

      final class OrderService {
        private final OrderStore store;
        private final OrderEvents events;

        OrderService(OrderStore store, OrderEvents events) {
          this.store = store;
          this.events = events;
        }

        String place(String customerId, String sku) {
          String id = UUID.randomUUID().toString();
          if (store.exists(id)) {
            throw new IllegalStateException("duplicate order " + id);
          }
          store.save(id, customerId, sku);
          events.placed(id);
          return id;
        }
      }
      """;

  private static final String STORE =
      """
      package com.acme.orders;

      public interface OrderStore {
        boolean exists(String orderId);

        void save(String orderId, String customerId, String sku);
      }
      """;

  private static final String EVENTS =
      """
      package com.acme.orders;

      import software.amazon.awssdk.services.sqs.SqsClient;

      final class OrderEvents {
        private final SqsClient sqs;
        private final String queueUrl;

        OrderEvents(SqsClient sqs, String queueUrl) {
          this.sqs = sqs;
          this.queueUrl = queueUrl;
        }

        void placed(String orderId) {
          sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(orderId));
        }
      }
      """;

  /** Loads the store named in the environment: its class is in a jar, not in the sources. */
  private static final String REFLECTIVE_STORES =
      """
      package com.acme.orders;

      final class OrderStores {
        private OrderStores() {}

        static OrderStore fromEnvironment() {
          try {
            return Class.forName(System.getenv("ORDER_STORE_CLASS"))
                .asSubclass(OrderStore.class)
                .getDeclaredConstructor()
                .newInstance();
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      """;

  /** The store in the sources, with a typed DynamoDB client: everything is visible. */
  private static final String TYPED_STORES =
      """
      package com.acme.orders;

      import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

      final class OrderStores {
        private OrderStores() {}

        static OrderStore fromEnvironment() {
          return new DynamoOrderStore(DynamoDbClient.create(), System.getenv("ORDERS_TABLE"));
        }
      }
      """;

  private static final String TYPED_STORE =
      """
      package com.acme.orders;

      import java.util.Map;
      import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
      import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

      final class DynamoOrderStore implements OrderStore {
        private final DynamoDbClient dynamo;
        private final String table;

        DynamoOrderStore(DynamoDbClient dynamo, String table) {
          this.dynamo = dynamo;
          this.table = table;
        }

        @Override
        public boolean exists(String orderId) {
          return dynamo
              .getItem(r -> r.tableName(table).key(Map.of("orderId", AttributeValue.fromS(orderId))))
              .hasItem();
        }

        @Override
        public void save(String orderId, String customerId, String sku) {
          dynamo.putItem(
              r -> r.tableName(table)
                  .item(
                      Map.of(
                          "orderId", AttributeValue.fromS(orderId),
                          "customerId", AttributeValue.fromS(customerId),
                          "sku", AttributeValue.fromS(sku))));
        }
      }
      """;

  /** The store's client comes untyped from the platform jar; query may be either service's. */
  private static final String PLATFORM_STORES =
      """
      package com.acme.orders;

      final class OrderStores {
        private OrderStores() {}

        static OrderStore fromEnvironment() {
          return new PlatformOrderStore(System.getenv("ORDERS_TABLE"));
        }
      }
      """;

  private static final String PLATFORM_STORE =
      """
      package com.acme.orders;

      import com.acme.platform.aws.PlatformClients;
      import java.util.Map;
      import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
      import software.amazon.awssdk.services.timestreamquery.model.Row;

      /** Orders in DynamoDB; order metrics (Row) come from Timestream through the same handle. */
      final class PlatformOrderStore implements OrderStore {
        private final String table;

        PlatformOrderStore(String table) {
          this.table = table;
        }

        @Override
        public boolean exists(String orderId) {
          var client = PlatformClients.orders();
          return client
              .query(
                  r -> r.tableName(table)
                      .keyConditionExpression("orderId = :id")
                      .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(orderId))))
              .count() > 0;
        }

        @Override
        public void save(String orderId, String customerId, String sku) {
          var client = PlatformClients.orders();
          client.save(table, orderId, customerId, sku);
        }

        static String metric(Row row) {
          return row.toString();
        }
      }
      """;

  /** Writes the app with the store code of {@code cause} (null: the complete app). */
  private void app(Cause cause, boolean sendPolicy) throws IOException {
    String handler =
        cause == Cause.HANDLER_NOT_FOUND
            ? "com.acme.orders.OrdersApiHandler"
            : "com.acme.orders.OrderHandler";
    write("template.yaml", TEMPLATE.formatted(handler, sendPolicy ? SEND_POLICY : ""));
    String base = "src/main/java/com/acme/orders/";
    write(base + "OrderHandler.java", HANDLER);
    write(base + "OrderService.java", SERVICE);
    write(base + "OrderStore.java", STORE);
    write(base + "OrderEvents.java", EVENTS);
    if (cause == Cause.REFLECTIVE_CALL) {
      write(base + "OrderStores.java", REFLECTIVE_STORES);
    } else if (cause == Cause.UNRESOLVED_RECEIVER) {
      write(base + "OrderStores.java", PLATFORM_STORES);
      write(base + "PlatformOrderStore.java", PLATFORM_STORE);
    } else {
      write(base + "OrderStores.java", TYPED_STORES);
      write(base + "DynamoOrderStore.java", TYPED_STORE);
    }
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private Cli run(String command, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                dir.toString(),
                "--region",
                "eu-west-1",
                "--account",
                "123456789012",
                "--color",
                "never"));
    if (!command.equals("diff")) {
      args.remove("--color");
      args.remove("never");
    }
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @EnumSource(Cause.class)
  void report_ofAnIncompleteFunction_isNotComplete_andGivesNoAdviceToReplaceTheRole(Cause cause)
      throws IOException {
    app(cause, true);

    Cli cli = run("generate", "--format", "report");

    JsonNode function = JSON.readTree(cli.out()).path("functions").get(0);
    assertThat(function.path("complete").asBoolean(true)).isFalse();
    List<JsonNode> findings = new ArrayList<>();
    function.path("findings").forEach(findings::add);
    assertThat(findings)
        .filteredOn(f -> f.path("hidesCode").asBoolean())
        .extracting(f -> f.path("id").asText())
        .containsExactly(cause.name());
    JsonNode overGrant =
        findings.stream()
            .filter(f -> f.path("id").asText().equals("OVER_GRANT"))
            .findFirst()
            .orElseThrow();
    assertThat(overGrant.path("message").asText())
        .contains("that the code minrole saw does not use")
        .contains("(" + cause.name() + " at ")
        .endsWith("keep them until those findings are resolved")
        .doesNotContain("Replace");
    assertThat(cli.out())
        .doesNotContain("Replace the role's policies")
        .doesNotContain("generated policy instead")
        .doesNotContain("the function does not need");
  }

  @ParameterizedTest
  @EnumSource(Cause.class)
  void diff_ofAnIncompleteFunction_listsTheCrudGrantsAsUnverified_inEveryFormat_andExitsSix(
      Cause cause) throws IOException {
    app(cause, true);
    String because = "minrole could not see all the code the function runs (" + cause.name();

    Cli text = run("diff");
    assertThat(text.exitCode()).as(text.err()).isEqualTo(6);
    assertThat(text.out())
        .contains("OrderFunction: 0 missing, 0 broader, 0 excess, ")
        .contains("  incomplete: " + because)
        .containsPattern("unverified +dynamodb:DeleteItem on arn:aws:dynamodb:eu-west-1:")
        .doesNotContainPattern("(?m)^  (excess|broader) ");

    Cli markdown = run("diff", "--format", "markdown");
    assertThat(markdown.exitCode()).isEqualTo(6);
    assertThat(markdown.out())
        .contains("| Function | Missing | Broader | Excess | Unverified | Matched |")
        .contains("**Incomplete:** " + because)
        .contains("#### Unverified")
        .contains("`dynamodb:DeleteItem`")
        .doesNotContain("#### Excess")
        .doesNotContain("#### Broader");

    Cli json = run("diff", "--format", "json");
    assertThat(json.exitCode()).isEqualTo(6);
    JsonNode root = JSON.readTree(json.out());
    JsonNode function = root.path("functions").get(0);
    assertThat(root.path("complete").asBoolean(true)).isFalse();
    assertThat(function.path("complete").asBoolean(true)).isFalse();
    assertThat(function.path("excess").size() + function.path("broader").size()).isZero();
    List<String> unverified = new ArrayList<>();
    function.path("unverified").forEach(u -> unverified.add(u.path("summary").asText()));
    assertThat(unverified).contains("dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
    function
        .path("unverified")
        .forEach(u -> assertThat(u.path("reason").asText()).startsWith(because));

    Cli sarif = run("diff", "--format", "sarif");
    assertThat(sarif.exitCode()).isEqualTo(6);
    JsonNode parsed = JSON.readTree(sarif.out());
    SarifChecks.check(parsed);
    List<JsonNode> results = new ArrayList<>();
    parsed.path("runs").get(0).path("results").forEach(results::add);
    assertThat(results)
        .extracting(r -> r.path("ruleId").asText())
        .isNotEmpty()
        .containsOnly("UNVERIFIED_PERMISSION");
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.path("level").asText()).isEqualTo("note");
              assertThat(r.path("message").path("text").asText())
                  .contains(because)
                  .endsWith("Keep it until those findings are resolved.");
            });
  }

  @ParameterizedTest(name = "{0} --fail-on {1} -> {2}")
  @CsvSource({
    "true, any, 6",
    "true, missing, 6",
    "true, excess, 6",
    "true, none, 0",
    "false, any, 3",
    "false, missing, 3",
    "false, excess, 6",
    "false, none, 0"
  })
  void diff_ofAnIncompleteFunction_exitCode_missingFirst_thenIncomplete(
      boolean sendPolicy, String failOn, int expected) throws IOException {
    app(Cause.REFLECTIVE_CALL, sendPolicy);

    Cli cli = run("diff", "--fail-on", failOn);

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Cause.class)
  void tighten_ofAnIncompleteFunction_takesTheTemplateRole_keepsTheCrudGrants_andExitsSix(
      Cause cause) throws IOException {
    app(cause, true);

    Cli cli = run("tighten");

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(6);
    assertThat(cli.out()).contains("dynamodb:DeleteItem").contains("dynamodb:BatchWriteItem");
    assertThat(cli.err())
        .contains("minrole: tighten OrderFunction: kept ")
        .contains("minrole:   incomplete: minrole could not see all the code the function runs (")
        .containsPattern(
            "minrole:   kept     dynamodb:DeleteItem on arn:aws:dynamodb:[^ ]+: unverified")
        .doesNotContain("removed ")
        .doesNotContain("narrowed ");

    Cli report = run("tighten", "--format", "report");
    JsonNode function = JSON.readTree(report.out()).path("functions").get(0);
    assertThat(function.path("complete").asBoolean(true)).isFalse();
    assertThat(report.out()).contains("UNVERIFIED_GRANTS_KEPT");
  }

  @Test
  void completeFunction_stillGetsExcessAndAdvice_diffExitsFour_andTightenRemovesTheRest()
      throws IOException {
    app(null, true);

    Cli report = run("generate", "--format", "report");
    JsonNode function = JSON.readTree(report.out()).path("functions").get(0);
    assertThat(function.path("complete").asBoolean(false)).isTrue();
    assertThat(report.out())
        .contains("the function does not need")
        .contains("Replace the role's policies with the generated policy");

    Cli diff = run("diff");
    assertThat(diff.exitCode()).as(diff.err()).isEqualTo(4);
    assertThat(diff.out())
        .containsPattern("excess +dynamodb:DeleteItem on arn:aws:dynamodb:eu-west-1:")
        .containsPattern("matched +dynamodb:GetItem")
        .containsPattern("matched +dynamodb:PutItem")
        .doesNotContain("unverified")
        .doesNotContain("incomplete");

    Cli tighten = run("tighten");
    assertThat(tighten.exitCode()).as(tighten.err()).isZero();
    assertThat(tighten.out())
        .contains("dynamodb:GetItem")
        .contains("dynamodb:PutItem")
        .doesNotContain("dynamodb:DeleteItem");
    assertThat(tighten.err()).contains("removed  dynamodb:DeleteItem");
  }

  @Test
  void tighten_withoutATemplateOrACurrentPolicy_saysWhatToGive() throws IOException {
    app(null, true);
    Files.delete(dir.resolve("template.yaml"));

    Cli cli =
        Cli.run(
            "tighten", dir.resolve("src").toString(), "--handler", "com.acme.orders.OrderHandler");

    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err())
        .contains("--current FILE, --role NAME_OR_ARN or --function NAME")
        .contains("a template that declares the function's role");
  }
}
