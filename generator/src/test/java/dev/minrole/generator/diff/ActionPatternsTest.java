package dev.minrole.generator.diff;

import static dev.minrole.generator.diff.Needs.allow;
import static dev.minrole.generator.diff.Needs.code;
import static dev.minrole.generator.diff.Needs.current;
import static dev.minrole.generator.diff.Needs.function;
import static dev.minrole.generator.diff.Needs.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
import dev.minrole.generator.validate.PolicyType;
import dev.minrole.generator.validate.PolicyValidator;
import dev.minrole.generator.validate.Problem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An action pattern means the same in every command: the actions the catalog expands it to are the
 * actions a statement with it matches, diff and tighten count the needed action as granted exactly
 * when it is among them, and validate accepts the pattern exactly when it matches some action.
 */
class ActionPatternsTest {
  private static final IamCatalog CATALOG = IamCatalog.bundled();
  private static final Permission NEED = code("s3:GetObject", "arn:aws:s3:::media/*", 12);
  private static final PolicyValidator VALIDATOR = PolicyValidator.bundled(PolicyType.IDENTITY);
  private final Tightener tightener =
      new Tightener(new PolicySynthesizer(OperationMapper.bundled(), ArnContext.defaults()));

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "*",
        "**",
        "***",
        "*:GetObject",
        "s3*",
        "*Object",
        "S3:GET*",
        "s3:Get?bject",
        "s3:**",
        "*3:*Obj*t",
        "s3:Gett*",
        "sqs:*",
        "?3:GetObject"
      })
  void everyCommand_readsThePatternTheSameWay(String pattern) throws Exception {
    boolean grantsNeed = new ActionSet.Listed(List.of(pattern)).matches(NEED.action());
    List<String> expanded = CATALOG.expand(pattern).stream().map(IamAction::id).toList();

    assertThat(expanded.contains(NEED.action())).isEqualTo(grantsNeed);
    FunctionDiff diff =
        new PolicyDiff(CATALOG).compare(function(NEED), current(policy(allow(pattern, "*"))));
    assertThat(diff.of(DiffKind.MISSING).isEmpty()).isEqualTo(grantsNeed);
    assertThat(diff.of(DiffKind.BROADER))
        .extracting(DiffEntry::action)
        .isEqualTo(grantsNeed ? List.of(NEED.action()) : List.of());
    assertThat(diff.count(DiffKind.EXCESS)).isEqualTo(expanded.size() - (grantsNeed ? 1 : 0));
    Tightened tightened =
        tightener.tighten(
            function(NEED),
            current(policy(allow(pattern, "*"))),
            new Tightener.Options(false, false));
    assertThat(tightened.policy().isPresent()).isEqualTo(grantsNeed);
    List<Problem> problems =
        VALIDATOR.validate(
            "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \""
                + pattern
                + "\", \"Resource\": \"*\"}]}");
    assertThat(problems.stream().anyMatch(p -> p.rule().equals("UNKNOWN_ACTION")))
        .isEqualTo(expanded.isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"**", "s3:*", "*:Get*Object*", "?3:*", "dynamodb:Batch*", "*Tag*"})
  void expand_isEveryCatalogActionTheStatementMatches(String pattern) {
    ActionSet set = new ActionSet.Listed(List.of(pattern));
    List<String> matched =
        CATALOG.expand("*").stream().map(IamAction::id).filter(set::matches).toList();
    assertThat(CATALOG.expand(pattern)).extracting(IamAction::id).isEqualTo(matched);
  }
}
