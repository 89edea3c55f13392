package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * diff and tighten on Terraform and Serverless projects without a named current policy compare with
 * the role the infrastructure code declares; the options that name infrastructure code check what
 * they are given.
 */
class InfrastructureCodeCommandsTest {
  private static String input(String name) {
    return Fixtures.root().resolve("cases").resolve(name).resolve("input").toString();
  }

  @Test
  void tighten_whenTerraformDeclaresTheRole_cutsThatRoleDown() {
    Cli cli =
        Cli.run(
            "tighten",
            input("tf-single-file"),
            "--region",
            "eu-west-1",
            "--account",
            "111122223333");

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.MISSING);
    assertThat(cli.out()).contains("dynamodb:PutItem").doesNotContain("dynamodb:*");
    assertThat(cli.err()).contains("xray:PutTraceSegments");
  }

  @Test
  void diff_whenServerlessGeneratesTheRole_comparesWithIt() {
    Cli cli =
        Cli.run(
            "diff",
            input("sls-provider-role"),
            "--parameter",
            "stage=prod",
            "--region",
            "eu-west-1",
            "--account",
            "111122223333");

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(4);
    assertThat(cli.out())
        .startsWith("minrole diff: needed permissions compared with the serverless.yml")
        .contains("granted by serverless.yml:14 $.Statement[0]");
  }

  @Test
  void generate_whenTerraformOptionIsNotADirectory_isAUsageError() {
    Cli cli = Cli.run("generate", input("tf-single-file"), "--terraform", "no-such-dir");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("--terraform no-such-dir is not a directory");
  }
}
