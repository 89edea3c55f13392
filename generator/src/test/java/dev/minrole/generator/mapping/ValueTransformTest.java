package dev.minrole.generator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTransformTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "copySourceBucket | src/a/b.txt | src",
        "copySourceKey | src/a/b.txt | a/b.txt",
        "copySourceBucket | /src/a.txt?versionId=v1 | src",
        "copySourceKey | /src/a.txt?versionId=v1 | a.txt",
        "copySourceKey | src/dir%20x/a+b%2Bc.txt | dir x/a+b+c.txt",
        "copySourceKey | src/* | *",
        "partiqlTable | SELECT * FROM \"orders\" WHERE pk=? | orders",
        "partiqlTable | select a from orders | orders",
        "partiqlTable | INSERT INTO \"orders\" VALUE {'pk': ?} | orders",
        "partiqlTable | UPDATE \"orders\" SET a=1 | orders",
        "partiqlTable | DELETE FROM \"my.table\" WHERE pk=? | my.table",
        "partiqlTable | SELECT * FROM \"orders\".\"byCustomer\" | orders/index/byCustomer",
        "partiqlTable | SELECT * FROM \"*\" | *",
        "inferenceProfileModel | us.anthropic.claude-3-haiku-20240307-v1:0 |"
            + " anthropic.claude-3-haiku-20240307-v1:0",
      })
  void apply_whenValueIsUsable_givesTheArnPart(String transform, String value, String part) {
    assertThat(ValueTransform.parse(transform).apply(value))
        .isEqualTo(new ValueTransform.Part(part));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "copySourceBucket | no-slash",
        "copySourceKey | arn:aws:s3:eu-west-1:111122223333:accesspoint/ap/object/k",
        "partiqlTable | EXISTS(1)",
        "locationBucket | https://acme-athena.s3.amazonaws.com/results/",
        "athenaTable | SELECT 1",
        "athenaTable | SELECT * FROM orders o JOIN customers c ON o.c = c.id",
        "rdsResourceId | orders.cluster-abc.eu-west-1.rds.amazonaws.com",
      })
  void apply_whenValueIsNotUsable_saysWhy(String transform, String value) {
    assertThat(ValueTransform.parse(transform).apply(value))
        .isInstanceOf(ValueTransform.Invalid.class);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "locationBucket | s3://acme-athena/results/ | acme-athena",
        "locationKey | s3://acme-athena/results/ | results/*",
        "locationKey | s3://acme-athena | *",
        "athenaTable | SELECT * FROM \"sales\".\"orders\" LIMIT 10 | orders",
        "athenaDatabase | select count(*) from sales.orders | sales",
        "athenaTable | SELECT * FROM orders o JOIN orders p ON o.id = p.parent | orders",
      })
  void apply_whenLocationOrQueryIsUsable_givesTheArnPart(
      String transform, String value, String part) {
    assertThat(ValueTransform.parse(transform).apply(value))
        .isEqualTo(new ValueTransform.Part(part));
  }

  @org.junit.jupiter.api.Test
  void apply_whenQueryDoesNotQualifyItsTable_leavesTheDatabaseToTheNextSource() {
    assertThat(ValueTransform.ATHENA_DATABASE.apply("SELECT * FROM orders"))
        .isInstanceOf(ValueTransform.Declined.class);
  }

  @ParameterizedTest
  @CsvSource({
    "QUEUE_URL,queueUrl",
    "NAME_OR_ARN,nameOrArn",
    "PARTIQL_TABLE,partiqlTable",
    "LOCATION_BUCKET,locationBucket",
    "ATHENA_TABLE,athenaTable",
    "RDS_RESOURCE_ID,rdsResourceId"
  })
  void dataName_isTheNameTheMappingDataUses(ValueTransform transform, String name) {
    assertThat(transform.dataName()).isEqualTo(name);
    assertThat(ValueTransform.parse(name)).isEqualTo(transform);
  }
}
