package dev.minrole.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minrole.generator.diff.PolicyInputException;
import dev.minrole.testkit.FakeAwsServer;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Finds a function's role through the real Lambda client against a local REST-JSON server. */
class FunctionRoleTest {
  @BeforeAll
  static void fakeCredentials() {
    FakeCredentials.install();
  }

  @Test
  void of_readsTheRoleFromGetFunctionConfiguration() throws Exception {
    try (FakeAwsServer server =
            FakeAwsServer.start()
                .onRest(
                    "GET",
                    "/2015-03-31/functions/orders/configuration",
                    r ->
                        FakeAwsServer.Response.restJson(
                            "{\"FunctionName\": \"orders\", \"FunctionArn\": \"arn:aws:lambda:eu-west-1:123456789012:function:orders\","
                                + " \"Runtime\": \"java21\", \"Handler\": \"com.example.orders.OrderHandler::handleRequest\","
                                + " \"Role\": \"arn:aws:iam::123456789012:role/service-role/orders-fn\"}"));
        LambdaClient lambda =
            new AwsClients(
                    Optional.empty(), Optional.of("eu-west-1"), Optional.of(server.endpoint()))
                .lambda()) {
      assertThat(FunctionRole.of(lambda, "orders"))
          .isEqualTo("arn:aws:iam::123456789012:role/service-role/orders-fn");
      assertThat(LiveRole.nameOf(FunctionRole.of(lambda, "orders"))).isEqualTo("orders-fn");
    }
  }

  @Test
  void of_whenFunctionIsUnknown_saysWhichCallFailed() {
    try (FakeAwsServer server =
            FakeAwsServer.start()
                .onRest(
                    "GET",
                    "/2015-03-31/functions/nope/configuration",
                    r ->
                        FakeAwsServer.Response.error(
                            404,
                            "application/json",
                            "{\"Type\": \"User\", \"message\": \"Function not found: arn:aws:lambda:eu-west-1:"
                                + "123456789012:function:nope\"}"));
        LambdaClient lambda =
            new AwsClients(
                    Optional.empty(), Optional.of("eu-west-1"), Optional.of(server.endpoint()))
                .lambda()) {
      assertThatThrownBy(() -> FunctionRole.of(lambda, "nope"))
          .isInstanceOf(PolicyInputException.class)
          .hasMessageStartingWith("Lambda GetFunctionConfiguration for function nope failed: ")
          .hasMessageContaining("Function not found");
    }
  }
}
