package dev.minrole.cli;

import dev.minrole.engine.RequestException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code minrole} command and its subcommands. */
@Command(
    name = "minrole",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Least-privilege IAM execution roles for Java AWS Lambda functions.",
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
  /**
   * The subcommands, in the order help lists them. They are added when the command line is made:
   * picocli reads each one's annotations then, which a run that names its subcommand first only
   * needs for that one (see {@link #commandLine(String)}).
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> out = new LinkedHashMap<>();
    out.put("generate", GenerateCommand::new);
    out.put("validate", ValidateCommand::new);
    out.put("catalog", CatalogCommand::new);
    out.put("diff", DiffCommand::new);
    out.put("tighten", TightenCommand::new);
    out.put("cloudtrail", CloudTrailCommand::new);
    out.put("help", CommandLine.HelpCommand::new);
    return out;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command, e.g. minrole generate --help");
  }

  /** The command line with minrole's error handling: one-line messages, exit codes 1 and 2. */
  public static CommandLine commandLine() {
    return commandLine("");
  }

  /**
   * The command line for a run whose first argument is {@code first}: when that names a subcommand,
   * only that one is added (the others are never consulted), which saves reading the annotations of
   * all the others at start-up. Otherwise every subcommand is there.
   */
  public static CommandLine commandLine(String first) {
    PrintWriter out =
        new PrintWriter(System.out, true, Charset.defaultCharset()) {
          /** {@code System.out} keeps its own error flag: a closed or full stdout shows there. */
          @Override
          public boolean checkError() {
            boolean own = super.checkError();
            boolean standardOut = System.out.checkError();
            return own || standardOut;
          }
        };
    return commandLine(
        out,
        new PrintWriter(System.err, true, Charset.defaultCharset()),
        SUBCOMMANDS.containsKey(first) && !first.equals("help") ? first : null);
  }

  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, null);
  }

  /** With {@code only} null, every subcommand; else only that one. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String only) {
    CommandLine cli = new CommandLine(new MinroleCommand());
    SUBCOMMANDS.forEach(
        (name, command) -> {
          if (only == null || only.equals(name)) {
            cli.addSubcommand(name, command.get());
          }
        });
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
          if (ex instanceof RequestException) {
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
