package dev.minrole.generator.synth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PascalCaseTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "order-handler        | OrderHandler",
        "Outer Inner          | OuterInner",
        "handleRequest        | HandleRequest",
        "acme_media/uploads/* | AcmeMediaUploads",
        "dynamodb             | Dynamodb",
        "2024-reports         | 2024Reports",
        "'-- *'               | ''",
      })
  void of_keepsLettersAndDigits_andCapitalizesEachWord(String text, String pascal) {
    assertThat(PascalCase.of(text)).isEqualTo(pascal);
  }
}
