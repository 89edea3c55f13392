package dev.minrole.generator.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * validate on generated policies of the shapes that made it quadratic (issue 16): tens of thousands
 * of statements, star-heavy actions and resources, long lists. Each test knows exactly what must be
 * found, which does not depend on how long it takes; docs/benchmarks.md has the costs
 * (scripts/bench-policies).
 */
class LargePoliciesTest {
  private static final PolicyValidator VALIDATOR = PolicyValidator.bundled(PolicyType.IDENTITY);

  private static Map<String, Integer> rules(String policy) {
    Map<String, Integer> out = new TreeMap<>();
    VALIDATOR.validate(policy).forEach(p -> out.merge(p.rule(), 1, Integer::sum));
    return out;
  }

  private static String policy(List<String> statements) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(",\n", statements) + "]}";
  }

  private static String statement(String actions, String resources) {
    return "{\"Effect\": \"Allow\", \"Action\": " + actions + ", \"Resource\": " + resources + "}";
  }

  @Test
  void validate_twentyThousandStatements_findsEveryDuplicateAndRedundantOne() {
    int n = 20_000;
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int base = i - i % 10;
      if (i % 10 == 8) {
        statements.add(
            statement("\"s3:GetObject\"", "\"arn:aws:s3:::bucket-" + base + "/in/" + i + "\""));
      } else {
        int bucket = i % 10 == 9 ? base : i;
        statements.add(
            statement(
                "[\"s3:GetObject\", \"s3:PutObject\", \"sqs:SendMessage\"]",
                "[\"arn:aws:s3:::bucket-"
                    + bucket
                    + "/*\", \"arn:aws:sqs:eu-west-1:123456789012:queue-"
                    + bucket
                    + "\"]"));
      }
    }

    Map<String, Integer> found = rules(policy(statements));

    assertThat(found)
        .containsEntry("DUPLICATE_STATEMENT", n / 10)
        .containsEntry("REDUNDANT_STATEMENT", n / 10)
        .containsOnlyKeys("DUPLICATE_STATEMENT", "REDUNDANT_STATEMENT", "POLICY_SIZE");
  }

  @Test
  void validate_manyStatementsOfServiceWildcards_expandsEachPatternOnce() {
    int n = 20_000;
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      statements.add(
          statement("[\"*:Get*Object\", \"**\"]", "\"arn:aws:s3:::bucket-" + i + "/*\""));
    }

    Map<String, Integer> found = rules(policy(statements));

    assertThat(found).containsEntry("WILDCARD", 2 * n).doesNotContainKey("UNKNOWN_ACTION");
  }

  @Test
  void validate_starHeavyLists_findsEachEntryTheOneBeforeCovers() {
    int n = 400;
    List<String> actions = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      actions.add("\"s3:*" + "e*".repeat(i) + "\"");
      resources.add("\"arn:aws:s3:::b/" + "*a".repeat(i) + "*b\"");
    }

    Map<String, Integer> found =
        rules(policy(List.of(statement(actions.toString(), resources.toString()))));

    assertThat(found).containsEntry("DUPLICATE_ENTRY", 2 * (n - 1));
  }

  @Test
  void validate_everyActionListed_findsThoseAWildcardOfTheListCovers() {
    List<String> actions = new ArrayList<>();
    int s3 = 0;
    for (var a : dev.minrole.generator.catalog.IamCatalog.bundled().expand("*")) {
      actions.add("\"" + a.id() + "\"");
      s3 += a.service().equals("s3") ? 1 : 0;
    }
    actions.add("\"S3:*\"");

    Map<String, Integer> found = rules(policy(List.of(statement(actions.toString(), "\"*\""))));

    assertThat(found).containsEntry("DUPLICATE_ENTRY", s3);
  }
}
