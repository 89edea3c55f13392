package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.sdk.SdkInventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analyses of several handlers on several threads share one project and give exactly what the same
 * analyses give one after the other. The apps print nodes (number literals, field accesses,
 * unresolved receivers) and share a library, so the threads read the same trees at once.
 */
class ParallelAnalysisTest {
  private static final int APPS = 12;

  @TempDir static Path root;
  private static JavaProject project;
  private static List<String> handlers;

  @BeforeAll
  static void load() throws IOException {
    write("lib/Names.java", LIBRARY);
    handlers = new ArrayList<>();
    for (int i = 0; i < APPS; i++) {
      String pkg = "app" + i;
      write(pkg + "/Archive.java", ARCHIVE.replace("PKG", pkg).replace("NUMBER", "" + i));
      write(pkg + "/ArchiveHandler.java", ARCHIVE_HANDLER.replace("PKG", pkg));
      write(
          pkg + "/AuditHandler.java", AUDIT_HANDLER.replace("PKG", pkg).replace("NUMBER", "" + i));
      handlers.add(pkg + ".ArchiveHandler::handleRequest");
      handlers.add(pkg + ".AuditHandler::handleRequest");
    }
    handlers.add(2, "app0.Missing::handleRequest");
    project = JavaProject.load(List.of(root), SdkInventory.bundled());
  }

  private static void write(String relative, String source) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
  }

  @Test
  void analyzeAll_onSeveralThreads_givesTheSequentialResultsInHandlerOrder() {
    List<JavaProject.Outcome> sequential = handlers.stream().map(project::analyze).toList();

    for (int round = 0; round < 5; round++) {
      assertThat(project.analyzeAll(handlers, 4)).isEqualTo(sequential);
    }
    assertThat(project.analyzeAll(handlers)).isEqualTo(sequential);
  }

  @Test
  void analyzeAll_keepsEachHandlersOwnResult() {
    List<JavaProject.Outcome> outcomes = project.analyzeAll(handlers, 4);

    assertThat(outcomes).hasSize(APPS * 2 + 1);
    assertThat(outcomes.get(2)).isInstanceOf(JavaProject.HandlerNotFound.class);
    JavaProject.Analyzed archive7 =
        (JavaProject.Analyzed) outcomes.get(handlers.indexOf("app7.ArchiveHandler::handleRequest"));
    assertThat(archive7.analysis().handler()).isEqualTo("app7.ArchiveHandler::handleRequest");
    assertThat(archive7.analysis().calls())
        .extracting(
            c ->
                c.service()
                    + "."
                    + c.operation()
                    + " "
                    + c.args().get("Bucket").pattern()
                    + "/"
                    + c.args().get("Key").pattern())
        .containsExactly(
            "s3.PutObject archive-7/items/*-1024",
            "s3.PutObject archive-7/items/fallback-31-1024",
            "s3.DeleteObject archive-7/*");
    JavaProject.Analyzed audit7 =
        (JavaProject.Analyzed) outcomes.get(handlers.indexOf("app7.AuditHandler::handleRequest"));
    assertThat(audit7.analysis().calls())
        .extracting(c -> c.service() + "." + c.operation())
        .containsExactly("dynamodb.PutItem", "sqs.SendMessage");
  }

  @Test
  void analyzeAll_withoutHandlers_isEmpty() {
    assertThat(project.analyzeAll(List.of(), 4)).isEmpty();
  }

  private static final String LIBRARY =
      """
      package lib;

      public final class Names {
        public static final String PREFIX = "archive";
        public static final int RETRIES = 3;

        private Names() {}

        public static String bucket(int app) {
          return PREFIX + "-" + app;
        }

        public static String queue(String stage) {
          return String.format("https://sqs.eu-west-1.amazonaws.com/123456789012/audit-%s", stage);
        }
      }
      """;

  private static final String ARCHIVE =
"""
package PKG;

import java.util.function.Consumer;
import lib.Names;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

public class Archive {
  static final int APP = NUMBER;
  private final S3Client s3 = S3Client.create();

  void store(String id, Object body) {
    String text = body instanceof String s ? s : String.valueOf(body);
    s3.putObject(r -> r.bucket(Names.bucket(APP)).key("items/" + id + "-" + 1024), RequestBody.fromString(text));
  }

  void expire(String id) {
    record Expiry(String key, long days) {}
    Expiry expiry = new Expiry("items/" + id, 30L);
    Consumer<String> delete =
        new Consumer<>() {
          @Override
          public void accept(String key) {
            s3.deleteObject(r -> r.bucket(Names.bucket(APP)).key(key));
          }
        };
    delete.accept(expiry.key());
  }
}
""";

  private static final String ARCHIVE_HANDLER =
      """
      package PKG;

      import java.util.List;
      import java.util.Map;

      public class ArchiveHandler {
        private final Archive archive = new Archive();

        public String handleRequest(Map<String, Object> event) {
          List<String> ids = List.of(String.valueOf(event.get("id")), "fallback-" + 0x1F);
          ids.forEach(id -> archive.store(id, event.getOrDefault("body", 42)));
          for (String id : ids) {
            if (id.length() > lib.Names.RETRIES) {
              archive.expire(id);
            }
          }
          return "ok";
        }
      }
      """;

  private static final String AUDIT_HANDLER =
"""
package PKG;

import java.util.Map;
import lib.Names;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

public class AuditHandler {
  private static final String TABLE = "audit-" + NUMBER;
  private final DynamoDbClient dynamo = DynamoDbClient.create();
  private final SqsClient sqs = SqsClient.create();

  public void handleRequest(Map<String, String> event) {
    String stage = System.getenv("STAGE");
    dynamo.putItem(p -> p.tableName(TABLE).item(Map.of("id", AttributeValue.fromS(event.get("id")))));
    sqs.sendMessage(m -> m.queueUrl(Names.queue(stage)).messageBody("audited " + 1.5e3));
  }
}
""";
}
