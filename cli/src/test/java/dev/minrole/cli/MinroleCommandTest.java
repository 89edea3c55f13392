package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The error handling every command shares: one line for an internal error, a stack trace on
 * --verbose.
 */
class MinroleCommandTest {
  /** A command with a bug, as any subcommand might have. */
  @Command(name = "boom")
  static final class Boom implements Runnable {
    @Mixin CommonOptions common;

    @Override
    public void run() {
      throw new IllegalStateException("a bug");
    }
  }

  private static String[] run(String... args) {
    StringWriter err = new StringWriter();
    PrintWriter errWriter = new PrintWriter(err);
    CommandLine cli = MinroleCommand.commandLine(new PrintWriter(new StringWriter()), errWriter);
    cli.addSubcommand("boom", new Boom());
    cli.setErr(errWriter); // reaches the subcommand added after the command line was made
    int code = cli.execute(args);
    return new String[] {String.valueOf(code), err.toString()};
  }

  @Test
  void internalError_isOneLineWithoutVerbose() {
    String[] result = run("boom");

    assertThat(result[0]).isEqualTo("1");
    assertThat(result[1])
        .isEqualTo(
            "minrole: error: internal error: java.lang.IllegalStateException: a bug (run with --verbose for details)"
                + System.lineSeparator());
  }

  @Test
  void internalError_printsTheStackTraceWhenTheSubcommandIsVerbose() {
    String[] result = run("boom", "--verbose");

    assertThat(result[0]).isEqualTo("1");
    assertThat(result[1])
        .startsWith(
            "minrole: error: internal error: java.lang.IllegalStateException: a bug"
                + System.lineSeparator())
        .contains("at dev.minrole.cli.MinroleCommandTest$Boom.run(");
  }

  private static String[] runWith(String only, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        MinroleCommand.commandLine(new PrintWriter(out), new PrintWriter(err), only).execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void commandLine_whenOnlyTheNamedSubcommandIsAdded_behavesAsWithAllOfThem() {
    for (String[] args :
        new String[][] {
          {"generate", "--help"},
          {"diff", "--help"},
          {"generate", "--no-such-option"},
          {"tighten", "--format", "nope"},
          {"generate", "/no/such/dir"}
        }) {
      assertThat(runWith(args[0], args)).as(String.join(" ", args)).isEqualTo(runWith(null, args));
    }
  }
}
