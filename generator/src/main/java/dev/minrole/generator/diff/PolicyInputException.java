package dev.minrole.generator.diff;

/**
 * A current policy that cannot be read: a file that is not an IAM policy, a role that does not
 * exist, an AWS call that failed. The message is one line that names the input (a file and JSON
 * path, a role) and says how to fix it.
 */
public final class PolicyInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public PolicyInputException(String message) {
    super(message);
  }

  public PolicyInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
