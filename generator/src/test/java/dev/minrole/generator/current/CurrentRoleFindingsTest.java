package dev.minrole.generator.current;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.analyzer.template.TemplateProject;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.declared.DeclaredPolicies;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.CurrentRole;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
import dev.minrole.generator.testing.TemplateFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings about the role a template gives a function, for functions that read one DynamoDB
 * table item ({@code dynamodb:GetItem}) and write their logs.
 */
class CurrentRoleFindingsTest {
  private static final String TEMPLATE =
"""
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
  CrudFn:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: crud
      Handler: app.Reader::handleRequest
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Orders
  ExactFn:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: exact
      Handler: app.Reader::handleRequest
      Policies:
        - Statement:
            - Effect: Allow
              Action: dynamodb:GetItem
              Resource: !GetAtt Orders.Arn
  WideFn:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: wide
      Handler: app.Reader::handleRequest
      Policies:
        - AmazonS3FullAccess
        - AmazonEC2FullAccess
        - Statement:
            - Effect: Allow
              Action: dynamodb:*
              Resource: "*"
            - Effect: Allow
              Action: [s3:GetObject, xray:PutTraceSegments]
              Resource: "*"
            - Effect: Allow
              Action: xray:PutTelemetryRecords
              Resource: "*"
            - Effect: Allow
              Action: "*"
              Resource: arn:aws:s3:::audit
  PlainFn:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: plain
      Handler: app.Reader::handleRequest
      Role: !GetAtt PlainRole.Arn
  PlainRole:
    Type: AWS::IAM::Role
    Properties:
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
        - arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess
  ExternalFn:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: external
      Handler: app.Reader::handleRequest
      Role: arn:aws:iam::123456789012:role/shared
  RolelessFn:
    Type: AWS::Lambda::Function
    Properties:
      Handler: app.Reader::handleRequest
""";

  private static final ArnContext CONTEXT =
      new ArnContext("aws", Optional.of("us-east-1"), Optional.of("123456789012"), Map.of());

  @TempDir Path dir;

  @Test
  void samCrudTemplate_whereOnlyGetItemIsUsed_isOneOverGrant_countingEachActionOnEachResource()
      throws IOException {
    List<Finding> findings = findings("CrudFn", "crud");

    assertThat(findings).extracting(Finding::id).containsExactly("OVER_GRANT");
    assertThat(findings.get(0).message())
        .startsWith(
            "CrudFn: its current role grants 11 permissions the function does not need: 11 by SAM"
                + " policy template DynamoDBCrudPolicy (dynamodb:BatchGetItem,"
                + " dynamodb:BatchWriteItem, dynamodb:ConditionCheckItem, ...)");
    assertThat(findings.get(0).location().toString())
        .isEqualTo("template.yaml:" + lineAfter("- DynamoDBCrudPolicy:"));
  }

  @Test
  void roleThatGrantsWhatIsNeeded_hasNoFindings_evenWithTheLogsPolicySamAttaches()
      throws IOException {
    assertThat(findings("ExactFn", "exact")).isEmpty();
  }

  @Test
  void wildcardGrant_isActionStar_aWholeService_orResourceStarOnScopableActions_perStatement()
      throws IOException {
    List<Finding> wildcards =
        findings("WideFn", "wide").stream().filter(f -> f.id().equals("WILDCARD_GRANT")).toList();

    assertThat(wildcards)
        .extracting(Finding::message)
        .containsExactlyInAnyOrder(
            "WideFn: inline policy Policies $.Statement[0] grants dynamodb:* (every action of the"
                + " service) on \"Resource\": \"*\", though "
                + scopable("dynamodb:*")
                + " of its actions can be scoped to resources (dynamodb:AssociateTableReplica,"
                + " dynamodb:BatchGetItem, dynamodb:BatchWriteItem, ...). Grant the actions and"
                + " resources of the generated policy instead",
            "WideFn: inline policy Policies $.Statement[1] grants s3:GetObject,"
                + " xray:PutTraceSegments on \"Resource\": \"*\", though 1 of its actions can be"
                + " scoped to resources (s3:GetObject). Grant the actions and resources of the"
                + " generated policy instead",
            "WideFn: inline policy Policies $.Statement[3] grants * (every action of every service)"
                + " on arn:aws:s3:::audit. Grant the actions and resources of the generated policy"
                + " instead");
    assertThat(wildcards)
        .extracting(f -> f.location().toString())
        .containsOnly("template.yaml:" + lineOf("- Statement:", lineOf("WideFn:")));
  }

