package dev.minrole.generator.diff;

import static dev.minrole.generator.diff.Needs.code;
import static dev.minrole.generator.diff.Needs.current;
import static dev.minrole.generator.diff.Needs.function;
import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.render.PolicyJson;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated policies of the shapes that made diff and tighten slow (issue 16): thousands of Allow
 * and Deny statements, and star-heavy patterns. The tests assert what the answer must be, which
 * does not depend on how long it takes; docs/benchmarks.md has the costs (scripts/bench-policies).
 */
class LargePoliciesTest {
  private static final IamCatalog CATALOG = IamCatalog.bundled();
  private static final int STATEMENTS = 10_000;

  /** Allows on bucket-i/*, and after each a Deny on part of that bucket. */
  private static String allowsAndDenies(int n) {
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < n; i += 2) {
      statements.add(
          "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:PutObject\"],"
              + " \"Resource\": \"arn:aws:s3:::bucket-"
              + i
              + "/*\"}");
      statements.add(
          "{\"Effect\": \"Deny\", \"Action\": [\"s3:DeleteObject\", \"s3:Put*\"],"
              + " \"Resource\": \"arn:aws:s3:::bucket-"
              + i
              + "/secret/*\"}");
    }
    return Needs.policy(statements.toArray(String[]::new));
  }

  @Test
  void compare_tenThousandAllowsAndDenies_findsTheOneGrantAndEveryExcess() throws Exception {
    FunctionDiff d =
        new PolicyDiff(CATALOG)
            .compare(
                function(code("s3:GetObject", "arn:aws:s3:::bucket-4/in/*", 3)),
                current(allowsAndDenies(STATEMENTS)));

    assertThat(d.of(DiffKind.BROADER))
        .extracting(e -> e.action() + " " + e.resource())
        .containsExactly("s3:GetObject arn:aws:s3:::bucket-4/*");
    assertThat(d.count(DiffKind.MISSING)).isZero();
    // Every other grant of the 5,000 Allows is excess; no Deny takes a whole grant away.
    assertThat(d.count(DiffKind.EXCESS)).isEqualTo(STATEMENTS - 1);
  }

  @Test
  void tighten_tenThousandAllowsAndDenies_keepsTheNeedAndTheDenyThatTouchesIt() throws Exception {
    Tightened t =
        new Tightener(new PolicySynthesizer(OperationMapper.bundled(), ArnContext.defaults()))
            .tighten(
                function(code("s3:PutObject", "arn:aws:s3:::bucket-4/*", 3)),
                current(allowsAndDenies(STATEMENTS)),
                new Tightener.Options(false, false));

    assertThat(t.missing()).isEmpty();
    FunctionPolicy kept = t.policy().orElseThrow();
    assertThat(kept.permissions())
        .extracting(p -> p.action() + " " + p.resource())
        .containsExactly("s3:PutObject arn:aws:s3:::bucket-4/*");
    String written = PolicyJson.write(kept.policy());
    assertThat(written)
        .contains("\"Deny\"", "arn:aws:s3:::bucket-4/secret/*")
        .doesNotContain("bucket-6");
  }

  @Test
  void compare_starHeavyPatterns_matchWhatTheyName() throws Exception {
    String action = "s3:*" + String.join("*", "GetBucketPolicyStatus".split("")) + "*";
    String resource = "arn:aws:s3:::b/" + "*a".repeat(300) + "*b";
    FunctionDiff d =
        new PolicyDiff(CATALOG)
            .compare(
                function(
                    code("s3:GetBucketPolicyStatus", "arn:aws:s3:::b", 3),
                    code("s3:GetObject", "arn:aws:s3:::b/" + "a".repeat(299) + "b", 4)),
                current(
                    Needs.policy(Needs.allow(action, resource), Needs.allow("s3:Get*", resource))));

    // The bucket is not under b/..., and 299 a's are one too few for 300 *a: both are missing.
    assertThat(d.of(DiffKind.MISSING))
        .extracting(DiffEntry::action)
        .containsExactlyInAnyOrder("s3:GetBucketPolicyStatus", "s3:GetObject");
  }
}
