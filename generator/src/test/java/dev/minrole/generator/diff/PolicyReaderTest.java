package dev.minrole.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyReaderTest {
  @Test
  void read_keepsBooleanAndNumberConditionValues_thatFromJsonWouldDrop() throws Exception {
    String text =
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "s3:GetObject",
              "Resource": "*",
              "Condition": {"Bool": {"aws:SecureTransport": true}, "NumericLessThan": {"s3:max-keys": 10}}
            }
          ]
        }
        """;
    PolicyDocument doc = PolicyReader.read(text, "p.json", "p.json").get(0);
    StatementView s = StatementView.of(doc, 0);
    assertThat(s.describeConditions())
        .isEqualTo("Bool aws:SecureTransport true and NumericLessThan s3:max-keys 10");
    assertThat(doc.statement(0).location().line()).isEqualTo(4);
    assertThat(doc.statement(0).path()).isEqualTo("$.Statement[0]");
  }

  @Test
  void read_acceptsAListOfPolicies_andTheOutputOfGetRolePolicy() throws Exception {
    String list =
        "[{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}},"
            + " {\"Statement\": [{\"Effect\": \"Deny\", \"NotAction\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::x\"}]}]";
    List<PolicyDocument> docs = PolicyReader.read(list, "l.json", "l.json");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).statement(0).path()).isEqualTo("$[0].Statement");
    assertThat(docs.get(1).statement(0).path()).isEqualTo("$[1].Statement[0]");
    String wrapped =
        "{\"RoleName\": \"r\", \"PolicyName\": \"p\", \"PolicyDocument\": {\"Statement\": [{\"Effect\": \"Allow\","
            + " \"Action\": [\"sqs:SendMessage\"], \"Resource\": [\"*\"]}]}}";
    assertThat(PolicyReader.read(wrapped, "w.json", "w.json").get(0).statement(0).path())
        .isEqualTo("$.PolicyDocument.Statement[0]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Statement\": [{\"Effect\": \"allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}"
            + "| p.json:1: $.Statement[0].Effect is \"allow\"; it must be \"Allow\" or \"Deny\" (case matters)",
        "{\"Statement\": [{\"Action\": \"s3:*\", \"Resource\": \"*\"}]}"
            + "| p.json:1: $.Statement[0] has no Effect; add \"Effect\": \"Allow\" or \"Deny\"",
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:*\", 5], \"Resource\": \"*\"}]}"
            + "| p.json:1: $.Statement[0].Action[1] is a number; expected a string",
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\"}]}"
            + "| p.json:1: $.Statement[0] has neither Resource nor NotResource; an identity policy statement needs one",
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]}"
            + "| p.json:1: $.Statement[0].Principal is not allowed in an identity policy; give the role's permission"
            + " policies, not a trust policy or a resource policy",
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\", \"Resource\": \"x\"}]}"
            + "| p.json:1: $.Statement[0].Resource appears twice; IAM would use only one of them, so merge them",
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\","
            + " \"Condition\": {\"StringEquals\": {\"aws:SourceVpc\": []}}}]}"
            + "| p.json:1: $.Statement[0].Condition.StringEquals.aws:SourceVpc is an empty list; give at least one value",
        "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}]|"
            + " p.json:1:71: not valid JSON (Unexpected end-of-input: expected close marker for Object)",
        "[]| p.json:1: $ is an empty list; expected IAM policy documents",
        "{\"Version\": \"2012-10-17\"}| p.json:1: $ has no Statement; an identity policy needs at least one statement",
        "{\"Statement\": [], \"Extra\": 1}| p.json:1: $.Extra is not a policy element; a policy has Version, Id and Statement"
      })
  void read_whenPolicyIsBad_namesFileAndJsonPathInOneLine(String text, String message) {
    assertThatThrownBy(() -> PolicyReader.read(text, "p.json", "p.json"))
        .isInstanceOf(PolicyInputException.class)
        .hasMessage(message.strip());
  }
}
