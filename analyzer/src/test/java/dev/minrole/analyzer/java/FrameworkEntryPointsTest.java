package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.minrole.analyzer.entry.FunctionContext;
import dev.minrole.analyzer.entry.Setting;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Handlers that are a framework's class, or extend one: the framework's entry-point model says
 * which user code runs, and the function's environment and configuration files choose it.
 */
class FrameworkEntryPointsTest {
  private static final String INVOKER =
      "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

  /** Two function beans, each calling a different service. */
  private static final String FUNCTIONS =
      """
      package app;

      import java.util.function.Consumer;
      import java.util.function.Function;
      import org.springframework.context.annotation.Bean;
      import org.springframework.context.annotation.Configuration;
      import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
      import software.amazon.awssdk.services.sqs.SqsClient;

      @Configuration
      public class Functions {
        private final DynamoDbClient dynamo = DynamoDbClient.create();
        private final SqsClient sqs = SqsClient.create();

        @Bean
        public Function<String, String> placeOrder() {
          return id -> {
            // SDK: dynamodb.PutItem TableName=orders
            dynamo.putItem(r -> r.tableName("orders"));
            return id;
          };
        }

        @Bean
        public Consumer<String> cancelOrder() {
          return id ->
              // SDK: sqs.SendMessage QueueUrl=cancellations
              sqs.sendMessage(r -> r.queueUrl("cancellations"));
        }
      }
      """;

