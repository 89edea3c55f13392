package dev.minrole.generator.render;

import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/** The trust policy of a Lambda execution role: the Lambda service may assume it. */
final class LambdaTrust {
  static final IamPolicy POLICY =
      IamPolicy.builder()
          .version("2012-10-17")
          .addStatement(
              IamStatement.builder()
                  .effect(IamEffect.ALLOW)
                  .addPrincipal(IamPrincipalType.SERVICE, "lambda.amazonaws.com")
                  .addAction("sts:AssumeRole")
                  .build())
          .build();

  private LambdaTrust() {}
}
