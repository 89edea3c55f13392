package dev.minrole.cli;

/** Starts minrole: {@code java -jar minrole.jar generate ...}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(MinroleCommand.commandLine().execute(args));
  }
}
