package dev.minrole.cli;

import dev.minrole.engine.Warmup;
import java.util.Set;

/** Starts minrole: {@code java -jar minrole.jar generate ...}. */
public final class Main {
  /** The commands that run the pipeline: its data loads while the command line is read. */
  private static final Set<String> PIPELINE = Set.of("generate", "diff", "tighten");

  private Main() {}

  public static void main(String[] args) {
    String first = args.length == 0 ? "" : args[0];
    if (PIPELINE.contains(first)) {
      Warmup.start();
    }
    System.exit(MinroleCommand.commandLine(first).execute(args));
  }
}
