package dev.minrole.analyzer.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LambdaSourcesTest {
  private static final LambdaSources SOURCES = LambdaSources.bundled();

  @Test
  void pollProperty_whenSamEventTypeIsPolled_namesTheSourceProperty() {
    assertThat(SOURCES.pollProperty("SQS")).contains("Queue");
    assertThat(SOURCES.pollProperty("Kinesis")).contains("Stream");
    assertThat(SOURCES.pollProperty("SelfManagedKafka")).contains("KafkaBootstrapServers");
    assertThat(SOURCES.pollProperty("Api")).isEmpty();
  }

  @Test
  void kinds_whenNamedByArnOrType_comeFromTheData() {
    assertThat(SOURCES.kindOfArnService("sqs")).isEqualTo("SQS");
    assertThat(SOURCES.kindOfArnService("states")).isEqualTo("Unknown");
    assertThat(SOURCES.kindOfType("AWS::Serverless::Function")).contains("Lambda");
    assertThat(SOURCES.kindOfType("AWS::S3::Bucket")).isEmpty();
  }

  @Test
  void pollsWithKey_whenTypeHasAKeyProperty_isTrueAndTheTypeNamesIt() {
    for (String type : SOURCES.pollSourceKeys()) {
      assertThat(ResourceTypes.bundled().of(type).flatMap(ResourceTypes.Spec::encryptionKey))
          .as(type)
          .isPresent();
    }
    assertThat(SOURCES.pollsWithKey("AWS::SNS::Topic")).isFalse();
  }
}
