package dev.minrole.analyzer.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateTest {
  @TempDir Path dir;

  private TemplateProject load(String yaml) throws IOException {
    return load(yaml, TemplateResolver.Options.defaults());
  }

  private TemplateProject load(String yaml, TemplateResolver.Options options) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(file, yaml);
    return TemplateProject.load(file, "template.yaml", options);
  }

  private static List<String> patterns(TemplateValue value) {
    return value.values().stream().map(ArgValue::pattern).toList();
  }

  private static final String APP =
      """
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        Stage:
          Type: String
          Default: prod
      Conditions:
        IsProd: !Equals [!Ref Stage, prod]
      Mappings:
        Buckets:
          prod: {Name: media-prod}
          dev: {Name: media-dev}
      Globals:
        Function:
          Tracing: Active
          Environment:
            Variables:
              STAGE: !Ref Stage
      Resources:
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Handler: app.Handler::handleRequest
            CodeUri: fn/
            Environment:
              Variables:
                TABLE: !Ref Orders
                TABLE_ARN: !GetAtt Orders.Arn
                QUEUE: !Ref Jobs
                TOPIC: !Ref Alerts
                BUCKET: !FindInMap [Buckets, !Ref Stage, Name]
                PREFIX: !Sub "${Stage}/uploads/${AWS::Region}"
                MODE: !If [IsProd, strict, lax]
                JOINED: !Join ["-", [orders, !Ref Stage]]
                PICKED: !Select [1, !Split [",", "a,b,c"]]
            Events:
              Work:
                Type: SQS
                Properties:
                  Queue: !GetAtt Jobs.Arn
            DeadLetterQueue:
              Type: SNS
              TargetArn: !Ref Alerts
        Orders:
          Type: AWS::DynamoDB::Table
          Properties:
            TableName: !Sub "orders-${Stage}"
        Jobs:
          Type: AWS::SQS::Queue
        Alerts:
          Type: AWS::SNS::Topic
          Properties:
            TopicName: alerts
      """;

  @Test
  void resolve_refsGetAttsAndFunctions_perResourceTypeSemantics() throws IOException {
    TemplateProject project = load(APP);
    TemplateFunction fn = project.functions().get(0);
    Map<String, TemplateValue> env = fn.environment();
    assertThat(patterns(env.get("STAGE"))).containsExactly("prod");
    assertThat(patterns(env.get("TABLE"))).containsExactly("orders-prod");
    assertThat(patterns(env.get("TABLE_ARN")))
        .containsExactly("arn:aws:dynamodb:*:*:table/orders-prod");
    assertThat(patterns(env.get("QUEUE")))
        .containsExactly("https://sqs.*.amazonaws.com/*/*-Jobs-*");
    assertThat(patterns(env.get("TOPIC"))).containsExactly("arn:aws:sns:*:*:alerts");
    assertThat(patterns(env.get("BUCKET"))).containsExactly("media-prod");
    assertThat(patterns(env.get("PREFIX"))).containsExactly("prod/uploads/*");
    assertThat(patterns(env.get("MODE"))).containsExactly("strict");
    assertThat(patterns(env.get("JOINED"))).containsExactly("orders-prod");
    assertThat(patterns(env.get("PICKED"))).containsExactly("b");
    assertThat(env.get("TABLE").values().get(0))
        .isInstanceOfSatisfying(
            ArgValue.TemplateRef.class,
            r -> {
              assertThat(r.logicalId()).isEqualTo("Orders");
              assertThat(r.cfnType()).isEqualTo("AWS::DynamoDB::Table");
            });
    assertThat(env.get("TABLE").path())
        .isEqualTo("Resources.Fn.Properties.Environment.Variables.TABLE");
    assertThat(env.get("TABLE").location().line()).isEqualTo(26);
    assertThat(project.findings())
        .extracting(f -> f.id() + " " + f.message().substring(0, f.message().indexOf(' ')))
        .containsExactlyInAnyOrder("GENERATED_NAME Jobs", "GENERATED_NAME Fn");
  }

  @Test
  void resolve_withOptions_fillsRegionAccountStackAndParameters() throws IOException {
    TemplateProject project =
        load(
            APP,
            new TemplateResolver.Options(
                Map.of("Stage", "dev"),
                Optional.of("shop"),
                Optional.of("eu-west-1"),
                Optional.of("111122223333"),
                "aws"));
    Map<String, TemplateValue> env = project.functions().get(0).environment();
    assertThat(patterns(env.get("QUEUE")))
        .containsExactly("https://sqs.eu-west-1.amazonaws.com/111122223333/shop-Jobs-*");
    assertThat(patterns(env.get("BUCKET"))).containsExactly("media-dev");
    assertThat(patterns(env.get("MODE"))).containsExactly("lax");
    assertThat(patterns(env.get("PREFIX"))).containsExactly("dev/uploads/eu-west-1");
  }

  @Test
  void functions_readGlobalsEventsDestinationsAndTracing() throws IOException {
    TemplateFunction fn = load(APP).functions().get(0);
    assertThat(fn.handler()).contains("app.Handler::handleRequest");
    assertThat(fn.activeTracing()).isTrue();
    assertThat(fn.eventSources())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo("SQS");
              assertThat(patterns(e.source())).containsExactly("arn:aws:sqs:*:*:*-Jobs-*");
            });
    assertThat(fn.destinations())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo("SNS");
              assertThat(d.purpose()).isEqualTo("dead-letter queue");
            });
    assertThat(fn.role()).isInstanceOf(RoleRef.Generated.class);
    assertThat(patterns(new TemplateValue(fn.functionName(), fn.location(), "")))
        .containsExactly("*-Fn-*");
  }

  @Test
  void brokenTemplates_giveFindingsWithLines_neverCrash() throws IOException {
    TemplateProject invalid = load("Resources:\n  A:\n    Type: [unclosed\n");
    assertThat(invalid.template()).isEmpty();
    assertThat(invalid.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("TEMPLATE_ERROR");
              assertThat(f.severity().label()).isEqualTo("error");
              assertThat(f.location().line()).isPositive();
            });

    TemplateProject broken =
        load(
            """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: app.H
                  Environment:
                    Variables:
                      A: !Ref Missing
                      B: !GetAtt Nowhere.Arn
                      C: !Bogus value
                      D: !If [NoSuchCondition, x, y]
                      E: !GetAtt LoopA.Arn
              LoopA:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !GetAtt LoopB.QueueName
              LoopB:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !GetAtt LoopA.QueueName
            """);
    assertThat(broken.findings())
        .extracting(f -> f.location().line() + " " + f.id())
        .contains("8 TEMPLATE_ERROR", "9 TEMPLATE_ERROR", "10 TEMPLATE_ERROR", "11 TEMPLATE_ERROR");
    assertThat(broken.findings())
        .anySatisfy(f -> assertThat(f.message()).contains("reference cycle"));
    Map<String, TemplateValue> env = broken.functions().get(0).environment();
    assertThat(patterns(env.get("A"))).containsExactly("*");
    assertThat(patterns(env.get("D"))).containsExactly("x", "y");
    assertThat(env.get("C").values())
        .singleElement()
        .satisfies(v -> assertThat(v.describe()).contains("unknown tag !Bogus"));
  }

  @Test
  void jsonTemplatesAndCdkOutput_areReadLikeYaml() throws IOException {
    Path cdk = Files.createDirectories(dir.resolve("cdk.out"));
    Files.writeString(
        cdk.resolve("ShopStack.template.json"),
        """
        {
          "Resources": {
            "OrdersFn12AB": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "Handler": "com.shop.Orders::handle",
                "Role": {"Fn::GetAtt": ["OrdersFnRole34CD", "Arn"]},
                "Environment": {"Variables": {"TABLE": {"Ref": "OrdersTable56EF"}}}
              },
              "Metadata": {"aws:asset:path": "asset.abc123"}
            },
            "OrdersFnRole34CD": {"Type": "AWS::IAM::Role", "Properties": {"ManagedPolicyArns": [{"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]]}]}},
            "OrdersTable56EF": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "orders"}}
          }
        }
        """);
    assertThat(TemplateDiscovery.in(dir)).containsExactly(cdk.resolve("ShopStack.template.json"));
    TemplateProject project =
        TemplateProject.load(
            cdk.resolve("ShopStack.template.json"),
            "cdk.out/ShopStack.template.json",
            TemplateResolver.Options.defaults());
    TemplateFunction fn = project.functions().get(0);
    assertThat(fn.handler()).contains("com.shop.Orders::handle");
    assertThat(patterns(fn.environment().get("TABLE"))).containsExactly("orders");
    assertThat(fn.role()).isEqualTo(new RoleRef.Resource("OrdersFnRole34CD"));
    assertThat(fn.declaredPolicies())
        .singleElement()
        .isInstanceOfSatisfying(
            DeclaredPolicy.Managed.class,
            m ->
                assertThat(m.arn().get(0).pattern())
                    .isEqualTo("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
  }

  @Test
  void functions_readStreamOnFailureDestinations_ofSamEventsAndEventSourceMappings()
      throws IOException {
    TemplateProject project =
        load(
            """
            Resources:
              SamFn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.Sam
                  Events:
                    Clicks:
                      Type: Kinesis
                      Properties:
                        Stream: !GetAtt Clicks.Arn
                        StartingPosition: LATEST
                        DestinationConfig:
                          OnFailure:
                            Type: SNS
                            Destination: !Ref Failures
              CfnFn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: cfn-fn
                  Handler: app.Cfn
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties:
                  FunctionName: !Ref CfnFn
                  EventSourceArn: !GetAtt Clicks.Arn
                  DestinationConfig:
                    OnFailure:
                      Destination: !GetAtt Dlq.Arn
              Clicks:
                Type: AWS::Kinesis::Stream
                Properties:
                  Name: clicks
              Failures:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: failures
              Dlq:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: dlq
            """);
    TemplateFunction sam = project.functions().get(0);
    assertThat(sam.destinations())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo("SNS");
              assertThat(d.purpose()).isEqualTo("on-failure destination");
              assertThat(patterns(d.target())).containsExactly("arn:aws:sns:*:*:failures");
              assertThat(d.target().path())
                  .isEqualTo(
                      "Resources.SamFn.Properties.Events.Clicks.Properties.DestinationConfig.OnFailure.Destination");
            });
    TemplateFunction cfn = project.functions().get(1);
    assertThat(cfn.eventSources()).extracting(EventSource::kind).containsExactly("Kinesis");
    assertThat(cfn.destinations())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo("SQS");
              assertThat(patterns(d.target())).containsExactly("arn:aws:sqs:*:*:dlq");
            });
  }

  @Test
  void rolePolicies_attachedByRefToAGeneratedRole_giveNoGeneratedNameNote() throws IOException {
    TemplateProject project =
        load(
            """
            Resources:
              Role:
                Type: AWS::IAM::Role
              Extra:
                Type: AWS::IAM::Policy
                Properties:
                  Roles: [!Ref Role]
                  PolicyDocument: {Statement: [{Effect: Allow, Action: sqs:SendMessage, Resource: "*"}]}
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: fn
                  Handler: app.Fn
                  Role: !GetAtt Role.Arn
            """);
    assertThat(project.functions().get(0).declaredPolicies())
        .singleElement()
        .isInstanceOf(DeclaredPolicy.Inline.class);
    assertThat(project.findings()).extracting(Finding::id).doesNotContain("GENERATED_NAME");
  }

  @Test
  void role_byGetAttOfAGeneratedRole_isTheResourceWithoutAGeneratedNameNote() throws IOException {
    TemplateProject project =
        load(
            """
            Resources:
              Role:
                Type: AWS::IAM::Role
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: fn
                  Handler: app.Fn
                  Role: !GetAtt Role.Arn
            """);
    assertThat(project.functions().get(0).role()).isEqualTo(new RoleRef.Resource("Role"));
    assertThat(project.findings()).extracting(Finding::id).doesNotContain("GENERATED_NAME");
  }

  @Test
  void checks_sharedRolesPlaintextSecretsAndCredentials() throws IOException {
    TemplateProject project =
        load(
            """
            Resources:
              Role:
                Type: AWS::IAM::Role
              A:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: app.A
                  Role: !GetAtt Role.Arn
                  Environment:
                    Variables:
                      DB_PASSWORD: hunter2
                      API_TOKEN: "{{resolve:secretsmanager:api-token}}"
                      SIGNING_KEY_ALIAS: alias/docs-signing
                      DB_PASSWORD_PARAMETER: /prod/billing/db-password
                      API_KEY_SECRET_ARN: arn:aws:secretsmanager:eu-west-1:111122223333:secret:api-key
                      AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE
              B:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: app.B
                  Role: !GetAtt Role.Arn
            """);
    Map<String, List<Finding>> checks =
        TemplateChecks.check(project.template().get(), project.functions());
    assertThat(checks.get("A"))
        .extracting(Finding::id)
        .containsExactlyInAnyOrder("SHARED_ROLE", "PLAINTEXT_SECRET");
    assertThat(checks.get("B")).extracting(Finding::id).containsExactly("SHARED_ROLE");
    assertThat(checks.get(""))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("HARDCODED_CREDENTIAL");
              assertThat(f.message())
                  .contains("AKIA************MPLE")
                  .doesNotContain("AKIAIOSFODNN7EXAMPLE");
              assertThat(f.location().line()).isEqualTo(16);
            });
  }
}
