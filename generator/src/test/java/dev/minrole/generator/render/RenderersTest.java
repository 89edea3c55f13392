package dev.minrole.generator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.CurrentRole;
import dev.minrole.generator.synth.Deployment;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
import dev.minrole.generator.synth.SizeLimits;
import dev.minrole.generator.synth.SynthesisOptions;
import dev.minrole.generator.synth.TemplateReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/** Every renderer on a policy that had to be split, and the template values of ARNs. */
class RenderersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ArnContext CONTEXT =
      new ArnContext("aws", Optional.of("eu-west-1"), Optional.of("123456789012"), Map.of());

  /** A function whose policy is split in two with small limits. */
  private static FunctionPolicy split() {
    List<Permission> permissions = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      permissions.add(
          new Permission(
              "dynamodb:GetItem",
              "arn:aws:dynamodb:eu-west-1:123456789012:table/orders-" + i,
              List.of(),
              List.of(new Evidence.Platform("test"))));
    }
    SynthesisOptions small = new SynthesisOptions(false, new SizeLimits(400, 350, 10, 20));
    FunctionPolicy f =
        new PolicySynthesizer(OperationMapper.bundled(), CONTEXT, small)
            .synthesize(
                "app.Orders::handle", "app.Orders::handle", List.of(), permissions, List.of());
    assertThat(f.parts()).hasSizeGreaterThan(1);
    return f;
  }

  @Test
  void json_ofSplitPolicy_mapsManagedPolicyNamesToDocuments() throws Exception {
    FunctionPolicy f = split();
    JsonNode out = JSON.readTree(new JsonRenderer().render(List.of(f), List.of()));
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= f.parts().size(); i++) {
      names.add("OrdersPolicy" + i);
    }
    assertThat(out.fieldNames()).toIterable().containsExactlyElementsOf(names);
    for (int i = 0; i < f.parts().size(); i++) {
      String doc = CanonicalJson.write(out.get("OrdersPolicy" + (i + 1)));
      assertThat(doc).isEqualTo(PolicyJson.write(f.parts().get(i)));
      assertThat(PolicyJson.write(IamPolicy.fromJson(doc))).isEqualTo(doc);
    }
  }

  @Test
  void yaml_isTheJsonOutput() throws Exception {
    FunctionPolicy f = split();
    assertThat(YAML.readTree(new YamlRenderer().render(List.of(f), List.of())))
        .isEqualTo(JSON.readTree(new JsonRenderer().render(List.of(f), List.of())));
  }

  @Test
  void cfn_ofSplitPolicy_attachesManagedPolicies() throws Exception {
    FunctionPolicy f = split();
    String text =
        new CloudFormationRenderer(new PseudoParameters(CONTEXT)).render(List.of(f), List.of());
    JsonNode resources = YAML.readTree(text).path("Resources");
    assertThat(resources.path("OrdersRole").path("Properties").has("Policies")).isFalse();
    assertThat(text)
        .contains(
            "ManagedPolicyArns:\n        - !Ref OrdersPolicy1\n        - !Ref OrdersPolicy2\n");
    assertThat(resources.path("OrdersPolicy1").path("Type").asText())
        .isEqualTo("AWS::IAM::ManagedPolicy");
    assertThat(text)
        .contains(
            "!Sub \"arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-0\"")
        .doesNotContain("123456789012");
  }

  @Test
  void sam_ofSplitPolicy_refsManagedPoliciesAndDefinesThem() throws Exception {
    FunctionPolicy f = split();
    String text = new SamRenderer(new PseudoParameters(CONTEXT)).render(List.of(f), List.of());
    assertThat(text).startsWith("# app.Orders::handle\nPolicies:\n  - !Ref OrdersPolicy1\n");
    assertThat(YAML.readTree(text).path("Resources").path("OrdersPolicy2").path("Type").asText())
        .isEqualTo("AWS::IAM::ManagedPolicy");
  }

  @Test
  void terraform_ofSplitPolicy_attachesEachPart() {
    String text = new TerraformRenderer().render(List.of(split()), List.of());
    assertThat(text)
        .contains("data \"aws_iam_policy_document\" \"orders_1\" {")
        .contains("resource \"aws_iam_policy\" \"orders_2\" {")
        .contains(
            """
            resource "aws_iam_role_policy_attachment" "orders_1" {
              role       = var.orders_role_name
              policy_arn = aws_iam_policy.orders_1.arn
            }""")
        .doesNotContain("aws_iam_role_policy\" ");
  }

  @Test
  void cfnAndTerraform_ofSplitPolicy_describeEachPartTheSameWay() throws Exception {
    FunctionPolicy f = split();
    int parts = f.parts().size();
    JsonNode cfn =
        YAML.readTree(
                new CloudFormationRenderer(new PseudoParameters(CONTEXT))
                    .render(List.of(f), List.of()))
            .path("Resources");
    String terraform = new TerraformRenderer().render(List.of(f), List.of());
    for (int i = 1; i <= parts; i++) {
      String description = "Part " + i + " of " + parts + " of the policy of app.Orders::handle";
      assertThat(cfn.path("OrdersPolicy" + i).path("Properties").path("Description").asText())
          .isEqualTo(description);
      assertThat(terraform).contains("\"" + description + "\"");
    }
  }

  @Test
  void report_ofSplitPolicy_listsTheParts() throws Exception {
    FunctionPolicy f = split();
    JsonNode report = JSON.readTree(ReportJson.write(List.of(f), List.of()));
    JsonNode function = report.path("functions").get(0);
    assertThat(function.path("policies")).hasSize(f.parts().size());
    assertThat(function.path("policies").get(0).path("name").asText()).isEqualTo("OrdersPolicy1");
    assertThat(function.path("findings").toString()).contains("POLICY_SPLIT");
  }

  @Test
  void explain_saysThePolicyIsSplit() {
    FunctionPolicy f = split();
    String text = new ExplainRenderer(IamCatalog.bundled(), false).render(List.of(f), List.of());
    assertThat(text)
        .contains("split into " + f.parts().size() + " managed policies")
        .contains("dynamodb:GetItem  Read")
        .contains("[POLICY_SPLIT]");
  }

  @Test
  void pseudoParameters_substituteOnlyWhatTheUserNamed() {
    PseudoParameters values = new PseudoParameters(CONTEXT);
    assertThat(values.resource("arn:aws:sqs:us-east-1:210987654321:audit"))
        .isEqualTo(
            new Yaml.Tagged("!Sub", "arn:${AWS::Partition}:sqs:us-east-1:210987654321:audit"));
    assertThat(values.resource("arn:aws-cn:s3:::media/*"))
        .isEqualTo(Yaml.text("arn:aws-cn:s3:::media/*"));
    assertThat(values.resource("*")).isEqualTo(Yaml.text("*"));
    assertThat(values.resource("arn:aws:s3:::home/${aws:username}/*"))
        .isEqualTo(new Yaml.Tagged("!Sub", "arn:${AWS::Partition}:s3:::home/${!aws:username}/*"));
    assertThat(values.conditionValue("kms:ViaService", "s3.eu-west-1.amazonaws.com"))
        .isEqualTo(new Yaml.Tagged("!Sub", "s3.${AWS::Region}.amazonaws.com"));
    assertThat(values.conditionValue("kms:ViaService", "s3.*.amazonaws.com"))
        .isEqualTo(Yaml.text("s3.*.amazonaws.com"));
    assertThat(values.conditionValue("s3:prefix", "eu-west-1/*"))
        .isEqualTo(Yaml.text("eu-west-1/*"));
  }

  @Test
  void templateValues_orElse_asksTheTemplateFirst() {
    TemplateValues template =
        new TemplateValues() {
          @Override
          public Yaml resource(String arn) {
            return arn.endsWith("table/orders")
                ? new Yaml.Tagged("!GetAtt", "OrdersTable.Arn")
                : Yaml.text(arn);
          }

          @Override
          public Yaml conditionValue(String key, String value) {
            return Yaml.text(value);
          }
        };
    TemplateValues values = template.orElse(new PseudoParameters(CONTEXT));
    assertThat(values.resource("arn:aws:dynamodb:eu-west-1:123456789012:table/orders"))
        .isEqualTo(new Yaml.Tagged("!GetAtt", "OrdersTable.Arn"));
    assertThat(values.resource("arn:aws:dynamodb:eu-west-1:123456789012:table/other"))
        .isEqualTo(
            new Yaml.Tagged(
                "!Sub",
                "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/other"));
  }

  @Test
  void hclString_escapesInterpolation() {
    assertThat(Hcl.string("arn:aws:s3:::home/${aws:username}/%{x} \"q\" \\"))
        .isEqualTo("\"arn:aws:s3:::home/$${aws:username}/%%{x} \\\"q\\\" \\\\\"");
  }

  @Test
  void functionNames_distinguishHandlersOfOneClass() {
    IamPolicy p =
        IamPolicy.fromJson(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}]}");
    FunctionPolicy a = new FunctionPolicy("a", "app.Jobs::enqueue", p, List.of(), List.of());
    FunctionPolicy b = new FunctionPolicy("b", "app.Jobs::drain", p, List.of(), List.of());
    FunctionPolicy c = new FunctionPolicy("c", "other.OrderHandler", p, List.of(), List.of());
    FunctionNames names = new FunctionNames(List.of(a, b, c));
    assertThat(List.of(names.of(a), names.of(b), names.of(c), names.snake(c)))
        .containsExactly("JobsEnqueue", "JobsDrain", "OrderHandler", "order_handler");
  }

  /**
   * A policy for {@code sqs:SendMessage} on a queue, as function {@code name}, deployed as said.
   */
  private static FunctionPolicy deployed(String name, String handler, Deployment deployment) {
    IamPolicy p =
        IamPolicy.fromJson(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\","
                + "\"Resource\":\"arn:aws:sqs:eu-west-1:123456789012:jobs\"}]}");
    return new FunctionPolicy(name, handler, p, List.of(), List.of()).withDeployment(deployment);
  }

  private static final TemplateReference JOBS =
      new TemplateReference("arn:aws:sqs:eu-west-1:123456789012:jobs", "", "JobsQueue.Arn");

  @Test
  void functionNames_ofTemplateFunctions_areTheirLogicalIds_andCodeFunctionsKeepTheirClass() {
    FunctionPolicy template =
        deployed(
            "OrdersFn",
            "app.Orders::handle",
            Deployment.ofTemplate("OrdersFn", Optional.empty(), List.of()));
    FunctionPolicy code = deployed("app.Orders::handle", "app.Orders::handle", Deployment.NONE);
    FunctionNames names = new FunctionNames(List.of(template, code));

    assertThat(List.of(names.of(template), names.of(code), names.snake(template)))
        .containsExactly("OrdersFn", "Orders", "orders_fn");
    assertThat(FunctionNames.describe(template)).isEqualTo("OrdersFn (app.Orders::handle)");
    assertThat(FunctionNames.describe(code)).isEqualTo("app.Orders::handle");
  }

  @Test
  void cfn_ofTemplateFunction_namesTheRoleAfterTheLogicalId_andReferencesItsResources()
      throws Exception {
    FunctionPolicy f =
        deployed(
            "OrdersFn",
            "app.Orders::handle",
            Deployment.ofTemplate(
                "OrdersFn", Optional.of(CurrentRole.implicitOf("OrdersFn")), List.of(JOBS)));

    String text =
        new CloudFormationRenderer(new PseudoParameters(CONTEXT)).render(List.of(f), List.of());

    assertThat(YAML.readTree(text).path("Resources").fieldNames())
        .toIterable()
        .containsExactly("OrdersFnRole");
    assertThat(text)
        .contains("PolicyName: OrdersFnPolicy")
        .contains("- !GetAtt JobsQueue.Arn")
        .contains("Execution role of OrdersFn (app.Orders::handle)");
  }

  @Test
  void cfn_ofCodeFunction_keepsPseudoParameters() {
    FunctionPolicy f = deployed("app.Orders::handle", "app.Orders::handle", Deployment.NONE);

    String text =
        new CloudFormationRenderer(new PseudoParameters(CONTEXT)).render(List.of(f), List.of());

    assertThat(text)
        .contains("  OrdersRole:")
        .contains("!Sub \"arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs\"");
  }

  @Test
  void sam_headsEachBlockWithTheLogicalId_andSaysWhenRoleMakesSamIgnorePolicies() {
    FunctionPolicy implicit =
        deployed(
            "OrdersFn",
            "app.Orders::handle",
            Deployment.ofTemplate(
                "OrdersFn", Optional.of(CurrentRole.implicitOf("OrdersFn")), List.of(JOBS)));
    FunctionPolicy ownRole =
        deployed(
            "WorkerFn",
            "app.Worker::handle",
            Deployment.ofTemplate(
                "WorkerFn", Optional.of(CurrentRole.resource("WorkerRole")), List.of()));

    String text =
        new SamRenderer(new PseudoParameters(CONTEXT))
            .render(List.of(implicit, ownRole), List.of());

    assertThat(text)
        .startsWith("# OrdersFn (app.Orders::handle)\nPolicies:\n")
        .contains("- !GetAtt JobsQueue.Arn")
        .contains(
            """
            ---
            # WorkerFn (app.Worker::handle)
            # It sets Role (WorkerRole), so SAM ignores Policies:""");
    assertThat(text.indexOf("SAM ignores")).isGreaterThan(text.indexOf("---"));
  }

  @Test
  void report_namesTheCurrentRole_byLogicalIdOrArn() throws Exception {
    FunctionPolicy samRole =
        deployed(
            "A",
            "app.A::h",
            Deployment.ofTemplate("A", Optional.of(CurrentRole.implicitOf("A")), List.of()));
    FunctionPolicy templateRole =
        deployed(
            "B",
            "app.B::h",
            Deployment.ofTemplate("B", Optional.of(CurrentRole.resource("BRole")), List.of())
                .withRoleArn("arn:aws:iam::123456789012:role/b"));
    FunctionPolicy byArn =
        deployed(
            "C",
            "app.C::h",
            Deployment.ofTemplate(
                "C",
                Optional.of(
                    CurrentRole.arn(
                        List.of(
                            "arn:aws:iam::123456789012:role/blue",
                            "arn:aws:iam::123456789012:role/green"))),
                List.of()));
    FunctionPolicy code = deployed("app.D::h", "app.D::h", Deployment.NONE);

    JsonNode functions =
        JSON.readTree(ReportJson.write(List.of(samRole, templateRole, byArn, code), List.of()))
            .path("functions");

    assertThat(functions.get(0).path("role").toString())
        .isEqualTo("{\"logicalId\":\"ARole\",\"implicit\":true}");
    assertThat(functions.get(1).path("role").toString())
        .isEqualTo(
            "{\"logicalId\":\"BRole\",\"implicit\":false,\"arn\":\"arn:aws:iam::123456789012:role/b\"}");
    assertThat(functions.get(2).path("role").toString())
        .isEqualTo(
            "{\"arns\":[\"arn:aws:iam::123456789012:role/blue\",\"arn:aws:iam::123456789012:role/green\"]}");
    assertThat(functions.get(3).has("role")).isFalse();
  }
}
