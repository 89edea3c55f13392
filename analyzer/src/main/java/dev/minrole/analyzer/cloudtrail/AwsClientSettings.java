package dev.minrole.analyzer.cloudtrail;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/**
 * How minrole's AWS clients are built: the JDK's HTTP client (no Apache or Netty in the jar), the
 * region when one is given (else the SDK's default chain: {@code AWS_REGION}, the profile), an
 * endpoint override (for VPC endpoints, and for tests against a local server), and credentials from
 * the SDK's default chain unless a test gives its own.
 */
public record AwsClientSettings(
    Optional<String> region, Optional<URI> endpoint, AwsCredentialsProvider credentials) {

  public static AwsClientSettings defaults(Optional<String> region, Optional<URI> endpoint) {
    return new AwsClientSettings(region, endpoint, DefaultCredentialsProvider.builder().build());
  }

  public AthenaClient athena() {
    return configure(AthenaClient.builder())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  public CloudTrailClient cloudTrail() {
    return configure(CloudTrailClient.builder())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    region.ifPresent(r -> builder.region(Region.of(r)));
    endpoint.ifPresent(builder::endpointOverride);
    builder.credentialsProvider(credentials);
    return builder;
  }
}
