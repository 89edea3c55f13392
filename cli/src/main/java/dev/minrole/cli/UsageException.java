package dev.minrole.cli;

/**
 * Bad usage or unreadable input: the message says what is wrong and how to fix it, and minrole
 * exits with code 2.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
