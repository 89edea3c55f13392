package dev.minrole.analyzer.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Sdk1InventoryTest {
  private static final String ROOT = "/dev/minrole/analyzer/sdk1/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Operations the 1.x SDK still sends that the SDK v2 dropped (deprecated by the service). */
  private static final Set<String> NOT_IN_V2 = Set.of("InvokeAsync");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "com.amazonaws.services.s3.AmazonS3",
        "com.amazonaws.services.dynamodbv2.AmazonDynamoDB",
        "com.amazonaws.services.dynamodbv2.AmazonDynamoDBAsync",
        "com.amazonaws.services.sqs.AmazonSQS",
        "com.amazonaws.services.sqs.AmazonSQSAsync",
        "com.amazonaws.services.sns.AmazonSNS",
        "com.amazonaws.services.sns.AmazonSNSAsync",
        "com.amazonaws.services.lambda.AWSLambda",
        "com.amazonaws.services.lambda.AWSLambdaAsync",
        "com.amazonaws.services.kinesis.AmazonKinesis",
        "com.amazonaws.services.kinesis.AmazonKinesisAsync",
        "com.amazonaws.services.secretsmanager.AWSSecretsManager",
        "com.amazonaws.services.secretsmanager.AWSSecretsManagerAsync",
        "com.amazonaws.services.simplesystemsmanagement.AWSSimpleSystemsManagement",
        "com.amazonaws.services.simplesystemsmanagement.AWSSimpleSystemsManagementAsync",
        "com.amazonaws.services.kms.AWSKMS",
        "com.amazonaws.services.kms.AWSKMSAsync",
        "com.amazonaws.services.stepfunctions.AWSStepFunctions",
        "com.amazonaws.services.stepfunctions.AWSStepFunctionsAsync",
        "com.amazonaws.services.cloudwatchevents.AmazonCloudWatchEvents",
        "com.amazonaws.services.eventbridge.AmazonEventBridge",
        "com.amazonaws.services.eventbridge.AmazonEventBridgeAsync",
        "com.amazonaws.services.simpleemail.AmazonSimpleEmailService",
        "com.amazonaws.services.simpleemail.AmazonSimpleEmailServiceAsync",
        "com.amazonaws.services.cloudwatch.AmazonCloudWatch",
        "com.amazonaws.services.cloudwatch.AmazonCloudWatchAsync",
        "com.amazonaws.services.securitytoken.AWSSecurityTokenService",
        "com.amazonaws.services.securitytoken.AWSSecurityTokenServiceAsync",
        "com.amazonaws.services.athena.AmazonAthena",
        "com.amazonaws.services.athena.AmazonAthenaAsync",
        "com.amazonaws.services.glue.AWSGlue",
        "com.amazonaws.services.glue.AWSGlueAsync",
        "com.amazonaws.services.rekognition.AmazonRekognition",
        "com.amazonaws.services.rekognition.AmazonRekognitionAsync",
        "com.amazonaws.services.textract.AmazonTextract",
        "com.amazonaws.services.textract.AmazonTextractAsync",
        "com.amazonaws.services.sagemakerruntime.AmazonSageMakerRuntime",
        "com.amazonaws.services.sagemakerruntime.AmazonSageMakerRuntimeAsync"
      })
  void client_whenIssueListsIt_isInTheInventoryWithItsV2Service(String type) {
    Sdk1Client client = Sdk1Inventory.bundled().client(type).orElseThrow();
    assertThat(SdkInventory.bundled().serviceByClient(client.v2Client())).isPresent();
    assertThat(Sdk1Inventory.bundled().client(type + "Client")).contains(client);
  }

  @Test
  void methods_whenMapped_sendOperationsTheV2ServiceHas() throws IOException {
    List<String> missing = new ArrayList<>();
    for (JsonNode entry : read("index.json", JSON).path("clients")) {
      if (!entry.has("v2Client")) {
        continue;
      }
      SdkService service =
          SdkInventory.bundled()
              .serviceByClient(
                  entry.path("v2Package").asText() + "." + entry.path("v2Client").asText())
              .orElseThrow();
      JsonNode file = read(entry.path("file").asText(), JSON);
      for (JsonNode client : file.path("clients")) {
        if (!client.path("type").asText().equals(entry.path("type").asText())) {
          continue;
        }
        for (JsonNode method : client.path("methods")) {
          for (JsonNode op : method.path("operations")) {
            if (service.operation(op.asText()).isEmpty() && !NOT_IN_V2.contains(op.asText())) {
              missing.add(
                  entry.path("type").asText() + "." + method.path("name").asText() + " " + op);
            }
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void libraries_whenRead_citeAwsDocumentationAndSendOperationsTheirClientHas() throws IOException {
    JsonNode types = read("libraries.yaml", YAML).path("types");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> type : types.properties()) {
      JsonNode t = type.getValue();
      if (!t.path("source").asText().startsWith("https://docs.aws.amazon.com/")) {
        problems.add(type.getKey() + " cites no AWS documentation page");
      }
      SdkService service =
          SdkInventory.bundled().serviceByClient(t.path("client").asText()).orElse(null);
      if (service == null) {
        problems.add(type.getKey() + " names no v2 client");
        continue;
      }
      Sdk1Libraries.Type parsed = Sdk1Libraries.bundled().type(type.getKey()).orElseThrow();
      for (Map.Entry<String, Sdk1Libraries.Method> m : parsed.methods().entrySet()) {
        List<String> ops = new ArrayList<>(m.getValue().operations());
        m.getValue().save().values().forEach(ops::addAll);
        m.getValue().by().ifPresent(b -> b.values().values().forEach(ops::addAll));
        for (String op : ops) {
          if (service.operation(op).isEmpty()) {
            problems.add(type.getKey() + "." + m.getKey() + " sends unknown " + op);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aliases_whenPerOperation_nameMembersOfThatOperation() throws IOException {
    JsonNode services = read("aliases.yaml", YAML).path("services");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> s : services.properties()) {
      SdkService service =
          SdkInventory.bundled().services().stream()
              .filter(v -> v.serviceName().equals(s.getKey()))
              .findFirst()
              .orElseThrow();
      for (Map.Entry<String, JsonNode> op : s.getValue().path("operations").properties()) {
        List<String> members =
            service.operation(op.getKey()).orElseThrow().members().stream()
                .map(SdkMember::name)
                .toList();
        op.getValue()
            .properties()
            .forEach(
                a -> {
                  if (!members.contains(a.getValue().asText())) {
                    problems.add(op.getKey() + "." + a.getKey() + " -> " + a.getValue());
                  }
                });
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void member_whenS3PropertyIsSpelledDifferently_takesTheAlias() {
    SdkService s3 =
        SdkInventory.bundled()
            .serviceByClient("software.amazon.awssdk.services.s3.S3Client")
            .orElseThrow();
    List<SdkMember> copy = s3.operation("CopyObject").orElseThrow().members();
    Sdk1Inventory inventory = Sdk1Inventory.bundled();
    assertThat(inventory.member("s3", "CopyObject", "SourceBucketName", copy))
        .contains("SourceBucket");
    assertThat(inventory.member("s3", "CopyObject", "SourceKey", copy)).contains("SourceKey");
    assertThat(inventory.member("s3", "GetObject", "BucketName", List.of())).contains("Bucket");
    assertThat(inventory.member("s3", "CopyObject", "File", copy)).isEmpty();
  }

  @Test
  void constructors_whenRequestHasConvenienceConstructor_sayWhichPropertiesItSets() {
    assertThat(
            Sdk1Inventory.bundled()
                .constructors("com.amazonaws.services.s3.model.PutObjectRequest"))
        .contains(
            new Sdk1Inventory.Constructor(
                List.of("String", "String", "File"), List.of("BucketName", "Key", "File")));
    assertThat(
            Sdk1Inventory.bundled()
                .constructors("com.amazonaws.services.sqs.model.SendMessageRequest"))
        .contains(
            new Sdk1Inventory.Constructor(
                List.of("String", "String"), List.of("QueueUrl", "MessageBody")));
  }

  private static JsonNode read(String name, ObjectMapper mapper) throws IOException {
    try (InputStream in = Sdk1InventoryTest.class.getResourceAsStream(ROOT + name)) {
      assertThat(in).as(name).isNotNull();
      return mapper.readTree(in);
    }
  }
}