  @Test
  void broadManagedPolicy_byData_countsWhatItGrantsAndWhatIsUsed_andByNameWithoutItsDocument()
      throws IOException {
    List<Finding> broad =
        findings("WideFn", "wide").stream()
            .filter(f -> f.id().equals("BROAD_MANAGED_POLICY"))
            .toList();

    assertThat(broad)
        .extracting(Finding::message)
        .containsExactlyInAnyOrder(
            "WideFn: its current role attaches the AWS managed policy AmazonS3FullAccess, which"
                + " grants "
                + granted("s3:*", "s3-object-lambda:*")
                + " actions, none of which the function needs. Attach the generated policy instead",
            "WideFn: its current role attaches the AWS managed policy AmazonEC2FullAccess, which is"
                + " over-broad by its name (minrole does not have its document). Attach the"
                + " generated policy instead");
    assertThat(broad)
        .extracting(f -> f.location().toString())
        .containsExactlyInAnyOrder(
            "template.yaml:" + lineOf("- AmazonS3FullAccess"),
            "template.yaml:" + lineOf("- AmazonEC2FullAccess"));
  }

  @Test
  void overGrant_namesTheLargestGrantsFirst_andCountsTheRest() throws IOException {
    Finding over =
        findings("WideFn", "wide").stream()
            .filter(f -> f.id().equals("OVER_GRANT"))
            .findFirst()
            .orElseThrow();

    Matcher counts = Pattern.compile("(\\d+) by ").matcher(over.message());
    List<Integer> shown = new ArrayList<>();
    while (counts.find()) {
      shown.add(Integer.parseInt(counts.group(1)));
    }
    Matcher total = Pattern.compile("grants (\\d+) permissions").matcher(over.message());
    assertThat(total.find()).isTrue();
    assertThat(shown).hasSize(4);
    assertThat(shown.subList(0, 3)).isSortedAccordingTo((a, b) -> b - a);
    assertThat(shown.stream().mapToInt(Integer::intValue).sum())
        .isGreaterThanOrEqualTo(Integer.parseInt(total.group(1)));
    assertThat(over.message())
        .contains("inline policy Policies $.Statement[3] (*)")
        .contains(" by 2 more statements");
  }

  @Test
  void awsManagedPolicies_areNotWildcardGrants_butTheirUnneededActionsAreOverGrants()
      throws IOException {
    List<Finding> findings = findings("PlainFn", "plain");

    assertThat(findings).extracting(Finding::id).containsExactly("OVER_GRANT");
    assertThat(findings.get(0).message())
        .contains("by AWS managed policy AmazonDynamoDBReadOnlyAccess");
  }

  @Test
  void roleOutsideTheTemplate_isOnlyTheDeclaredFinding() throws IOException {
    assertThat(findings("ExternalFn", "external"))
        .extracting(Finding::id)
        .containsExactly("DECLARED_POLICY_UNKNOWN");
  }

  @Test
  void templateRoles_areSamsImplicitRole_aRoleResource_anArn_orNone() throws IOException {
    TemplateProject project = project();

    assertThat(TemplateRoles.of(function(project, "CrudFn")))
        .contains(CurrentRole.implicitOf("CrudFn"));
    assertThat(TemplateRoles.of(function(project, "PlainFn")))
        .contains(CurrentRole.resource("PlainRole"));
    assertThat(TemplateRoles.of(function(project, "ExternalFn")))
        .contains(CurrentRole.arn(List.of("arn:aws:iam::123456789012:role/shared")));
    assertThat(TemplateRoles.of(function(project, "RolelessFn"))).isEmpty();
  }

  @Test
  void overGrant_ofAnIncompleteFunction_namesWhatHidCode_andNeverAdvisesReplacingTheRole()
      throws IOException {
    List<Finding> findings = findings("CrudFn", "crud", List.of(REFLECTIVE));

    assertThat(findings).extracting(Finding::id).containsExactly("OVER_GRANT");
    assertThat(findings.get(0).message())
        .isEqualTo(
            "CrudFn: its current role grants 11 permissions that the code minrole saw does not"
                + " use: 11 by SAM policy template DynamoDBCrudPolicy (dynamodb:BatchGetItem,"
                + " dynamodb:BatchWriteItem, dynamodb:ConditionCheckItem, ...). minrole could not"
                + " see all the code the function runs (REFLECTIVE_CALL at"
                + " src/main/java/app/RepositoryFactory.java:17), so it cannot tell whether the"
                + " function needs them; keep them until those findings are resolved");
    assertThat(findings.get(0).location().toString())
        .isEqualTo("template.yaml:" + lineAfter("- DynamoDBCrudPolicy:"));
  }

