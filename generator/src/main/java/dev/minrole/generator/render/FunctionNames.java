package dev.minrole.generator.render;

import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.PascalCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names for the functions of one run in templates and file names: a function of a template keeps
 * its logical id ({@code OrderFunction}); a function known from its code is named after its handler
 * class, {@code OrderHandler} for {@code com.example.orders.OrderHandler::handleRequest}, with the
 * method added ({@code OrderHandlerHandleRequest}) when two functions share a class. A number is
 * added when that is not enough. Names are letters and digits only, as CloudFormation requires of
 * logical ids.
 */
public final class FunctionNames {
  private final IdentityHashMap<FunctionPolicy, String> names = new IdentityHashMap<>();

  public FunctionNames(List<FunctionPolicy> functions) {
    Map<String, Integer> byClass = new HashMap<>();
    functions.stream()
        .filter(f -> logicalId(f).isEmpty())
        .forEach(f -> byClass.merge(className(f), 1, Integer::sum));
    Map<String, Integer> used = new HashMap<>();
    for (FunctionPolicy f : functions) {
      String name = logicalId(f);
      if (name.isEmpty()) {
        name = className(f);
        if (byClass.get(name) > 1) {
          name = name + PascalCase.of(method(f));
        }
      }
      int n = used.merge(name, 1, Integer::sum);
      names.put(f, n == 1 ? name : name + n);
    }
  }

  /**
   * The function for a person: {@code OrderFunction
   * (com.example.orders.OrderHandler::handleRequest)} for a function of a template, else its
   * handler (or, without one, its name).
   */
  public static String describe(FunctionPolicy f) {
    String what = f.handler().isEmpty() ? f.name() : f.handler();
    return f.deployment()
        .logicalId()
        .map(id -> f.handler().isEmpty() ? id : id + " (" + f.handler() + ")")
        .orElse(what);
  }

  /**
   * One managed policy of a split policy for a person: {@code Part 1 of 2 of the policy of
   * OrderFunction (com.example.orders.OrderHandler::handleRequest)}; {@code part} counts from 0.
   */
  static String describePart(FunctionPolicy f, int part) {
    return "Part " + (part + 1) + " of " + f.parts().size() + " of the policy of " + describe(f);
  }

  private static String logicalId(FunctionPolicy f) {
    return f.deployment().logicalId().map(id -> id.replaceAll("[^A-Za-z0-9]", "")).orElse("");
  }

  /** The PascalCase logical name, e.g. {@code OrderHandler}. */
  public String of(FunctionPolicy f) {
    return names.get(f);
  }

  /** The snake_case name for Terraform, e.g. {@code order_handler}. */
  public String snake(FunctionPolicy f) {
    return of(f).replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** Names of the managed policies of a split policy: {@code OrderHandlerPolicy1}, ... */
  public List<String> parts(FunctionPolicy f) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= f.parts().size(); i++) {
      out.add(of(f) + "Policy" + i);
    }
    return out;
  }

  private static String className(FunctionPolicy f) {
    String handler = f.handler();
    int colons = handler.indexOf("::");
    String type = colons < 0 ? handler : handler.substring(0, colons);
    String simple = type.substring(type.lastIndexOf('.') + 1).replace('$', ' ');
    String name = PascalCase.of(simple);
    return name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "Function" + name : name;
  }

  private static String method(FunctionPolicy f) {
    int colons = f.handler().indexOf("::");
    return colons < 0 ? "" : f.handler().substring(colons + 2);
  }
}
