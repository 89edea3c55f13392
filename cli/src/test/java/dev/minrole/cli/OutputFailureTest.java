package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A result that cannot be written (stdout closed, a full disk) is an I/O error: every command says
 * so on stderr and exits 2, instead of exiting 0 (or diff's 4) with nothing written. The failing
 * stdout here is a writer whose stream throws, as {@code > /dev/full} does.
 */
class OutputFailureTest {
  @TempDir Path dir;

  @BeforeAll
  static void fakeCredentials() {
    System.setProperty("aws.accessKeyId", "AKIDLOCALTEST");
    System.setProperty("aws.secretAccessKey", "local-test-secret");
  }

  /** A stream like {@code /dev/full}: every write fails. */
  private static final class Full extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }
  }

  private String[] args(String command) throws IOException {
    Path src = dir.resolve("src/app/Handler.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, DiffCommandTest.HANDLER, StandardCharsets.UTF_8);
    Path policy = dir.resolve("current.json");
    Files.writeString(
        policy,
        DiffCommandTest.policy(
            DiffCommandTest.allow("sqs:*", DiffCommandTest.SQS),
            DiffCommandTest.allow("s3:*", "*")));
    String source = dir.resolve("src").toString();
    String handler = "app.Handler::handleRequest";
    return switch (command) {
      case "generate" -> new String[] {"generate", source, "--handler", handler};
      case "diff" ->
          new String[] {"diff", source, "--handler", handler, "--current", policy.toString()};
      case "tighten" ->
          new String[] {"tighten", source, "--handler", handler, "--current", policy.toString()};
      case "validate" -> new String[] {"validate", policy.toString()};
      case "catalog" -> new String[] {"catalog", "action", "s3:GetObject"};
      default -> new String[] {command, "--help"};
    };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"generate", "diff", "tighten", "validate", "catalog", "generate-help"})
  void command_whenStdoutFails_saysSoAndExitsTwo(String command) throws IOException {
    String[] args = args(command.equals("generate-help") ? "generate" : command);
    if (command.equals("generate-help")) {
      args = new String[] {"generate", "--help"};
    }
    StringWriter err = new StringWriter();
    PrintWriter full = new PrintWriter(new Full(), true, StandardCharsets.UTF_8);

    int code = MinroleCommand.commandLine(full, new PrintWriter(err)).execute(args);

    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString())
        .contains("minrole: error: cannot write the result to standard output")
        .doesNotContain("\tat ");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"generate", "validate"})
  void command_whenStdoutWorks_keepsItsExitCode(String command) throws IOException {
    Cli cli = Cli.run(args(command));

    assertThat(cli.exitCode()).as(cli.err()).isIn(0, 3);
    assertThat(cli.err()).doesNotContain("cannot write the result");
  }
}
