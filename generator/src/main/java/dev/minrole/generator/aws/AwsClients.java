package dev.minrole.generator.aws;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The AWS clients minrole uses, built the same way: the default credential chain (or a named
 * profile), the region given or the default region chain, the URL connection HTTP client, and an
 * optional endpoint override (LocalStack-like setups, and the tests' local server). IAM is global
 * and always uses {@code aws-global}.
 */
public record AwsClients(
    Optional<String> profile, Optional<String> region, Optional<URI> endpoint) {

  public IamClient iam() {
    return configure(IamClient.builder(), Region.AWS_GLOBAL).build();
  }

  public LambdaClient lambda() {
    return configure(LambdaClient.builder(), apiRegion()).build();
  }

  public AccessAnalyzerClient accessAnalyzer() {
    return configure(AccessAnalyzerClient.builder(), apiRegion()).build();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region region) {
    builder.region(region).credentialsProvider(credentials());
    endpoint.ifPresent(builder::endpointOverride);
    if (builder
        instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
      sync.httpClientBuilder(UrlConnectionHttpClient.builder());
    }
    return builder;
  }

  private AwsCredentialsProvider credentials() {
    DefaultCredentialsProvider.Builder builder = DefaultCredentialsProvider.builder();
    profile.ifPresent(builder::profileName);
    return builder.build();
  }

  /** The region given, or the one the default chain (environment, profile) names. */
  Region apiRegion() {
    if (region.isPresent()) {
      return Region.of(region.get());
    }
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      profile.ifPresent(chain::profileName);
      return chain.build().getRegion();
    } catch (SdkClientException e) {
      throw new IllegalArgumentException(
          "no AWS region is configured; give --region (e.g. --region eu-west-1)");
    }
  }
}
