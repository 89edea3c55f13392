package dev.minrole.analyzer.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SAM appends {@code Policies} to the role it generates; with {@code Role} set it generates none
 * and ignores them
 * (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-policies).
 */
class FunctionReaderPoliciesTest {
  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Generated:
          Type: AWS::Serverless::Function
          Properties:
            Handler: example.A::handleRequest
            Policies:
              - AmazonS3ReadOnlyAccess
        WithRole:
          Type: AWS::Serverless::Function
          Properties:
            Handler: example.B::handleRequest
            Role: arn:aws:iam::123456789012:role/shared
            Policies:
              - AmazonS3FullAccess
      """;

  @Test
  void policies_areReadForAGeneratedRole_andIgnoredWhenRoleIsSet() {
    TemplateParser.Parsed parsed = new TemplateParser().parse(TEMPLATE, "template.yaml");
    Template template =
        new Template(
            Path.of("template.yaml"), "template.yaml", (TNode.TMap) parsed.root().orElseThrow());
    TemplateResolver resolver =
        new TemplateResolver(
            template, TemplateResolver.Options.defaults(), ResourceTypes.bundled());

    List<TemplateFunction> functions = new FunctionReader(resolver).functions();

    assertThat(functions.get(0).declaredPolicies())
        .singleElement()
        .isInstanceOfSatisfying(
            DeclaredPolicy.Managed.class,
            m -> assertThat(m.arn().get(0).pattern()).isEqualTo("AmazonS3ReadOnlyAccess"));
    assertThat(functions.get(1).role()).isInstanceOf(RoleRef.External.class);
    assertThat(functions.get(1).declaredPolicies()).isEmpty();
  }
}
