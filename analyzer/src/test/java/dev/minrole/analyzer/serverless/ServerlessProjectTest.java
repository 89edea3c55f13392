package dev.minrole.analyzer.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.template.RoleRef;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.analyzer.template.TemplateProject;
import dev.minrole.analyzer.template.TemplateResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerlessProjectTest {
  @TempDir Path dir;

  private TemplateProject load(String yaml, Map<String, String> parameters, Map<String, String> env)
      throws IOException {
    Path file = dir.resolve("serverless.yml");
    Files.writeString(file, yaml);
    return ServerlessProject.load(
        file,
        "serverless.yml",
        new TemplateResolver.Options(
            parameters,
            Optional.empty(),
            Optional.of("eu-west-1"),
            Optional.of("111122223333"),
            "aws"),
        env);
  }

  private static String value(TemplateFunction f, String variable) {
    return f.environment().get(variable).values().get(0).pattern();
  }

  @Test
  void load_whenVariables_resolvesOptionsSelfEnvAndFilesWithFallbacks() throws IOException {
    Files.writeString(dir.resolve("prod.yml"), "bucket: docs-prod\n");
    TemplateProject project =
        load(
            """
            service: orders
            custom:
              tables:
                prod: orders-live
            provider:
              name: aws
              stage: ${opt:stage, 'dev'}
              environment:
                TABLE: ${self:custom.tables.${sls:stage}}
                BUCKET: ${file(./${sls:stage}.yml):bucket}
                TOPIC: ${env:TOPIC, 'events'}-${sls:stage}
                ACCOUNT: ${aws:accountId}
            functions:
              create:
                handler: com.acme.Create::handleRequest
            """,
            Map.of("stage", "prod"),
            Map.of());

    TemplateFunction create = project.functions().get(0);
    assertThat(create.logicalId()).isEqualTo("create");
    assertThat(value(create, "TABLE")).isEqualTo("orders-live");
    assertThat(value(create, "BUCKET")).isEqualTo("docs-prod");
    assertThat(value(create, "TOPIC")).isEqualTo("events-prod");
    assertThat(value(create, "ACCOUNT")).isEqualTo("111122223333");
    assertThat(create.functionName())
        .extracting(ArgValue::pattern)
        .containsExactly("orders-prod-create");
    assertThat(project.findings()).isEmpty();
  }

  @Test
  void load_whenVariableUndefinedOrRemote_reportsItAndLeavesTheValueUnknown() throws IOException {
    TemplateProject project =
        load(
            """
            service: orders
            provider:
              name: aws
              environment:
                TABLE: ${self:custom.missing}
                SUBNET: ${cf:network.Subnet}
            functions:
              create:
                handler: com.acme.Create::handleRequest
            """,
            Map.of(),
            Map.of());

    assertThat(project.findings())
        .extracting(Finding::id, f -> f.location().toString())
        .contains(
            org.assertj.core.groups.Tuple.tuple("TEMPLATE_ERROR", "serverless.yml:5"),
            org.assertj.core.groups.Tuple.tuple("TEMPLATE_UNRESOLVED", "serverless.yml:6"));
    TemplateFunction create = project.functions().get(0);
    assertThat(create.environment().get("TABLE").values().get(0))
        .isInstanceOf(ArgValue.Unknown.class);
  }

  @Test
  void load_whenProviderStatements_givesEveryFunctionTheGeneratedSharedRole() throws IOException {
    TemplateProject project =
        load(
            """
            service: orders
            provider:
              name: aws
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: dynamodb:*
                      Resource: "*"
            functions:
              a:
                handler: com.acme.A::handleRequest
              b:
                handler: com.acme.B::handleRequest
            """,
            Map.of(),
            Map.of());

    assertThat(project.functions())
        .extracting(TemplateFunction::role)
        .containsOnly(new RoleRef.Resource("IamRoleLambdaExecution"));
    assertThat(project.functions().get(0).logGroupDeclared()).isTrue();
  }

  @Test
  void load_whenPerFunctionPlugin_givesFunctionsWithStatementsTheirOwnRole() throws IOException {
    TemplateProject project =
        load(
            """
            service: orders
            plugins:
              - serverless-iam-roles-per-function
            provider:
              name: aws
            functions:
              a:
                handler: com.acme.A::handleRequest
                iamRoleStatements:
                  - Effect: Allow
                    Action: sqs:SendMessage
                    Resource: "*"
              b:
                handler: com.acme.B::handleRequest
            """,
            Map.of(),
            Map.of());

    assertThat(project.functions())
        .extracting(TemplateFunction::role)
        .containsExactly(
            new RoleRef.Resource("AIamRoleLambdaExecution"),
            new RoleRef.Resource("IamRoleLambdaExecution"));
  }
}
