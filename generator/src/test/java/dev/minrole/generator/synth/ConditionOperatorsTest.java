package dev.minrole.generator.synth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionOperatorsTest {
  @ParameterizedTest
  @CsvSource({
    "StringEquals, s3.eu-west-1.amazonaws.com, StringEquals",
    "StringEquals, s3.*.amazonaws.com, StringLike",
    "StringNotEquals, uploads/?, StringNotLike",
    "StringLike, incoming/*, StringLike",
    "ForAnyValue:StringEquals, team-*, ForAnyValue:StringLike",
    "StringEqualsIfExists, team-*, StringLikeIfExists",
    "ArnEquals, arn:aws:sns:*:*:alerts, ArnLike",
  })
  void forValue_usesTheLikeFormOnlyForWildcards(String operator, String value, String expected) {
    assertThat(ConditionOperators.forValue(operator, value)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"StringEqualsIgnoreCase, s3.*.amazonaws.com", "NumericEquals, 1*"})
  void forValue_whenTheOperatorHasNoWildcardForm_isEmpty(String operator, String value) {
    assertThat(ConditionOperators.forValue(operator, value)).isEmpty();
  }
}
