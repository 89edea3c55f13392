package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SdkCall;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A client the code builds for a region makes its calls in that region, v2 and 1.x alike. */
class ClientRegionsTest {

  private static Map<String, String> regions(FunctionAnalysis analysis) {
    Map<String, String> out = new TreeMap<>();
    for (SdkCall call : analysis.calls()) {
      out.put(
          call.operation(),
          call.region()
              .map(r -> r instanceof ArgValue.EnvVar env ? "$" + env.name() : r.pattern())
              .orElse("(the function's)"));
    }
    return out;
  }

  @Test
  void region_setOnTheClientBuilder_isTheCallsRegion() {
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Handler.java",
                """
                package app;

                import com.amazonaws.regions.Regions;
                import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
                import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
                import software.amazon.awssdk.core.sync.RequestBody;
                import software.amazon.awssdk.regions.Region;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.s3.S3Client;
                import software.amazon.awssdk.services.sns.SnsClient;
                import software.amazon.awssdk.services.sqs.SqsClient;

                public class Handler {
                  private final DynamoDbClient ddb =
                      DynamoDbClient.builder().region(Region.US_EAST_1).build();
                  private final SqsClient sqs =
                      SqsClient.builder().region(Region.of("ap-south-1")).build();
                  private final SnsClient sns =
                      SnsClient.builder().region(Region.of(System.getenv("TOPIC_REGION"))).build();
                  private final AmazonDynamoDB legacy =
                      AmazonDynamoDBClientBuilder.standard().withRegion(Regions.US_WEST_2).build();
                  private final S3Client s3 = S3Client.create();

                  public void handleRequest(String id) {
                    ddb.getItem(r -> r.tableName("sessions"));
                    sqs.sendMessage(r -> r.queueUrl("alerts").messageBody(id));
                    sns.publish(r -> r.topicArn("arn:aws:sns:eu-west-1:111122223333:t").message(id));
                    legacy.deleteItem("archive", java.util.Map.of());
                    s3.putObject(r -> r.bucket("b").key(id), RequestBody.empty());
                  }
                }
                """)
            .analyze();
    assertThat(regions(analysis))
        .containsEntry("GetItem", "us-east-1")
        .containsEntry("SendMessage", "ap-south-1")
        .containsEntry("Publish", "$TOPIC_REGION")
        .containsEntry("DeleteItem", "us-west-2")
        .containsEntry("PutObject", "(the function's)");
  }
}
