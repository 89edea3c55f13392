package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.libraries.ArgSource;
import dev.minrole.analyzer.libraries.LibraryCall;
import dev.minrole.analyzer.model.ArgValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Libraries that call AWS for the code: RDS IAM auth, JDBC drivers, KCL, Encryption SDK, MSK. */
class AwsLibrariesTest {

  @Test
  void rdsUtilities_generateAuthenticationToken_connectsAsTheRequestsUser() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.rds.RdsUtilities;
            import software.amazon.awssdk.services.rds.model.GenerateAuthenticationTokenRequest;

            public class Handler {
              private final RdsUtilities rds = RdsUtilities.builder().region(Region.EU_WEST_1).build();

              public String handleRequest(String in) {
                // SDK: rds-db.connect DbUser=reporting Hostname=$DB_HOST Port=5432
                String a = rds.generateAuthenticationToken(GenerateAuthenticationTokenRequest.builder()
                    .hostname(System.getenv("DB_HOST")).port(5432).username("reporting").build());
                // SDK: rds-db.connect DbUser=$DB_USER Hostname=orders.cluster-abc.eu-west-1.rds.amazonaws.com
                String b = rds.generateAuthenticationToken(r -> r
                    .hostname("orders.cluster-abc.eu-west-1.rds.amazonaws.com").username(System.getenv("DB_USER")));
                return a + b;
              }
            }
            """)
        .check();
  }

  @Test
  void rdsIamAuthTokenGenerator_sdkV1_connectsAsTheRequestsUserName() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.services.rds.auth.GetIamAuthTokenRequest;
            import com.amazonaws.services.rds.auth.RdsIamAuthTokenGenerator;

            public class Handler {
              public String handleRequest(String in) {
                RdsIamAuthTokenGenerator generator =
                    RdsIamAuthTokenGenerator.builder().region("eu-west-1").build();
                // SDK: rds-db.connect DbUser=app Hostname=$DB_HOST Port=3306
                return generator.getAuthToken(GetIamAuthTokenRequest.builder()
                    .hostname(System.getenv("DB_HOST")).port(3306).userName("app").build());
              }
            }
            """)
        .check();
  }

  @Test
  void driverManager_secretsManagerUrl_readsTheSecretTheUserNames_andPlainJdbcNothing()
      throws Exception {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.util.Properties;

            public class Handler {
              private static final String URL =
                  "jdbc-secretsmanager:postgresql://" + System.getenv("DB_HOST") + ":5432/orders";

              public Object handleRequest(String in) throws Exception {
                // SDK: secretsmanager.GetSecretValue SecretId=$DB_SECRET
                Connection a = DriverManager.getConnection(URL, System.getenv("DB_SECRET"), null);
                Properties props = new Properties();
                props.setProperty("user", "prod/orders/reader");
                // SDK: secretsmanager.GetSecretValue SecretId=prod/orders/reader
                Connection b = DriverManager.getConnection(URL, props);
                Connection c = DriverManager.getConnection("jdbc:postgresql://db:5432/orders", "app", "pw");
                return a.toString() + b + c;
              }
            }
            """)
        .check();
  }

  @Test
  void driverManager_advancedWrapperPlugins_readTheSecretAndConnectWithIam() throws Exception {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.sql.DriverManager;
            import java.util.Properties;

            public class Handler {
              public Object handleRequest(String in) throws Exception {
                Properties secrets = new Properties();
                secrets.setProperty("wrapperPlugins", "failover,awsSecretsManager");
                secrets.setProperty("secretsManagerSecretId", "prod/ledger/db");
                // SDK: secretsmanager.GetSecretValue SecretId=prod/ledger/db
                Object a = DriverManager.getConnection("jdbc:aws-wrapper:mysql://ledger.cluster-x.eu-west-1.rds.amazonaws.com/ledger", secrets);
                Properties iam = new Properties();
                iam.setProperty("wrapperPlugins", "iam");
                iam.setProperty("user", "ledger_app");
                // SDK: rds-db.connect DbUser=ledger_app Hostname=jdbc:aws-wrapper:postgresql://$LEDGER_HOST/ledger
                Object b = DriverManager.getConnection("jdbc:aws-wrapper:postgresql://" + System.getenv("LEDGER_HOST") + "/ledger", iam);
                return a.toString() + b;
              }
            }
            """)
        .check();
  }

  @Test
  void secretCache_readsAndDescribesTheSecret() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.secretsmanager.caching.SecretCache;

            public class Handler {
              private final SecretCache cache = new SecretCache();

              public String handleRequest(String in) {
                // SDK: secretsmanager.GetSecretValue SecretId=payments/api-key
                // SDK: secretsmanager.DescribeSecret SecretId=payments/api-key
                return cache.getSecretString("payments/api-key");
              }
            }
            """)
        .check();
  }

  @Test
  void configsBuilder_kclApplication_readsTheStreamAndKeepsItsLeases() {
    AnalyzerHarness.handler("app.Consumer::run")
        .file(
            "app/Consumer.java",
            """
            package app;

            import software.amazon.kinesis.common.ConfigsBuilder;

            public class Consumer {
              public void run() {
                // SDK: kinesis.DescribeStream StreamName=clicks
                // SDK: kinesis.DescribeStreamSummary StreamName=clicks
                // SDK: kinesis.RegisterStreamConsumer StreamName=clicks ConsumerName=click-counter
                // SDK: kinesis.GetRecords StreamName=clicks
                // SDK: kinesis.GetShardIterator StreamName=clicks
                // SDK: kinesis.ListShards StreamName=clicks
                // SDK: kinesis.SubscribeToShard StreamName=clicks ConsumerName=click-counter
                // SDK: kinesis.DescribeStreamConsumer StreamName=clicks ConsumerName=click-counter
                // SDK: dynamodb.CreateTable TableName=click-counter
                // SDK: dynamodb.DescribeTable TableName=click-counter
                // SDK: dynamodb.UpdateTable TableName=click-counter
                // SDK: dynamodb.Scan TableName=click-counter
                // SDK: dynamodb.GetItem TableName=click-counter
                // SDK: dynamodb.PutItem TableName=click-counter
                // SDK: dynamodb.UpdateItem TableName=click-counter
                // SDK: dynamodb.DeleteItem TableName=click-counter
                // SDK: dynamodb.Query TableName=click-counter IndexName=LeaseOwnerToLeaseKeyIndex
                // SDK: dynamodb.CreateTable TableName=click-counter-WorkerMetricStats
                // SDK: dynamodb.DescribeTable TableName=click-counter-WorkerMetricStats
                // SDK: dynamodb.Scan TableName=click-counter-WorkerMetricStats
                // SDK: dynamodb.GetItem TableName=click-counter-WorkerMetricStats
                // SDK: dynamodb.PutItem TableName=click-counter-WorkerMetricStats
                // SDK: dynamodb.UpdateItem TableName=click-counter-WorkerMetricStats
                // SDK: dynamodb.DeleteItem TableName=click-counter-WorkerMetricStats
                // SDK: dynamodb.CreateTable TableName=click-counter-CoordinatorState
                // SDK: dynamodb.DescribeTable TableName=click-counter-CoordinatorState
                // SDK: dynamodb.Scan TableName=click-counter-CoordinatorState
                // SDK: dynamodb.GetItem TableName=click-counter-CoordinatorState
                // SDK: dynamodb.PutItem TableName=click-counter-CoordinatorState
                // SDK: dynamodb.UpdateItem TableName=click-counter-CoordinatorState
                // SDK: dynamodb.DeleteItem TableName=click-counter-CoordinatorState
                // SDK: monitoring.PutMetricData Namespace=click-counter
                ConfigsBuilder configs = new ConfigsBuilder("clicks", "click-counter", null, null, null, "w1", null);
              }
            }
            """)
        .check();
  }

  @Test
  void awsCrypto_withMasterKeyProviderOrKeyring_usesTheKeyToEncryptAndDecrypt() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import com.amazonaws.encryptionsdk.AwsCrypto;
            import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKeyProvider;
            import software.amazon.cryptography.materialproviders.IKeyring;
            import software.amazon.cryptography.materialproviders.MaterialProviders;
            import software.amazon.cryptography.materialproviders.model.CreateAwsKmsKeyringInput;

            public class Handler {
              private static final String KEY = System.getenv("DATA_KEY_ARN");
              private final AwsCrypto crypto = AwsCrypto.builder().build();

              public byte[] handleRequest(byte[] in) {
                KmsMasterKeyProvider provider = KmsMasterKeyProvider.builder().buildStrict(KEY);
                // SDK: kms.GenerateDataKey KeyId=$DATA_KEY_ARN
                byte[] sealed = crypto.encryptData(provider, in).getResult();
                MaterialProviders materials = MaterialProviders.builder().build();
                IKeyring keyring = materials.CreateAwsKmsKeyring(
                    CreateAwsKmsKeyringInput.builder().kmsKeyId("arn:aws:kms:eu-west-1:111122223333:key/k-2").build());
                // SDK: kms.Decrypt KeyId=arn:aws:kms:eu-west-1:111122223333:key/k-2
                return crypto.decryptData(keyring, sealed).getResult();
              }
            }
            """)
        .check();
  }

  @Test
  void kafkaClients_withIamLoginModule_needTheClustersTopicsAndGroup_andOthersNothing() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.util.List;
            import java.util.Properties;
            import org.apache.kafka.clients.consumer.KafkaConsumer;
            import org.apache.kafka.clients.producer.KafkaProducer;
            import org.apache.kafka.clients.producer.ProducerRecord;

            public class Handler {
              private static final String SERVERS = "b-1.orders.x1y2z3.c2.kafka.eu-west-1.amazonaws.com:9098";

              public void handleRequest(String in) {
                Properties props = new Properties();
                props.put("bootstrap.servers", SERVERS);
                props.put("security.protocol", "SASL_SSL");
                props.put("sasl.mechanism", "AWS_MSK_IAM");
                props.put("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;");
                props.put("group.id", "billing");
                KafkaProducer<String, String> producer = new KafkaProducer<>(props);
                // SDK: kafka-cluster.Connect BootstrapServers=b-1.orders.x1y2z3.c2.kafka.eu-west-1.amazonaws.com:9098
                // SDK: kafka-cluster.WriteDataIdempotently BootstrapServers=b-1.orders.x1y2z3.c2.kafka.eu-west-1.amazonaws.com:9098
                // SDK: kafka-cluster.DescribeTopic TopicName=invoices
                // SDK: kafka-cluster.WriteData TopicName=invoices
                producer.send(new ProducerRecord<>("invoices", in));
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
                // SDK: kafka-cluster.Connect BootstrapServers=b-1.orders.x1y2z3.c2.kafka.eu-west-1.amazonaws.com:9098
                // SDK: kafka-cluster.DescribeTopic TopicName=payments
                // SDK: kafka-cluster.DescribeTopic TopicName=refunds
                // SDK: kafka-cluster.ReadData TopicName=payments
                // SDK: kafka-cluster.ReadData TopicName=refunds
                // SDK: kafka-cluster.DescribeGroup GroupName=billing
                // SDK: kafka-cluster.AlterGroup GroupName=billing
                consumer.subscribe(List.of("payments", "refunds"));
                Properties plain = new Properties();
                plain.put("bootstrap.servers", "localhost:9092");
                new KafkaProducer<String, String>(plain).send(new ProducerRecord<>("local", in));
              }
            }
            """)
        .check();
  }

  @Test
  void kafkaProducer_whoseSettingsAreLoadedFromAFile_isAFindingThatHidesCode_notASilentNothing() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            import java.io.InputStream;
            import java.util.Properties;
            import org.apache.kafka.clients.producer.KafkaProducer;
            import org.apache.kafka.clients.producer.ProducerRecord;

            public class Handler {
              public void handleRequest(String in) throws Exception {
                Properties props = new Properties();
                props.put("acks", "all");
                try (InputStream s = Handler.class.getResourceAsStream("/kafka.properties")) {
                  props.load(s);
                }
                KafkaProducer<String, String> producer = new KafkaProducer<>(props);
                // FINDING: LIBRARY_CONFIG_UNKNOWN
                producer.send(new ProducerRecord<>("invoices", in));
                Properties plain = new Properties();
                plain.put("bootstrap.servers", "localhost:9092");
                plain.putAll(java.util.Map.of("acks", "1"));
                new KafkaProducer<String, String>(plain).send(new ProducerRecord<>("local", in));
              }
            }
            """)
        .check();
  }

  @Test
  void requirement_holdsIfAnyValueMeetsIt_isUnknownIfAValueCannotTell_andFailsOnlyWhenAllDoNot() {
    LibraryCall.Requirement iam =
        new LibraryCall.Requirement(new ArgSource.Argument(0, ""), "", "IAMLoginModule");
    Value withIam = Value.str("software.amazon.msk.auth.iam.IAMLoginModule required;");
    Value scram = Value.str("org.apache.kafka.common.security.scram.ScramLoginModule required;");
    Value unknown = Value.opaque("loaded from a file");
    assertThat(LibraryRequests.decide(iam, List.of(scram, withIam)))
        .isEqualTo(LibraryRequests.Decision.HOLDS);
    assertThat(LibraryRequests.decide(iam, List.of(scram, unknown)))
        .isEqualTo(LibraryRequests.Decision.UNKNOWN);
    assertThat(LibraryRequests.decide(iam, List.of(scram)))
        .isEqualTo(LibraryRequests.Decision.FAILS);
    assertThat(LibraryRequests.decide(iam, List.of())).isEqualTo(LibraryRequests.Decision.FAILS);

    LibraryCall.Requirement driver =
        new LibraryCall.Requirement(new ArgSource.Argument(0, ""), "jdbc-secretsmanager:", "");
    Value partly =
        new Value.Str(
            ArgValue.concat(List.of(ArgValue.literal("jdbc"), ArgValue.unknown("the driver"))));
    Value postgres =
        new Value.Str(
            ArgValue.concat(
                List.of(ArgValue.literal("jdbc:postgresql://"), ArgValue.unknown("the host"))));
    assertThat(LibraryRequests.decide(driver, List.of(partly)))
        .isEqualTo(LibraryRequests.Decision.UNKNOWN);
    assertThat(LibraryRequests.decide(driver, List.of(postgres)))
        .isEqualTo(LibraryRequests.Decision.FAILS);
  }
}
