package dev.minrole.analyzer.entry;

import java.util.List;
import java.util.Optional;

/**
 * How a framework or library reaches the user's code from a Lambda handler. {@code handlers} are
 * the library's handler classes: the function's {@code Handler} names one, or the user's handler
 * class extends one. {@code containers} are library types the user's own handler uses to run the
 * application ({@code SpringBootLambdaContainerHandler}); reachable code that uses one runs the
 * same entry points. {@code entriesOptional} is true when the user's code may well have no entry
 * point of these kinds (Spark routes are usually lambdas in the handler's own code).
 */
public record FrameworkModel(
    String name,
    String library,
    String source,
    List<String> handlers,
    List<String> containers,
    Optional<ApplicationScope> application,
    List<EntrySpec> entries,
    boolean entriesOptional) {

  public FrameworkModel {
    handlers = List.copyOf(handlers);
    containers = List.copyOf(containers);
    entries = List.copyOf(entries);
  }

  /** The simple name of a handler or container class, for messages. */
  public static String simpleName(String fqn) {
    return fqn.substring(fqn.lastIndexOf('.') + 1);
  }
}
