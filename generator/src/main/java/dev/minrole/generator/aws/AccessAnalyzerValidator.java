package dev.minrole.generator.aws;

import dev.minrole.analyzer.model.Severity;
import dev.minrole.generator.validate.PolicyType;
import dev.minrole.generator.validate.Problem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClientBuilder;
import software.amazon.awssdk.services.accessanalyzer.model.PathElement;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFindingType;

/**
 * Validates a policy with IAM Access Analyzer's {@code ValidatePolicy} and returns its findings as
 * {@link Problem}s (rule {@code ACCESS_ANALYZER}, the issue code in the message, the finding's
 * "learn more" page as the fix). Only created when the user asks for it: minrole makes no network
 * call otherwise.
 * https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ValidatePolicy.html
 */
public final class AccessAnalyzerValidator implements AutoCloseable {
  public static final String RULE = "ACCESS_ANALYZER";

  private final AccessAnalyzerClient client;

  public AccessAnalyzerValidator(AccessAnalyzerClient client) {
    this.client = client;
  }

  /** Why Access Analyzer could not be asked: credentials, region, network or the service. */
  public static final class CallFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A validator with the default credential chain, or the named profile; the region given, or the
   * default region chain ({@code AWS_REGION}, the profile); and, for tests or VPC endpoints,
   * another endpoint.
   */
  public static AccessAnalyzerValidator create(
      Optional<String> profile, Optional<String> region, Optional<URI> endpoint) {
    try {
      AccessAnalyzerClientBuilder builder =
          AccessAnalyzerClient.builder().httpClient(UrlConnectionHttpClient.create());
      builder.credentialsProvider(
          profile.isPresent()
              ? ProfileCredentialsProvider.create(profile.get())
              : DefaultCredentialsProvider.builder().build());
      region.map(Region::of).ifPresent(builder::region);
      endpoint.ifPresent(builder::endpointOverride);
      return new AccessAnalyzerValidator(builder.build());
    } catch (SdkException e) {
      throw new CallFailed(
          "cannot set up the IAM Access Analyzer client: "
              + e.getMessage()
              + " (give --region, or set AWS_REGION)",
          e);
    }
  }

  /** Access Analyzer's findings for the policy, every page of them. */
  public List<Problem> validate(String policyJson, PolicyType type) {
    List<Problem> out = new ArrayList<>();
    try {
      client
          .validatePolicyPaginator(
              r ->
                  r.policyDocument(policyJson)
                      .policyType(
                          type == PolicyType.IDENTITY ? "IDENTITY_POLICY" : "RESOURCE_POLICY"))
          .findings()
          .forEach(f -> out.add(problem(f)));
    } catch (SdkException e) {
      throw new CallFailed("IAM Access Analyzer ValidatePolicy failed: " + e.getMessage(), e);
    }
    return out;
  }

  private static Problem problem(ValidatePolicyFinding f) {
    String path = "$";
    int line = 0;
    if (f.hasLocations() && !f.locations().isEmpty()) {
      path = path(f.locations().get(0).path());
      if (f.locations().get(0).span() != null && f.locations().get(0).span().start() != null) {
        line = Optional.ofNullable(f.locations().get(0).span().start().line()).orElse(0);
      }
    }
    return new Problem(
        RULE,
        severity(f.findingType()),
        path,
        line,
        f.issueCode() + ": " + f.findingDetails(),
        f.learnMoreLink() == null
            ? "see the IAM Access Analyzer policy checks reference"
            : "see " + f.learnMoreLink());
  }

  /**
   * A location as a JSON path: keys and indexes; a value or substring names the element it is in.
   */
  static String path(List<PathElement> elements) {
    StringBuilder out = new StringBuilder("$");
    for (PathElement e : elements) {
      if (e.key() != null) {
        out.append('.').append(e.key());
      } else if (e.index() != null) {
        out.append('[').append(e.index()).append(']');
      } else if (e.value() != null) {
        out.append('.').append(e.value());
      }
    }
    return out.toString();
  }

  private static Severity severity(ValidatePolicyFindingType type) {
    if (type == ValidatePolicyFindingType.ERROR) {
      return Severity.ERROR;
    }
    if (type == ValidatePolicyFindingType.SUGGESTION) {
      return Severity.INFO;
    }
    return Severity.WARNING;
  }

  @Override
  public void close() {
    client.close();
  }
}
