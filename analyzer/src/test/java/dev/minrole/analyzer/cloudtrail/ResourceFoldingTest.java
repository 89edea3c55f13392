package dev.minrole.analyzer.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceFoldingTest {
  @ParameterizedTest
  @CsvSource({
    "arn:aws:s3:::b/in/2024/x.jpg, 3, arn:aws:s3:::b/in/2024/*",
    "arn:aws:s3:::b/in/2024/*,     2, arn:aws:s3:::b/in/*",
    "arn:aws:s3:::b/in/*,          1, arn:aws:s3:::b/*",
    "arn:aws:s3:::b/x.jpg,         1, arn:aws:s3:::b/*",
    "arn:aws:s3:::b/*,             0, arn:aws:s3:::b/*",
    "arn:aws:s3:::b,               0, arn:aws:s3:::b",
    "arn:aws:dynamodb:us-east-1:111122223333:table/orders, 1,"
        + " arn:aws:dynamodb:us-east-1:111122223333:table/*",
    "arn:aws:sqs:us-east-1:111122223333:queue, 0, arn:aws:sqs:us-east-1:111122223333:queue",
  })
  void foldOnce_goesOneFolderUpAndNeverAboveTheFirstSegment(String arn, int level, String folded) {
    assertThat(ResourceFolding.level(arn)).isEqualTo(level);
    assertThat(ResourceFolding.foldOnce(arn)).isEqualTo(folded);
  }
}
