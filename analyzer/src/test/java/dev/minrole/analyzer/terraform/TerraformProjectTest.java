package dev.minrole.analyzer.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.template.DeclaredPolicy;
import dev.minrole.analyzer.template.RoleRef;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.analyzer.template.WrittenStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformProjectTest {
  @TempDir Path dir;

  private static final String FUNCTION =
      """
      resource "aws_iam_role" "fn" {
        name = "fn-role"
      }

      resource "aws_lambda_function" "fn" {
        function_name = "orders-${var.stage}"
        role          = aws_iam_role.fn.arn
        handler       = "com.acme.Handler::handleRequest"
        environment {
          variables = {
            TABLE = aws_dynamodb_table.orders.name
            ARN   = aws_dynamodb_table.orders.arn
            QUEUE = aws_sqs_queue.jobs.url
          }
        }
      }

      resource "aws_dynamodb_table" "orders" {
        name = local.table
      }

      resource "aws_sqs_queue" "jobs" {
        name = "jobs"
      }
      """;

  private TerraformProject load(Map<String, String> parameters, String... files)
      throws IOException {
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(dir.resolve(files[i]), files[i + 1]);
    }
    return TerraformProject.load(
        dir,
        "",
        new TerraformEvaluator.Options(
            parameters, Optional.of("eu-west-1"), Optional.of("111122223333"), "aws"));
  }

  private static List<String> values(TemplateFunction f, String variable) {
    return f.environment().get(variable).values().stream().map(ArgValue::pattern).toList();
  }

  @Test
  void load_whenVariablesComeFromDefaultsTfvarsAndParameters_appliesTerraformsPrecedence()
      throws IOException {
    TerraformProject project =
        load(
            Map.of("stage", "prod"),
            "main.tf",
            FUNCTION,
            "variables.tf",
            """
            variable "stage" {
              default = "dev"
            }
            variable "team" {
              default = "core"
            }
            locals {
              table = format("%s-%s", var.team, join("-", concat(["orders"], [var.stage])))
            }
            """,
            "terraform.tfvars",
            "stage = \"test\"\nteam = \"sales\"\n",
            "z.auto.tfvars",
            "team = \"billing\"\n");

    TemplateFunction fn = project.functions().get(0);
    assertThat(fn.logicalId()).isEqualTo("fn");
    assertThat(fn.functionName()).extracting(ArgValue::pattern).containsExactly("orders-prod");
    assertThat(values(fn, "TABLE")).containsExactly("billing-orders-prod");
    assertThat(values(fn, "ARN"))
        .containsExactly("arn:aws:dynamodb:eu-west-1:111122223333:table/billing-orders-prod");
    assertThat(values(fn, "QUEUE"))
        .containsExactly("https://sqs.eu-west-1.amazonaws.com/111122223333/jobs");
    assertThat(fn.role()).isEqualTo(new RoleRef.Resource("aws_iam_role.fn"));
  }

  @Test
  void load_whenAValueIsAForExpression_evaluatesItOverKnownCollections() throws IOException {
    TerraformProject project =
        load(
            Map.of(),
            "main.tf",
            """
            variable "queues" {
              default = { ingest = 30, alerts = 60 }
            }
            resource "aws_iam_role" "fn" {
              name = "fn-role"
            }
            resource "aws_sqs_queue" "q" {
              for_each = var.queues
              name     = "fleet-${each.key}"
            }
            variable "topics" {}
            resource "aws_sns_topic" "t" {
              for_each = var.topics
              name     = each.key
            }
            locals {
              names = ["a", "b"]
            }
            resource "aws_lambda_function" "fn" {
              function_name = "fleet"
              role          = aws_iam_role.fn.arn
              handler       = "com.acme.Handler::handleRequest"
              environment {
                variables = {
                  INGEST  = join(",", [for k, q in aws_sqs_queue.q : q.arn if k == "ingest"])
                  ALL     = join(",", [for q in aws_sqs_queue.q : q.url])
                  PREFIXED = join(",", [for n in local.names : "p-${n}"])
                  BIG      = join(",", [for name, timeout in var.queues : name if timeout > 45])
                  UNKNOWN_KEYS = join(",", [for t in aws_sns_topic.t : t.arn])
                }
              }
            }
            """);
    TemplateFunction fn = project.functions().get(0);
    // Over a variable or a local: evaluated, condition and all.
    assertThat(values(fn, "PREFIXED")).containsExactly("p-a,p-b");
    assertThat(values(fn, "BIG")).containsExactly("alerts");
    // Over a resource's for_each instances: each instance's attributes, keys in lexical order.
    assertThat(values(fn, "INGEST"))
        .containsExactly("arn:aws:sqs:eu-west-1:111122223333:fleet-ingest");
    assertThat(values(fn, "ALL"))
        .containsExactly(
            "https://sqs.eu-west-1.amazonaws.com/111122223333/fleet-alerts,"
                + "https://sqs.eu-west-1.amazonaws.com/111122223333/fleet-ingest");
    assertThat(values(fn, "UNKNOWN_KEYS")).containsExactly("*");
  }

  @Test
  void load_whenReferenceToNothing_reportsItAtItsLineAndLeavesTheValueUnknown() throws IOException {
    TerraformProject project =
        load(
            Map.of(),
            "main.tf",
            FUNCTION.replace("aws_dynamodb_table.orders.name", "aws_dynamodb_table.order.name"),
            "vars.tf",
            "variable \"stage\" {}\nlocals {\n  table = \"orders\"\n}\n");

    assertThat(project.findings())
        .extracting(Finding::id, f -> f.location().toString())
        .contains(
            org.assertj.core.groups.Tuple.tuple("TEMPLATE_ERROR", "main.tf:11"),
            org.assertj.core.groups.Tuple.tuple("TEMPLATE_UNRESOLVED", "vars.tf:1"));
    TemplateFunction fn = project.functions().get(0);
    assertThat(fn.environment().get("TABLE").values())
        .singleElement()
        .isInstanceOf(ArgValue.Unknown.class);
    assertThat(values(fn, "ARN"))
        .containsExactly("arn:aws:dynamodb:eu-west-1:111122223333:table/orders");
  }

  @Test
  void load_whenRolePoliciesAreHeredocAndPolicyDocument_keepsEachStatementsLine()
      throws IOException {
    TerraformProject project =
        load(
            Map.of(),
            "main.tf",
            FUNCTION.replace("${var.stage}", "prod"),
            "locals.tf",
            "locals {\n  table = \"orders\"\n}\n",
            "iam.tf",
            """
            resource "aws_iam_role_policy" "fn" {
              role   = aws_iam_role.fn.id
              policy = <<EOF
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": "dynamodb:*",
                  "Resource": "${aws_dynamodb_table.orders.arn}"
                }
              ]
            }
            EOF
            }

            data "aws_iam_policy_document" "queue" {
              statement {
                actions   = ["sqs:SendMessage"]
                resources = [aws_sqs_queue.jobs.arn]
              }
            }

            resource "aws_iam_policy" "queue" {
              policy = data.aws_iam_policy_document.queue.json
            }

            resource "aws_iam_role_policy_attachment" "queue" {
              role       = aws_iam_role.fn.name
              policy_arn = aws_iam_policy.queue.arn
            }

            resource "aws_iam_role_policy_attachment" "logs" {
              role       = "fn-role"
              policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
            }
            """);

    List<DeclaredPolicy> declared = project.functions().get(0).declaredPolicies();
    assertThat(declared).hasSize(3);
    DeclaredPolicy.Written inline = (DeclaredPolicy.Written) declared.get(0);
    assertThat(inline.name()).isEqualTo("aws_iam_role_policy.fn");
    WrittenStatement statement = inline.statements().get(0);
    assertThat(statement.location().toString()).isEqualTo("iam.tf:7");
    assertThat(statement.resources())
        .extracting(ArgValue::pattern)
        .containsExactly("arn:aws:dynamodb:eu-west-1:111122223333:table/orders");
    DeclaredPolicy.Written managed = (DeclaredPolicy.Written) declared.get(1);
    assertThat(managed.managed()).isTrue();
    assertThat(managed.statements().get(0).location().toString()).isEqualTo("iam.tf:18");
    assertThat(managed.statements().get(0).actions())
        .extracting(ArgValue::pattern)
        .containsExactly("sqs:SendMessage");
    assertThat(declared.get(2)).isInstanceOf(DeclaredPolicy.Managed.class);
  }

  @Test
  void load_whenTwoFunctionsShareARole_reportsSharedRoleForBoth() throws IOException {
    TerraformProject project =
        load(
            Map.of(),
            "main.tf",
            FUNCTION.replace("${var.stage}", "a").replace("local.table", "\"orders\""),
            "second.tf",
            """
            resource "aws_lambda_function" "second" {
              function_name = "second"
              role          = aws_iam_role.fn.arn
              handler       = "com.acme.Second::handleRequest"
            }
            """);

    assertThat(project.checks().get("fn")).extracting(Finding::id).contains("SHARED_ROLE");
    assertThat(project.checks().get("second")).extracting(Finding::id).contains("SHARED_ROLE");
  }
}
