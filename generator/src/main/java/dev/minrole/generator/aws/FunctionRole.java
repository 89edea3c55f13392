package dev.minrole.generator.aws;

import dev.minrole.generator.diff.PolicyInputException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The execution role of a deployed Lambda function, from {@code GetFunctionConfiguration}. */
public final class FunctionRole {
  private FunctionRole() {}

  /** The role ARN of the function (a name, ARN or partial ARN, as Lambda accepts). */
  public static String of(LambdaClient lambda, String function) throws PolicyInputException {
    try {
      String role = lambda.getFunctionConfiguration(r -> r.functionName(function)).role();
      if (role == null || role.isBlank()) {
        throw new PolicyInputException(
            "Lambda function " + function + " has no execution role in its configuration");
      }
      return role;
    } catch (SdkException e) {
      throw AwsErrors.of("Lambda GetFunctionConfiguration for function " + function, e);
    }
  }
}