  @Test
  void wildcardAndBroadManaged_ofAnIncompleteFunction_stateTheFact_andSayToKeepTheGrant()
      throws IOException {
    Finding handlerMissing =
        Finding.error(
            "HANDLER_NOT_FOUND",
            "WideFn: no class app.Reader in the sources",
            SourceLocation.of("template.yaml", 28));
    List<Finding> findings = findings("WideFn", "wide", List.of(handlerMissing));

    assertThat(findings)
        .extracting(Finding::id)
        .contains("WILDCARD_GRANT", "BROAD_MANAGED_POLICY", "OVER_GRANT");
    assertThat(findings)
        .filteredOn(f -> !f.id().equals("DECLARED_POLICY_UNKNOWN"))
        .extracting(Finding::message)
        .allSatisfy(
            m ->
                assertThat(m)
                    .doesNotContain("Replace the role")
                    .doesNotContain("generated policy")
                    .doesNotContain("does not need")
                    .contains("(HANDLER_NOT_FOUND at template.yaml:28)")
                    .endsWith("until those findings are resolved"));
    assertThat(findings)
        .filteredOn(f -> f.id().equals("WILDCARD_GRANT"))
        .extracting(Finding::message)
        .contains(
            "WideFn: inline policy Policies $.Statement[3] grants * (every action of every service)"
                + " on arn:aws:s3:::audit. minrole could not see all the code the function runs"
                + " (HANDLER_NOT_FOUND at template.yaml:28), so it cannot tell which of these"
                + " actions and resources the function needs; keep it until those findings are"
                + " resolved");
    assertThat(findings)
        .filteredOn(f -> f.id().equals("BROAD_MANAGED_POLICY"))
        .extracting(Finding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        "WideFn: its current role attaches the AWS managed policy"
                            + " AmazonS3FullAccess, which grants ")
                    .contains("actions, none of which the code minrole saw uses."));
  }

  @Test
  void aFindingThatOnlyWidensAResource_leavesTheAdviceAsItIs() throws IOException {
    Finding widened =
        Finding.warning(
            "UNRESOLVED_RESOURCE",
            "the table name comes from the event",
            SourceLocation.of("src/main/java/app/Reader.java", 12));
    List<Finding> findings = findings("CrudFn", "crud", List.of(widened));

    assertThat(findings.get(0).message())
        .contains("the function does not need")
        .endsWith(". Replace the role's policies with the generated policy");
  }

  private static final Finding REFLECTIVE =
      Finding.warning(
          "REFLECTIVE_CALL",
          "Class.forName(name) calls code through reflection",
          SourceLocation.of("src/main/java/app/RepositoryFactory.java", 17));

  /** The findings for a function that reads an item of {@code orders} and writes its logs. */
  private List<Finding> findings(String logicalId, String functionName) throws IOException {
    return findings(logicalId, functionName, List.of());
  }

  /** The same, for a function whose analysis gave {@code analysis} findings. */
  private List<Finding> findings(String logicalId, String functionName, List<Finding> analysis)
      throws IOException {
    TemplateProject project = project();
    TemplateFunction function = function(project, logicalId);
    String logGroup = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/" + functionName;
    List<Permission> needs =
        List.of(
            permission("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/orders"),
            permission("logs:CreateLogGroup", logGroup),
            permission("logs:CreateLogStream", logGroup + ":log-stream:*"),
            permission("logs:PutLogEvents", logGroup + ":log-stream:*"));
    FunctionPolicy needed =
        new PolicySynthesizer(OperationMapper.bundled(), CONTEXT)
            .synthesize(logicalId, "app.Reader::handleRequest", List.of(), needs, analysis);
    DeclaredPolicies.Declared declared =
        DeclaredPolicies.of(function, project.resolver().orElseThrow(), CONTEXT);
    return CurrentRoleFindings.bundled().of(needed, declared);
  }

  private static Permission permission(String action, String resource) {
    return new Permission(action, resource, List.of(), List.of(new Evidence.Platform("test")));
  }

  private TemplateProject project() throws IOException {
    return TemplateFixture.load(
        dir, TEMPLATE, Optional.of("us-east-1"), Optional.of("123456789012"));
  }

  private static TemplateFunction function(TemplateProject project, String logicalId) {
    return project.functions().stream()
        .filter(f -> f.logicalId().equals(logicalId))
        .findFirst()
        .orElseThrow();
  }

  private static long scopable(String pattern) {
    return IamCatalog.bundled().expand(pattern).stream()
        .filter(a -> a.supportsResourceLevel())
        .count();
  }

  private static long granted(String... patterns) {
    return Arrays.stream(patterns)
        .flatMap(p -> IamCatalog.bundled().expand(p).stream())
        .map(a -> a.id())
        .distinct()
        .count();
  }

  private static int lineOf(String text) {
    return lineOf(text, 0);
  }

  /** The line of the first {@code text} after line {@code after}. */
  private static int lineOf(String text, int after) {
    List<String> lines = TEMPLATE.lines().toList();
    for (int i = after; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException(text);
  }

  private static int lineAfter(String text) {
    return lineOf(text) + 1;
  }
}
