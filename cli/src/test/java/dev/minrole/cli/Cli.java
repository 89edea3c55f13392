package dev.minrole.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {
  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = MinroleCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Cli(code, out.toString(), err.toString());
  }
}
