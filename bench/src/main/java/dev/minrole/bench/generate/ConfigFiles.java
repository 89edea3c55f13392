package dev.minrole.bench.generate;

import java.util.List;

/**
 * An app's {@code config} package: resource names as constants built from other constants and the
 * environment, and a factory class with clients in static fields and factory methods.
 */
final class ConfigFiles {
  private ConfigFiles() {}

  static void write(AppPlan plan, SourceTree tree, Filler filler) {
    plan.add(tree, filler, "config", "AppConfig", APP_CONFIG, List.of(CommonLibrary.PKG + ".Env"));
    plan.add(
        tree,
        filler,
        "config",
        "AppClients",
        APP_CLIENTS,
        List.of(
            "java.time.Duration",
            "software.amazon.awssdk.core.client.config.ClientOverrideConfiguration",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient",
            "software.amazon.awssdk.regions.Region",
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "software.amazon.awssdk.services.s3.S3Client",
            "software.amazon.awssdk.services.s3.presigner.S3Presigner",
            "software.amazon.awssdk.transfer.s3.S3TransferManager"));
  }

  private static final String APP_CONFIG =
"""
/** Names of the {{app}} resources; the stage-specific parts come from the environment. */
public final class AppConfig {
  public static final String APP = "{{app}}";
  public static final String REGION = "{{region}}";
  public static final String ACCOUNT = "{{account}}";
  public static final String DOCUMENT_BUCKET = "acme-" + APP + "-documents";
  public static final String ARCHIVE_BUCKET = "acme-" + APP + "-archive";
  public static final String TOPIC_ARN = "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + APP + "-events";
  public static final String QUEUE_URL =
      "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/" + APP + "-work";
  public static final String EVENT_BUS = APP + "-bus";
  public static final String CLICK_STREAM = APP + "-clicks";
  public static final String CUSTOMER_INDEX = "byCustomer";
  public static final String PARAMETER_PREFIX = "/" + APP + "/";
  public static final int PAGE_SIZE = {{pageSize}};

  private AppConfig() {}

  /** The items table: ITEMS_TABLE, or the stage's default name. */
  public static String itemsTable() {
    return System.getenv().getOrDefault("ITEMS_TABLE", APP + "-items-" + stage());
  }

  /** The deployment stage: STAGE, or dev. */
  public static String stage() {
    return Env.get("STAGE", "dev");
  }

  /** The secret that holds the partner API key. */
  public static String apiKeySecret() {
    return APP + "/" + stage() + "/api-key";
  }
{{helpers}}}
""";

  private static final String APP_CLIENTS =
"""
/** The SDK clients of {{app}}, created once per execution environment and shared. */
public final class AppClients {
  public static final S3Client S3 = S3Client.builder().region(Region.of(AppConfig.REGION)).build();

  private static final ClientOverrideConfiguration OVERRIDES =
      ClientOverrideConfiguration.builder()
          .apiCallTimeout(Duration.ofSeconds({{timeout}}))
          .apiCallAttemptTimeout(Duration.ofSeconds(2))
          .build();

  private AppClients() {}

  public static DynamoDbClient dynamo() {
    return DynamoDbClient.builder()
        .region(Region.of(AppConfig.REGION))
        .overrideConfiguration(OVERRIDES)
        .build();
  }

  public static DynamoDbEnhancedClient enhanced() {
    return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo()).build();
  }

  public static S3Presigner presigner() {
    return S3Presigner.builder().region(Region.of(AppConfig.REGION)).build();
  }

  public static S3TransferManager transfers() {
    return S3TransferManager.create();
  }
{{helpers}}}
""";
}
