package dev.minrole.generator.aws;

import dev.minrole.generator.diff.PolicyInputException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** AWS SDK failures as one-line input errors that say which call failed and why. */
final class AwsErrors {
  private AwsErrors() {}

  static PolicyInputException of(String call, SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      String code = service.awsErrorDetails().errorCode();
      String message = service.awsErrorDetails().errorMessage();
      return new PolicyInputException(
          call + " failed: " + code + (message == null ? "" : ": " + oneLine(message)), e);
    }
    return new PolicyInputException(
        call + " failed: " + oneLine(String.valueOf(e.getMessage())), e);
  }

  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