  @Test
  void springCloudFunction_definitionInEnvironment_runsOnlyThatBean() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler(INVOKER)
            .env("SPRING_CLOUD_FUNCTION_DEFINITION", "placeOrder")
            .file(
                "app/Functions.java",
                FUNCTIONS.replace("// SDK: sqs.SendMessage QueueUrl=cancellations", ""))
            .check();
    assertThat(analysis.findings())
        .extracting(Finding::id, Finding::message)
        .containsExactly(
            tuple(
                "FRAMEWORK_ENTRY_SELECTED",
                "FunctionInvoker runs the function bean app.Functions::placeOrder, chosen by"
                    + " SPRING_CLOUD_FUNCTION_DEFINITION=placeOrder"));
  }

  @Test
  void springCloudFunction_compositionInApplicationProperties_runsEachPart() {
    AnalyzerHarness.handler(INVOKER)
        .file("src/main/java/app/Functions.java", FUNCTIONS)
        .file(
            "src/main/resources/application.properties",
            """
            # the order function, then the cancellation
            # FINDING: FRAMEWORK_ENTRY_SELECTED
            spring.cloud.function.definition=placeOrder|cancelOrder
            """)
        .check();
  }

  @Test
  void springCloudFunction_environmentOverridesTheProperties() {
    AnalyzerHarness.handler(INVOKER)
        .env("spring_cloud_function_definition", "cancelOrder")
        .file(
            "src/main/java/app/Functions.java",
            FUNCTIONS.replace("// SDK: dynamodb.PutItem TableName=orders", ""))
        .file(
            "src/main/resources/application.yml",
            """
            spring:
              cloud:
                function:
                  definition: placeOrder
            """)
        .check();
  }

  @Test
  void springCloudFunction_severalBeansAndNoDefinition_allRunAndTheFindingSaysWhichSetting() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler(INVOKER).file("app/Functions.java", FUNCTIONS).check();
    Finding finding = only(analysis, "FRAMEWORK_ENTRY_UNKNOWN");
    assertThat(finding.message())
        .contains("runs one of 2 function beans")
        .contains("Set spring.cloud.function.definition");
    assertThat(finding.hidesCode()).as("every candidate is included").isFalse();
  }

  @Test
  void springCloudFunction_definitionNamesNoBean_allRun() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler(INVOKER)
            .env("SPRING_CLOUD_FUNCTION_DEFINITION", "functionRouter")
            .file("app/Functions.java", FUNCTIONS)
            .check();
    assertThat(only(analysis, "FRAMEWORK_ENTRY_UNKNOWN").message())
        .startsWith("SPRING_CLOUD_FUNCTION_DEFINITION=functionRouter names functionRouter");
  }

  @Test
  void springCloudFunction_componentImplementingFunction_isTheOnlyBeanAndGetsItsServices() {
    AnalyzerHarness.handler(INVOKER)
        .file(
            "app/Shipping.java",
            """
            package app;

            import java.util.function.Function;
            import org.springframework.stereotype.Component;

            // FINDING: FRAMEWORK_ENTRY_SELECTED
            @Component
            public class Shipping implements Function<String, String> {
              private final Labels labels;

              public Shipping(Labels labels) {
                this.labels = labels;
              }

              @Override
              public String apply(String id) {
                return labels.print(id);
              }
            }
            """)
        .file(
            "app/Labels.java",
            """
            package app;

            import org.springframework.stereotype.Service;
            import software.amazon.awssdk.services.s3.S3Client;

            @Service
            public class Labels {
              private final S3Client s3 = S3Client.create();

              String print(String id) {
                // SDK: s3.PutObject Bucket=labels
                s3.putObject(r -> r.bucket("labels").key(id), null);
                return id;
              }
            }
            """)
        .check();
  }

  @Test
  void frameworkHandler_noUserCode_findingHidesCode() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler(INVOKER)
            .file("app/Util.java", "package app;\npublic class Util {}\n")
            .analyze();
    Finding finding = only(analysis, "FRAMEWORK_ENTRY_UNKNOWN");
    assertThat(finding.hidesCode()).isTrue();
    assertThat(finding.message())
        .contains("no function bean is in the sources")
        .contains("set spring.cloud.function.definition");
  }

  @Test
  void containerHandler_userHandlerStartsSpringBoot_runsTheApplicationsControllers() {
    AnalyzerHarness.handler("app.StreamLambdaHandler")
        .file(
            "app/StreamLambdaHandler.java",
            """
            package app;

            import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
            import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
            import com.amazonaws.serverless.proxy.spring.SpringBootLambdaContainerHandler;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
            import java.io.InputStream;
            import java.io.OutputStream;

            public class StreamLambdaHandler implements RequestStreamHandler {
              private static final SpringBootLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse>
                  HANDLER = create();

              private static SpringBootLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse>
                  create() {
                try {
                  // FINDING: FRAMEWORK_ENTRY_SELECTED
                  return SpringBootLambdaContainerHandler.getAwsProxyHandler(Application.class);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }

              @Override
              public void handleRequest(InputStream in, OutputStream out, Context context) {
                HANDLER.proxyStream(in, out, context);
              }
            }
            """)
        .file(
            "app/Application.java",
            """
            package app;

            @org.springframework.boot.autoconfigure.SpringBootApplication
            public class Application {}
            """)
        .file(
            "app/PetsController.java",
            """
            package app;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PathVariable;
            import org.springframework.web.bind.annotation.RestController;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            @RestController
            public class PetsController {
              private final DynamoDbClient dynamo;

              public PetsController(DynamoDbClient dynamo) {
                this.dynamo = dynamo;
              }

              @GetMapping("/pets/{id}")
              public String pet(@PathVariable String id) {
                // SDK: dynamodb.GetItem TableName=pets
                dynamo.getItem(r -> r.tableName("pets"));
                return id;
              }

              String unmapped() {
                dynamo.deleteTable(r -> r.tableName("pets"));
                return "";
              }
            }
            """)
        .file(
            "other/AdminController.java",
            """
            package other;

            import org.springframework.web.bind.annotation.DeleteMapping;
            import org.springframework.web.bind.annotation.RestController;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            /** In a package the application does not scan. */
            @RestController
            public class AdminController {
              @DeleteMapping("/pets")
              public void purge() {
                DynamoDbClient.create().deleteTable(r -> r.tableName("pets"));
              }
            }
            """)
        .check();
  }

  @Test
  void micronautRequestHandler_handlerStringWithoutMethod_runsExecute() {
    AnalyzerHarness.handler("app.BookingFunction")
        .file(
            "app/BookingFunction.java",
            """
            package app;

            import io.micronaut.function.aws.MicronautRequestHandler;
            import jakarta.inject.Inject;

            public class BookingFunction extends MicronautRequestHandler<String, String> {
              @Inject Bookings bookings;

              @Override
              public String execute(String input) {
                return bookings.book(input);
              }
            }
            """)
        .file(
            "app/Bookings.java",
            """
            package app;

            import jakarta.inject.Singleton;
            import software.amazon.awssdk.services.sqs.SqsClient;

            @Singleton
            public class Bookings {
              String book(String id) {
                // SDK: sqs.SendMessage QueueUrl=bookings
                SqsClient.create().sendMessage(r -> r.queueUrl("bookings"));
                return id;
              }
            }
            """)
        .check();
  }

  @Test
  void micronautStreamHandler_noProperty_functionNameChoosesTheBean() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("io.micronaut.function.aws.MicronautRequestStreamHandler")
            .context(
                new FunctionContext(
                    SourceLocation.of("template.yaml", 9), Optional.of("audit"), Map.of()))
            .file(
                "app/Audit.java",
                """
                package app;

                import io.micronaut.function.FunctionBean;
                import java.util.function.Consumer;
                import software.amazon.awssdk.services.sns.SnsClient;

                @FunctionBean("audit")
                public class Audit implements Consumer<String> {
                  @Override
                  public void accept(String event) {
                    // SDK: sns.Publish TopicArn=audit
                    SnsClient.create().publish(r -> r.topicArn("audit"));
                  }
                }
                """)
            .file(
                "app/Report.java",
                """
                package app;

                import io.micronaut.function.FunctionBean;
                import java.util.function.Supplier;
                import software.amazon.awssdk.services.s3.S3Client;

                @FunctionBean("report")
                public class Report implements Supplier<String> {
                  @Override
                  public String get() {
                    S3Client.create().deleteBucket(r -> r.bucket("reports"));
                    return "";
                  }
                }
                """)
            .check();
    assertThat(only(analysis, "FRAMEWORK_ENTRY_SELECTED").location())
        .hasToString("template.yaml:9");
  }

  @Test
  void quarkus_handlerNamedInProperties_runsThatNamedHandler() {
    AnalyzerHarness.handler("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest")
        .file(
            "src/main/java/app/Ingest.java",
            """
            package app;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import jakarta.inject.Inject;
            import jakarta.inject.Named;

            @Named("ingest")
            public class Ingest implements RequestHandler<String, String> {
              @Inject Store store;

              @Override
              public String handleRequest(String input, Context context) {
                return store.save(input);
              }
            }
            """)
        .file(
            "src/main/java/app/Purge.java",
            """
            package app;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import jakarta.inject.Named;
            import software.amazon.awssdk.services.s3.S3Client;

            @Named("purge")
            public class Purge implements RequestHandler<String, String> {
              @Override
              public String handleRequest(String input, Context context) {
                S3Client.create().deleteBucket(r -> r.bucket("raw"));
                return input;
              }
            }
            """)
        .file(
            "src/main/java/app/Store.java",
            """
            package app;

            import jakarta.enterprise.context.ApplicationScoped;
            import software.amazon.awssdk.services.s3.S3Client;

            @ApplicationScoped
            public class Store {
              String save(String input) {
                // SDK: s3.PutObject Bucket=raw
                S3Client.create().putObject(r -> r.bucket("raw").key(input), (java.nio.file.Path) null);
                return input;
              }
            }
            """)
        .file(
            "src/main/resources/application.properties",
            """
            quarkus.lambda.handler=purge
            %dev.quarkus.lambda.handler=purge
            # the deployed (prod) profile wins
            # FINDING: FRAMEWORK_ENTRY_SELECTED
            %prod.quarkus.lambda.handler=ingest
            """)
        .check();
  }

  @Test
  void quarkus_noHandlerClass_runsTheJakartaRestResources() {
    AnalyzerHarness.handler("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest")
        .file(
            "app/GreetingResource.java",
            """
            package app;

            import jakarta.ws.rs.GET;
            import jakarta.ws.rs.Path;
            import software.amazon.awssdk.services.ssm.SsmClient;

            @Path("/hello")
            public class GreetingResource {
              private final SsmClient ssm;

              GreetingResource(SsmClient ssm) {
                this.ssm = ssm;
              }

              @GET
              public String hello() {
                // SDK: ssm.GetParameter Name=greeting
                return ssm.getParameter(r -> r.name("greeting")).parameter().value();
              }
            }
            """)
        .check();
  }

  @Test
  void funqy_exportVariable_choosesTheFunction() {
    AnalyzerHarness.handler("io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest")
        .env("QUARKUS_FUNQY_EXPORT", "greet")
        .file(
            "app/Greetings.java",
            """
            package app;

            import io.quarkus.funqy.Funq;
            import software.amazon.awssdk.services.sns.SnsClient;

            public class Greetings {
              @Funq("greet")
              public String greeting(String name) {
                // SDK: sns.Publish TopicArn=greetings
                SnsClient.create().publish(r -> r.topicArn("greetings"));
                return name;
              }

              @Funq
              public void forget(String name) {
                SnsClient.create().deleteTopic(r -> r.topicArn("greetings"));
              }
            }
            """)
        .check();
  }

  @Test
  void powertoolsCustomResource_inheritedHandleRequest_runsCreateUpdateDelete() {
    AnalyzerHarness.handler("app.BucketResource::handleRequest")
        .file(
            "app/BucketResource.java",
            """
            package app;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
            import software.amazon.awssdk.services.s3.S3Client;
            import software.amazon.lambda.powertools.cloudformation.AbstractCustomResourceHandler;
            import software.amazon.lambda.powertools.cloudformation.Response;

            public class BucketResource extends AbstractCustomResourceHandler {
              private final S3Client s3 = S3Client.create();

              @Override
              protected Response create(CloudFormationCustomResourceEvent event, Context context) {
                // SDK: s3.CreateBucket Bucket=assets
                s3.createBucket(r -> r.bucket("assets"));
                return Response.success();
              }

              @Override
              protected Response update(CloudFormationCustomResourceEvent event, Context context) {
                return Response.success();
              }

              @Override
              protected Response delete(CloudFormationCustomResourceEvent event, Context context) {
                // SDK: s3.DeleteBucket Bucket=assets
                s3.deleteBucket(r -> r.bucket("assets"));
                return Response.success();
              }

              void neverCalled() {
                s3.deleteBucketPolicy(r -> r.bucket("assets"));
              }
            }
            """)
        .check();
  }

  @Test
  void unmodelledBaseClass_approximatesWithEveryOverridableMethodAndAFinding() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.ReportJob::handleRequest")
            .file(
                "app/ReportJob.java",
                """
                package app;

                import com.acme.batch.ScheduledJob;
                import software.amazon.awssdk.services.s3.S3Client;

                // FINDING: ENTRY_POINTS_APPROXIMATED
                public class ReportJob extends ScheduledJob<String> {
                  private final S3Client s3;

                  public ReportJob() {
                    s3 = warm(S3Client.create());
                  }

                  @Override
                  protected void run(String day) {
                    // SDK: s3.PutObject Bucket=reports
                    s3.putObject(r -> r.bucket("reports").key(day), (java.nio.file.Path) null);
                  }

                  public void cleanUp() {
                    // SDK: s3.DeleteObject Bucket=reports
                    s3.deleteObject(r -> r.bucket("reports").key("tmp"));
                  }

                  private static S3Client warm(S3Client client) {
                    // SDK: s3.ListBuckets
                    client.listBuckets();
                    return client;
                  }

                  private void unused() {
                    s3.deleteBucket(r -> r.bucket("reports"));
                  }
                }
                """)
            .check();
    Finding finding = only(analysis, "ENTRY_POINTS_APPROXIMATED");
    assertThat(finding.hidesCode()).isTrue();
    assertThat(finding.message()).contains("from com.acme.batch.ScheduledJob");
  }

  @Test
  void springCloudFunction_definitionKnownOnlyAtDeployment_allRunWithoutHidingCode() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler(INVOKER)
            .context(
                new FunctionContext(
                    SourceLocation.of("template.yaml", 12),
                    Optional.empty(),
                    Map.of(
                        "SPRING_CLOUD_FUNCTION_DEFINITION",
                        new Setting(
                            "SPRING_CLOUD_FUNCTION_DEFINITION",
                            List.of(),
                            SourceLocation.of("template.yaml", 20),
                            "Environment.Variables.SPRING_CLOUD_FUNCTION_DEFINITION"))))
            .file("app/Functions.java", FUNCTIONS)
            .check();
    Finding finding = only(analysis, "FRAMEWORK_ENTRY_UNKNOWN");
    assertThat(finding.location()).hasToString("template.yaml:20");
    assertThat(finding.message()).contains("only known at deployment");
    assertThat(finding.hidesCode()).isFalse();
  }

  @Test
  void jerseyContainer_resourceInterfaceAndImplementation_runsTheImplementation() {
    AnalyzerHarness.handler("app.Handler")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.serverless.proxy.jersey.JerseyLambdaContainerHandler;
            import com.amazonaws.serverless.proxy.model.AwsProxyRequest;
            import com.amazonaws.serverless.proxy.model.AwsProxyResponse;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import org.glassfish.jersey.server.ResourceConfig;

            public class Handler implements RequestHandler<AwsProxyRequest, AwsProxyResponse> {
              private static final JerseyLambdaContainerHandler<AwsProxyRequest, AwsProxyResponse>
                  JERSEY =
                      JerseyLambdaContainerHandler.getAwsProxyHandler(
                          new ResourceConfig().packages("app"));

              @Override
              public AwsProxyResponse handleRequest(AwsProxyRequest request, Context context) {
                return JERSEY.proxy(request, context);
              }
            }
            """)
        .file(
            "app/Notes.java",
            """
            package app;

            import jakarta.ws.rs.DELETE;
            import jakarta.ws.rs.Path;
            import jakarta.ws.rs.PathParam;

            @Path("/notes")
            public interface Notes {
              @DELETE
              @Path("/{id}")
              void delete(@PathParam("id") String id);
            }
            """)
        .file(
            "app/S3Notes.java",
            """
            package app;

            import software.amazon.awssdk.services.s3.S3Client;

            public class S3Notes implements Notes {
              @Override
              public void delete(String id) {
                // SDK: s3.DeleteObject Bucket=notes
                S3Client.create().deleteObject(r -> r.bucket("notes").key(id));
              }
            }
            """)
        .check();
  }

  @Test
  void lambdaHandler_methodMisspelt_isNotFoundRatherThanApproximated() {
    assertThatThrownBy(
            () ->
                AnalyzerHarness.handler("app.Handler::handleRequst")
                    .file(
                        "app/Handler.java",
                        """
                        package app;

                        import com.amazonaws.services.lambda.runtime.*;

                        public class Handler implements RequestHandler<String, String> {
                          public String handleRequest(String in, Context context) {
                            return in;
                          }
                        }
                        """)
                    .analyze())
        .hasMessageContaining("has no method handleRequst");
  }

  private static Finding only(FunctionAnalysis analysis, String id) {
    assertThat(analysis.findings()).extracting(Finding::id).containsOnlyOnce(id);
    return analysis.findings().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }
}
