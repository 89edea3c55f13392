package dev.minrole.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code minrole} command and its subcommands. */
@Command(
    name = "minrole",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Least-privilege IAM execution roles for Java AWS Lambda functions.",
    subcommands = {
      GenerateCommand.class,
      ValidateCommand.class,
      CatalogCommand.class,
      DiffCommand.class,
      TightenCommand.class,
      CloudTrailCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:Internal error (run again with --verbose for the stack trace).",
      "2:Bad usage, unreadable input, or the result could not be written (stdout closed or full).",
      "3:validate: a policy has errors. diff, tighten: something the code needs is not granted.",
      "4:diff: something granted is excess or broader than needed.",
      "5:tighten --access-analyzer: Access Analyzer found a problem.",
      "6:generate --strict: some CloudTrail input could not be read completely."
    })
public final class MinroleCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command, e.g. minrole generate --help");
  }

  /** The command line with minrole's error handling: one-line messages, exit codes 1 and 2. */
  public static CommandLine commandLine() {
    PrintWriter out =
        new PrintWriter(System.out, true) {
          /** {@code System.out} keeps its own error flag: a closed or full stdout shows there. */
          @Override
          public boolean checkError() {
            return super.checkError() | System.out.checkError();
          }
        };
    return commandLine(out, new PrintWriter(System.err, true));
  }

  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new MinroleCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionStrategy(
        parseResult -> {
          int code = new CommandLine.RunLast().execute(parseResult);
          return unwritten(out, err) ? ExitCodes.UNWRITTEN : code;
        });
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine failed = ex.getCommandLine();
          failed.getErr().println(Diagnostics.ERROR + ex.getMessage());
          failed
              .getErr()
              .println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
          failed.getErr().flush();
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, failed, parseResult) -> {
          boolean verbose = verbose(parseResult);
          PrintWriter e = failed.getErr();
          if (ex instanceof UsageException) {
            e.println(Diagnostics.ERROR + ex.getMessage());
            e.flush();
            return ExitCodes.USAGE;
          }
          e.println(
              Diagnostics.ERROR
                  + "internal error: "
                  + ex
                  + (verbose ? "" : " (run with --verbose for details)"));
          if (verbose) {
            ex.printStackTrace(e);
          }
          e.flush();
          return ExitCodes.SOFTWARE;
        });
    return cli;
  }

  /**
   * True if writing the result failed (stdout closed, a full disk, a broken pipe): a {@link
   * PrintWriter} never throws, so its error flag is the only sign. It is said on stderr, and the
   * run exits with code 2 whatever the command found, because its result did not reach the reader.
   */
  private static boolean unwritten(PrintWriter out, PrintWriter err) {
    if (!out.checkError()) {
      return false;
    }
    err.println(
        Diagnostics.ERROR
            + "cannot write the result to standard output (it is closed, the disk is full, or the"
            + " reader went away); the output is missing or incomplete");
    err.flush();
    return true;
  }

  /** True if {@code --verbose} was given to the command or any of its subcommands. */
  private static boolean verbose(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
