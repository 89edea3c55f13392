package dev.minrole.analyzer.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleSelectorTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/service-role/Orders-Fn";

  @ParameterizedTest(name = "{0} / {1} -> {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "arn:aws:iam::111122223333:role/service-role/Orders-Fn |"
            + " arn:aws:sts::111122223333:assumed-role/Orders-Fn/orders | -      | true",
        "arn:aws:iam::111122223333:role/service-role/orders-fn |"
            + " arn:aws:sts::111122223333:assumed-role/orders-fn/x      | -      | true",
        "''                                                    |"
            + " arn:aws:sts::111122223333:assumed-role/Orders-Fn/orders | -      | true",
        "''                                                    |"
            + " arn:aws:sts::444455556666:assumed-role/Orders-Fn/orders | -      | false",
        "arn:aws:iam::111122223333:role/other                  |"
            + " arn:aws:sts::111122223333:assumed-role/other/orders     | -      | false",
        "arn:aws:iam::111122223333:role/service-role/Orders-Fn |"
            + " arn:aws:sts::111122223333:assumed-role/Orders-Fn/orders | orders | true",
        "arn:aws:iam::111122223333:role/service-role/Orders-Fn |"
            + " arn:aws:sts::111122223333:assumed-role/Orders-Fn/admin  | orders | false",
        "''                                                    |"
            + " arn:aws:iam::111122223333:user/alice                    | -      | false",
      })
  void match_byIssuerOrAssumedRoleAndSession(
      String issuer, String principal, String session, boolean expected) {
    RoleSelector selector =
        new RoleSelector(List.of(new RoleTarget(ROLE, Optional.ofNullable(session))));

    assertThat(selector.match(issuer, principal))
        .isEqualTo(expected ? Optional.of(ROLE) : Optional.empty());
  }

  @ParameterizedTest
  @CsvSource({
    "arn:aws:iam::111122223333:role/a/b/name, arn:aws:iam::111122223333:role/a/b/name, ''",
    "arn:aws:sts::111122223333:assumed-role/name/fn-session, arn:aws:iam::111122223333:role/name,"
        + " fn-session",
  })
  void parse_acceptsRoleAndAssumedRoleArns(String given, String role, String session) {
    RoleTarget t = RoleTarget.parse(given, Optional.empty()).orElseThrow();

    assertThat(t.roleArn()).isEqualTo(role);
    assertThat(t.sessionName().orElse("")).isEqualTo(session);
  }

  @ParameterizedTest
  @CsvSource({"arn:aws:iam::111122223333:user/alice", "orders-fn-role", "arn:aws:iam::12:role/x"})
  void parse_rejectsWhatIsNotARole(String given) {
    assertThat(RoleTarget.parse(given, Optional.empty())).isEmpty();
  }
}
