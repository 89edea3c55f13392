package dev.minrole.generator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.generator.mapping.OperationMapper.Coverage;
import org.junit.jupiter.api.Test;

class CoverageReportTest {
  private static final CoverageReport REPORT =
      CoverageReport.of(SdkInventory.bundled(), OperationMapper.bundled());

  @Test
  void lambdaServices_everyOperationIsMappedOrClassified() {
    assertThat(REPORT.rows()).hasSize(30);
    assertThat(REPORT.total().unclassified())
        .as("operations neither mapped nor classified")
        .isEmpty();
    assertThat(REPORT.total().percent()).isEqualTo("100.0");
  }

  @Test
  void rows_countEveryOperationOnce() {
    CoverageReport.Row s3 = REPORT.rows().get(0);

    assertThat(s3.service()).isEqualTo("S3");
    assertThat(s3.operations())
        .isEqualTo(
            SdkInventory.bundled()
                .serviceByClientName("S3Client")
                .orElseThrow()
                .operations()
                .size());
    assertThat(s3.count(Coverage.OVERRIDE)).isGreaterThan(50);
  }

  @Test
  void ec2_countsOnlyDescribeOperations() {
    CoverageReport.Row ec2 =
        REPORT.rows().stream().filter(r -> r.service().startsWith("EC2")).findFirst().orElseThrow();
    long describe =
        SdkInventory.bundled().serviceByClientName("Ec2Client").orElseThrow().operations().stream()
            .filter(op -> op.name().startsWith("Describe"))
            .count();

    assertThat(ec2.operations()).isEqualTo(describe);
  }

  @Test
  void markdown_hasOneLinePerServiceAndTheTotals() {
    String md = REPORT.markdown();

    assertThat(md.lines()).hasSize(2 + 30 + 2);
    assertThat(md)
        .contains("| S3 | S3Client |")
        .contains("**Total (30 services)**")
        .contains("**Whole SDK");
  }
}
