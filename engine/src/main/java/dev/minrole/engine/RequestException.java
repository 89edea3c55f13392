package dev.minrole.engine;

/**
 * The request cannot be carried out as given: bad options or unreadable input as a whole (a path
 * that does not exist, a handler that is not in the sources, a template that does not parse and
 * names no function). The message is one line that says what is wrong and how to fix it; front ends
 * print it without a stack trace ({@code minrole} exits with code 2, the Maven plugin fails the
 * build). Problems with parts of the input are not exceptions but {@code Finding}s in the result.
 */
public class RequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RequestException(String message) {
    super(message);
  }
}
