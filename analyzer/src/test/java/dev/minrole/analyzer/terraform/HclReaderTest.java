package dev.minrole.analyzer.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HclReaderTest {
  private static HclFile parse(String text) {
    return HclReader.parse(text, Path.of("main.tf"), "main.tf");
  }

  @Test
  void parse_whenBlocksAndAttributes_keepsLabelsAndLines() {
    HclFile file =
        parse(
            """
            variable "stage" {
              default = "prod"
            }

            resource "aws_sqs_queue" "jobs" {
              name = "jobs-${var.stage}"
              redrive_policy {
                max = 3
              }
            }
            """);

    assertThat(file.findings()).isEmpty();
    HclBlock queue = file.blocks().get(1);
    assertThat(queue.type()).isEqualTo("resource");
    assertThat(queue.labels()).containsExactly("aws_sqs_queue", "jobs");
    assertThat(queue.location().line()).isEqualTo(5);
    assertThat(queue.attribute("name").orElseThrow().location().line()).isEqualTo(6);
    assertThat(queue.attribute("name").orElseThrow().expression())
        .isInstanceOf(HclExpr.Template.class);
    assertThat(queue.blocks("redrive_policy")).hasSize(1);
  }

  @Test
  void parse_whenSyntaxError_reportsTheLineAndKeepsTheBlocksBefore() {
    HclFile file =
        parse(
            """
            resource "aws_sqs_queue" "jobs" {
              name = "jobs"
            }

            resource "aws_sqs_queue" "broken" {
              name "broken"
            }
            """);

    assertThat(file.findings()).hasSize(1);
    assertThat(file.findings().get(0).id()).isEqualTo("TEMPLATE_ERROR");
    assertThat(file.findings().get(0).location().toString()).isEqualTo("main.tf:6");
    assertThat(file.blocks()).extracting(b -> b.label(1)).containsExactly("jobs");
  }

  @Test
  void parse_whenFileEndsInsideABlock_reportsWhatIsLeftOutside() {
    HclFile file =
        parse(
            """
            resource "aws_sqs_queue" "jobs" {
              name = "jobs"
            """);

    assertThat(file.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("TEMPLATE_ERROR");
              assertThat(f.location().toString()).isEqualTo("main.tf:2");
              assertThat(f.message()).contains("not closed");
            });
    assertThat(file.blocks()).isEmpty();
    assertThat(file.attributes()).isEmpty();
  }

  @Test
  void parse_whenListHoldsConditionals_splitsElementsAtOperands() {
    HclFile file =
        parse(
            """
            locals {
              names = [var.stage == "prod" ? "live" : "test", "extra"]
            }
            """);

    HclExpr names = file.blocks().get(0).attribute("names").orElseThrow().expression();
    assertThat(names).isInstanceOf(HclExpr.Tuple.class);
    HclExpr.Tuple tuple = (HclExpr.Tuple) names;
    assertThat(tuple.items()).hasSize(2);
    assertThat(tuple.items().get(0)).isInstanceOf(HclExpr.Conditional.class);
  }

  @Test
  void expression_whenInterpolationText_parsesIt() {
    assertThat(HclReader.expression("aws_sqs_queue.jobs.arn", 4, "main.tf"))
        .hasValueSatisfying(
            e -> {
              assertThat(e).isInstanceOf(HclExpr.Reference.class);
              assertThat(((HclExpr.Reference) e).dotted()).isEqualTo("aws_sqs_queue.jobs.arn");
              assertThat(e.line()).isEqualTo(4);
            });
  }
}
