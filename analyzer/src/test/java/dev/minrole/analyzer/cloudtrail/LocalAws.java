package dev.minrole.analyzer.cloudtrail;

import dev.minrole.testkit.FakeAwsServer;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Clients for the local AWS server: static credentials, us-east-1, fast polling. */
final class LocalAws {
  static final QueryPolling FAST = new QueryPolling(Duration.ofMillis(5), Duration.ofSeconds(5));

  private LocalAws() {}

  static AwsClientSettings settings(FakeAwsServer server) {
    return new AwsClientSettings(
        Optional.of("us-east-1"),
        Optional.of(server.endpoint()),
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")));
  }
}
