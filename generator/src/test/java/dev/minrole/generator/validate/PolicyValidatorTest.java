package dev.minrole.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.Severity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per check: a policy with one mistake, and the problem expected for it (rule, severity,
 * JSON path, and words of the message or fix). The policy is otherwise clean, so any other problem
 * fails the test too.
 */
class PolicyValidatorTest {
  private static final PolicyValidator IDENTITY = PolicyValidator.bundled(PolicyType.IDENTITY);

  /** A policy with one statement whose body is {@code statement}. */
  private static String policy(String statement) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}";
  }

  private static final String GET_MEDIA =
      "{\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\":"
          + " [\"arn:aws:s3:::media/in/*\"]}";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "invalid JSON",
            "{\"Version\": \"2012-10-17\",",
            "INVALID_JSON",
            Severity.ERROR,
            "$",
            "not valid JSON"),
        Arguments.of(
            "not an object", "[]", "GRAMMAR", Severity.ERROR, "$", "a policy is a JSON object"),
        Arguments.of(
            "no Version",
            "{\"Statement\": [" + GET_MEDIA + "]}",
            "GRAMMAR",
            Severity.WARNING,
            "$",
            "no Version"),
        Arguments.of(
            "bad Version",
            "{\"Version\": \"2020-01-01\", \"Statement\": [" + GET_MEDIA + "]}",
            "GRAMMAR",
            Severity.ERROR,
            "$.Version",
            "2012-10-17"),
        Arguments.of(
            "unknown top element",
            "{\"Version\": \"2012-10-17\", \"Statements\": [], \"Statement\": [" + GET_MEDIA + "]}",
            "GRAMMAR",
            Severity.ERROR,
            "$.Statements",
            "did you mean Statement?"),
        Arguments.of(
            "no Statement",
            "{\"Version\": \"2012-10-17\"}",
            "GRAMMAR",
            Severity.ERROR,
            "$",
            "no Statement"),
        Arguments.of(
            "curly quotes",
            "{\"Version\": \"2012-10-17\", \"Statement\": ["
                + GET_MEDIA.replace("media/in/*", "media/\u201cin\u201d/*")
                + "]}",
            "GRAMMAR",
            Severity.ERROR,
            "$",
            "straight quotes"),
        Arguments.of(
            "duplicate key",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Action\":"
                    + " \"s3:PutObject\", \"Resource\": \"arn:aws:s3:::media/in/*\"}"),
            "GRAMMAR",
            Severity.ERROR,
            "$.Statement[0].Action",
            "appears twice"),
        Arguments.of(
            "unknown statement element",
            policy(
                "{\"Effect\": \"Allow\", \"Actions\": [\"s3:GetObject\"], \"Action\":"
                    + " [\"s3:GetObject\"], \"Resource\": [\"arn:aws:s3:::media/in/*\"]}"),
            "GRAMMAR",
            Severity.ERROR,
            "$.Statement[0].Actions",
            "did you mean Action?"),
        Arguments.of(
            "lower-case effect",
            policy(GET_MEDIA.replace("\"Allow\"", "\"allow\"")),
            "GRAMMAR",
            Severity.ERROR,
            "$.Statement[0].Effect",
            "write \"Allow\""),
        Arguments.of(
            "no Effect",
            policy("{\"Action\": [\"s3:GetObject\"], \"Resource\": [\"arn:aws:s3:::media/in/*\"]}"),
            "GRAMMAR",
            Severity.ERROR,
            "$.Statement[0]",
            "no Effect"),
        Arguments.of(
            "Action and NotAction",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"NotAction\":"
                    + " [\"s3:PutObject\"], \"Resource\": [\"arn:aws:s3:::media/in/*\"]}"),
            "GRAMMAR",
            Severity.ERROR,
            "$.Statement[0].NotAction",
            "not both"),
        Arguments.of(
            "no Resource",
            policy("{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"]}"),
            "GRAMMAR",
            Severity.ERROR,
            "$.Statement[0]",
            "no Resource"),
        Arguments.of(
            "Principal in identity policy",
            policy(
                "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\":"
                    + " \"arn:aws:iam::123456789012:root\"}, \"Action\": [\"s3:GetObject\"],"
                    + " \"Resource\": [\"arn:aws:s3:::media/in/*\"]}"),
            "GRAMMAR",
            Severity.ERROR,
            "$.Statement[0].Principal",
            "not allowed in an identity policy"),
        Arguments.of(
            "empty Action list",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [], \"Resource\":"
                    + " [\"arn:aws:s3:::media/in/*\"]}"),
            "GRAMMAR",
            Severity.ERROR,
            "$.Statement[0].Action",
            "empty list"),
        Arguments.of(
            "Sid characters",
            policy(GET_MEDIA.replace("\"Read\"", "\"read-media\"")),
            "GRAMMAR",
            Severity.ERROR,
            "$.Statement[0].Sid",
            "readmedia"),
        Arguments.of(
            "duplicate Sid",
            "{\"Version\": \"2012-10-17\", \"Statement\": ["
                + GET_MEDIA
                + ", "
                + GET_MEDIA.replace("s3:GetObject", "s3:PutObject")
                + "]}",
            "DUPLICATE_SID",
            Severity.ERROR,
            "$.Statement[1].Sid",
            "also the Sid of $.Statement[0]"),
        Arguments.of(
            "unknown operator",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:ListBucket\"], \"Resource\":"
                    + " [\"arn:aws:s3:::media\"], \"Condition\": {\"StringEqual\": {\"s3:prefix\":"
                    + " \"in/\"}}}"),
            "CONDITION_OPERATOR",
            Severity.ERROR,
            "$.Statement[0].Condition.StringEqual",
            "did you mean StringEquals?"),
        Arguments.of(
            "bad Bool value",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\":"
                    + " [\"arn:aws:s3:::media/in/*\"], \"Condition\": {\"Bool\":"
                    + " {\"aws:SecureTransport\": \"yes\"}}}"),
            "CONDITION_VALUE",
            Severity.ERROR,
            "$.Statement[0].Condition.Bool.aws:SecureTransport",
            "\"true\" or \"false\""),
        Arguments.of(
            "unknown condition key",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:ListBucket\"], \"Resource\":"
                    + " [\"arn:aws:s3:::media\"], \"Condition\": {\"StringLike\": {\"s3:prefixes\":"
                    + " \"in/*\"}}}"),
            "UNKNOWN_CONDITION_KEY",
            Severity.WARNING,
            "$.Statement[0].Condition.StringLike.s3:prefixes",
            "did you mean s3:prefix?"),
        Arguments.of(
            "SDK operation as action",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"sqs:SendMessageBatch\"], \"Resource\":"
                    + " [\"arn:aws:sqs:eu-west-1:123456789012:jobs\"]}"),
            "UNKNOWN_ACTION",
            Severity.ERROR,
            "$.Statement[0].Action[0]",
            "use sqs:SendMessage"),
        Arguments.of(
            "misspelled action",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItems\"], \"Resource\":"
                    + " [\"arn:aws:dynamodb:eu-west-1:123456789012:table/orders\"]}"),
            "UNKNOWN_ACTION",
            Severity.ERROR,
            "$.Statement[0].Action[0]",
            "use dynamodb:GetItem"),
        Arguments.of(
            "unknown service",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"dynamo:GetItem\"], \"Resource\":"
                    + " [\"arn:aws:dynamodb:eu-west-1:123456789012:table/orders\"]}"),
            "UNKNOWN_SERVICE",
            Severity.ERROR,
            "$.Statement[0].Action[0]",
            "did you mean dynamodb:GetItem?"),
        Arguments.of(
            "SDK service name as prefix",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"monitoring:PutMetricData\"], \"Resource\":"
                    + " \"*\"}"),
            "UNKNOWN_SERVICE",
            Severity.ERROR,
            "$.Statement[0].Action[0]",
            "did you mean cloudwatch:PutMetricData?"),
        Arguments.of(
            "wildcard matching nothing",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:Fetch*\"], \"Resource\":"
                    + " [\"arn:aws:s3:::media/in/*\"]}"),
            "UNKNOWN_ACTION",
            Severity.ERROR,
            "$.Statement[0].Action[0]",
            "matches no IAM action"),
        Arguments.of(
            "object action on a table",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\":"
                    + " [\"arn:aws:dynamodb:eu-west-1:123456789012:table/orders\"]}"),
            "RESOURCE_MISMATCH",
            Severity.ERROR,
            "$.Statement[0].Action[0]",
            "cannot apply to arn:aws:dynamodb"),
        Arguments.of(
            "object action on a bucket",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\":"
                    + " [\"arn:aws:s3:::media\"]}"),
            "RESOURCE_MISMATCH",
            Severity.ERROR,
            "$.Statement[0].Action[0]",
            "object (arn:${Partition}:s3:::${BucketName}/${ObjectName})"),
        Arguments.of(
            "no resource-level permissions",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"xray:PutTraceSegments\"], \"Resource\":"
                    + " [\"arn:aws:xray:eu-west-1:123456789012:group/default\"]}"),
            "RESOURCE_MISMATCH",
            Severity.ERROR,
            "$.Statement[0].Action[0]",
            "only granted on Resource \"*\""),
        Arguments.of(
            "malformed ARN",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\":"
                    + " [\"arn:aws:s3::media/*\"]}"),
            "MALFORMED_ARN",
            Severity.ERROR,
            "$.Statement[0].Resource[0]",
            "5 of the 6"),
        Arguments.of(
            "malformed account",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItem\"], \"Resource\":"
                    + " [\"arn:aws:dynamodb:eu-west-1:12345:table/orders\"]}"),
            "MALFORMED_ARN",
            Severity.ERROR,
            "$.Statement[0].Resource[0]",
            "malformed account"),
        Arguments.of(
            "not an ARN",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\":"
                    + " [\"media/*\"]}"),
            "MALFORMED_ARN",
            Severity.ERROR,
            "$.Statement[0].Resource[0]",
            "does not start with arn:"),
        Arguments.of(
            "CloudFormation pseudo parameter",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItem\"], \"Resource\":"
                    + " [\"arn:aws:dynamodb:eu-west-1:${AWS::AccountId}:table/orders\"]}"),
            "PLACEHOLDER",
            Severity.ERROR,
            "$.Statement[0].Resource[0]",
            "${AWS::AccountId}"),
        Arguments.of(
            "Terraform interpolation",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItem\"], \"Resource\":"
                    + " [\"arn:aws:dynamodb:eu-west-1:${var.account}:table/orders\"]}"),
            "PLACEHOLDER",
            Severity.ERROR,
            "$.Statement[0].Resource[0]",
            "${var.account}"),
        Arguments.of(
            "angle placeholder",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItem\"], \"Resource\":"
                    + " [\"arn:aws:dynamodb:eu-west-1:<ACCOUNT_ID>:table/orders\"]}"),
            "PLACEHOLDER",
            Severity.ERROR,
            "$.Statement[0].Resource[0]",
            "<ACCOUNT_ID>"),
        Arguments.of(
            "intrinsic function",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItem\"], \"Resource\":"
                    + " [{\"Fn::GetAtt\": [\"Orders\", \"Arn\"]}]}"),
            "PLACEHOLDER",
            Severity.ERROR,
            "$.Statement[0].Resource[0]",
            "Fn::GetAtt"),
        Arguments.of(
            "every action",
            policy("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}"),
            "WILDCARD",
            Severity.WARNING,
            "$.Statement[0].Action",
            "full administrator access"),
        Arguments.of(
            "whole service",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"sqs:*\"], \"Resource\":"
                    + " [\"arn:aws:sqs:eu-west-1:123456789012:jobs\"]}"),
            "WILDCARD",
            Severity.WARNING,
            "$.Statement[0].Action[0]",
            "every action of the service"),
        Arguments.of(
            "wildcard with permissions management",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:PutBucket*\"], \"Resource\":"
                    + " [\"arn:aws:s3:::media\"]}"),
            "WILDCARD",
            Severity.WARNING,
            "$.Statement[0].Action[0]",
            "including permissions management"),
        Arguments.of(
            "Resource * for scopable action",
            policy("{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\": \"*\"}"),
            "WILDCARD",
            Severity.WARNING,
            "$.Statement[0].Resource",
            "can be scoped to resources: s3:GetObject"),
        Arguments.of(
            "every table",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"dynamodb:GetItem\"], \"Resource\":"
                    + " [\"arn:aws:dynamodb:*:*:table/*\"]}"),
            "WILDCARD",
            Severity.WARNING,
            "$.Statement[0].Resource[0]",
            "matches every table of dynamodb in every region and account"),
        Arguments.of(
            "NotAction with Allow",
            policy(
                "{\"Effect\": \"Allow\", \"NotAction\": [\"iam:*\"], \"Resource\":"
                    + " [\"arn:aws:s3:::media/in/*\"]}"),
            "WILDCARD",
            Severity.WARNING,
            "$.Statement[0].NotAction",
            "allows everything that is not listed"),
        Arguments.of(
            "duplicate statement",
            "{\"Version\": \"2012-10-17\", \"Statement\": ["
                + GET_MEDIA
                + ", "
                + GET_MEDIA.replace("\"Read\"", "\"Again\"")
                + "]}",
            "DUPLICATE_STATEMENT",
            Severity.WARNING,
            "$.Statement[1]",
            "same as $.Statement[0]"),
        Arguments.of(
            "redundant statement",
            "{\"Version\": \"2012-10-17\", \"Statement\": ["
                + GET_MEDIA.replace("media/in/*", "media/*")
                + ", "
                + GET_MEDIA.replace("\"Read\"", "\"ReadIn\"")
                + "]}",
            "REDUNDANT_STATEMENT",
            Severity.WARNING,
            "$.Statement[1]",
            "$.Statement[0] already does"),
        Arguments.of(
            "action listed twice",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:getobject\"],"
                    + " \"Resource\": [\"arn:aws:s3:::media/in/*\"]}"),
            "DUPLICATE_ENTRY",
            Severity.WARNING,
            "$.Statement[0].Action[1]",
            "listed twice"),
        Arguments.of(
            "resource covered in the same list",
            policy(
                "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\":"
                    + " [\"arn:aws:s3:::media/*\", \"arn:aws:s3:::media/in/*\"]}"),
            "DUPLICATE_ENTRY",
            Severity.WARNING,
            "$.Statement[0].Resource[1]",
            "already covered by arn:aws:s3:::media/*"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_findsTheMistake(
      String name, String policy, String rule, Severity severity, String path, String words) {
    List<Problem> problems = IDENTITY.validate(policy);
    assertThat(problems)
        .as("problems of %s", name)
        .anySatisfy(
            p -> {
              assertThat(p.rule()).isEqualTo(rule);
              assertThat(p.severity()).isEqualTo(severity);
              assertThat(p.path()).isEqualTo(path);
              assertThat(p.message() + " / " + p.fix()).contains(words);
              assertThat(p.fix()).isNotBlank();
            });
    assertThat(problems)
        .as("no other problem than %s in %s", rule, name)
        .allSatisfy(
            p -> assertThat(p.rule()).isIn(rule, "GRAMMAR", "WILDCARD", "RESOURCE_MISMATCH"));
  }

  @Test
  void validate_cleanPolicy_hasNoProblems() {
    String policy =
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "ListIncoming",
              "Effect": "Allow",
              "Action": ["s3:ListBucket"],
              "Resource": ["arn:aws:s3:::media"],
              "Condition": {"StringLike": {"s3:prefix": ["incoming/*"]}}
            },
            {
              "Sid": "Traces",
              "Effect": "Allow",
              "Action": ["xray:PutTraceSegments"],
              "Resource": "*"
            },
            {
              "Sid": "Decrypt",
              "Effect": "Allow",
              "Action": "kms:Decrypt",
              "Resource": "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c",
              "Condition": {"StringEquals": {"kms:ViaService": "s3.eu-west-1.amazonaws.com"}}
            },
            {
              "Sid": "Home",
              "Effect": "Allow",
              "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::media/home/${aws:username}/*"
            }
          ]
        }
        """;
    assertThat(IDENTITY.validate(policy)).isEmpty();
  }

  @Test
  void validate_givesTheLineOfEachProblem() {
    String policy =
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Action": "sqs:SendMessageBatch",
             "Resource": "arn:aws:sqs:eu-west-1:123456789012:jobs"}
          ]
        }
        """;
    Problem p = IDENTITY.validate(policy).get(0);
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.path()).isEqualTo("$.Statement[0].Action");
  }

  @Test
  void validate_resourcePolicy_needsAPrincipal() {
    PolicyValidator resource = PolicyValidator.bundled(PolicyType.RESOURCE);
    List<Problem> problems =
        resource.validate(
            policy(
                "{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\":"
                    + " \"arn:aws:s3:::media/*\"}"));
    assertThat(problems)
        .extracting(Problem::message)
        .contains("a statement of a resource policy needs a Principal");
    assertThat(
            resource.validate(
                policy(
                    "{\"Effect\": \"Allow\", \"Principal\": {\"Service\":"
                        + " \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}")))
        .isEmpty();
  }

  @Test
  void validate_sizeOverTheLimits() {
    StringBuilder resources = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      resources
          .append(i == 0 ? "" : ", ")
          .append("\"arn:aws:s3:::acme-receipts-")
          .append(i)
          .append("/*\"");
    }
    String big =
        policy(
            "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\"], \"Resource\": ["
                + resources
                + "]}");
    assertThat(IDENTITY.validate(big))
        .anySatisfy(p -> assertThat(p.rule() + " " + p.severity()).isEqualTo("POLICY_SIZE ERROR"));
    String medium =
        big.substring(0, big.indexOf("\"arn:aws:s3:::acme-receipts-200"))
            + "\"arn:aws:s3:::x/*\"]}]}";
    assertThat(IDENTITY.validate(medium))
        .anySatisfy(
            p -> assertThat(p.rule() + " " + p.severity()).isEqualTo("POLICY_SIZE WARNING"));
  }
}
