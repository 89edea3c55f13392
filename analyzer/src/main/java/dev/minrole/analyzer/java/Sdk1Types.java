package dev.minrole.analyzer.java;

import dev.minrole.analyzer.sdk.Sdk1Client;
import dev.minrole.analyzer.sdk.Sdk1Inventory;
import dev.minrole.analyzer.sdk.Sdk1Libraries;
import java.util.Optional;

/**
 * How AWS SDK for Java 1.x types behave, from the 1.x inventory and library data: a builder's
 * {@code defaultClient()} and {@code standard()...build()} give its client interface, model objects
 * and value types return themselves from {@code withX}, and library methods return the handles the
 * data names ({@code DynamoDB.getTable} gives a {@code Table}).
 */
final class Sdk1Types {
  static final String PREFIX = "com.amazonaws.";

  private final Sdk1Inventory inventory;
  private final Sdk1Libraries libraries;

  Sdk1Types(Sdk1Inventory inventory, Sdk1Libraries libraries) {
    this.inventory = inventory;
    this.libraries = libraries;
  }

  Sdk1Inventory inventory() {
    return inventory;
  }

  Sdk1Libraries libraries() {
    return libraries;
  }

  boolean knows(String fqn) {
    return fqn.startsWith(PREFIX) && (inventory.knows(fqn) || libraries.knows(fqn));
  }

  /**
   * True for objects whose {@code withX}/{@code setX} calls the evaluator records: model classes,
   * library types, clients, and client builders (whose {@code withRegion} says where the client's
   * calls go).
   */
  boolean isModelled(String fqn) {
    return fqn.startsWith(PREFIX)
        && (inventory.isModelClass(fqn)
            || libraries.knows(fqn)
            || inventory.client(fqn).isPresent()
            || inventory.builtBy(fqn).isPresent());
  }

  /** The type a call on a 1.x receiver returns, or {@link JType#UNKNOWN}. */
  JType returnType(JType receiver, String method, int argCount) {
    String name = receiver.name();
    Optional<Sdk1Client> built = inventory.builtBy(name);
    if (built.isPresent()) {
      if (method.equals("defaultClient") || method.equals("build")) {
        return JType.of(built.get().type());
      }
      return receiver.staticRef() && !method.equals("standard") ? JType.UNKNOWN : JType.of(name);
    }
    Optional<String> builtLibrary = libraries.builtBy(name);
    if (builtLibrary.isPresent()) {
      if (method.equals("build")
          || (receiver.staticRef()
              && !method.equals("standard")
              && libraries.isBuilderFactory(name, method))) {
        return JType.of(builtLibrary.get());
      }
      return JType.of(name);
    }
    Optional<Sdk1Libraries.Type> library = libraries.type(name);
    if (library.isPresent()) {
      return library
          .get()
          .method(method)
          .flatMap(Sdk1Libraries.Method::handle)
          .map(JType::of)
          .orElse(JType.UNKNOWN);
    }
    if (inventory.isModelClass(name) || libraries.isValueType(name)) {
      boolean fluent =
          method.startsWith("with") || method.equals("builder") || method.equals("clone");
      if (method.equals("build") && name.endsWith(".Builder")) {
        return JType.of(name.substring(0, name.length() - ".Builder".length()));
      }
      if (fluent || (receiver.staticRef() && method.equals("builder"))) {
        return JType.of(method.equals("builder") ? name + ".Builder" : name);
      }
    }
    return JType.UNKNOWN;
  }
}
