package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import dev.minrole.analyzer.libraries.ArgSource;
import dev.minrole.analyzer.libraries.LibraryCall;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the SDK requests a library model says a call or annotation performs, by evaluating each
 * {@link ArgSource}: an argument, a property the receiver was configured with, an annotation
 * attribute, or a table named after an entity class.
 */
final class LibraryRequests {
  /** The finding id for a library call that depends on a setting minrole cannot read. */
  static final String LIBRARY_CONFIG_UNKNOWN = "LIBRARY_CONFIG_UNKNOWN";

  private LibraryRequests() {}

  /** Where the sources of one library call are read from. */
  interface Sources {
    /** The values of argument {@code index} ({@code -1}: the last), or of a property it sets. */
    List<Value> argument(int index, String property);

    /** The argument expression itself, for sources that read its type. */
    Optional<Expression> argumentExpression(int index);

    List<Value> receiverProperty(String property);

    /** How many arguments the call has, or -1 where it has none (an annotation). */
    default int arity() {
      return -1;
    }

    List<Value> annotationAttribute(String attribute);
  }

  /** The recognized operation, or empty when the call's guard skips it or the model is wrong. */
  static Optional<Recognized> recognize(
      LibraryCall libraryCall,
      Sources sources,
      String detail,
      Node at,
      RecognitionContext context) {
    Optional<SdkService> service =
        libraryCall.isIamAction()
            ? context.analysis().sdk().libraries().iamService(libraryCall.action())
            : context.analysis().sdk().inventory().serviceByClient(libraryCall.client());
    String name =
        libraryCall.isIamAction()
            ? libraryCall.action().substring(libraryCall.action().indexOf(':') + 1)
            : libraryCall.operation();
    Optional<SdkOperation> operation = service.flatMap(s -> s.operation(name));
    if (operation.isEmpty()
        || (libraryCall.arity() > 0 && sources.arity() != libraryCall.arity())) {
      return Optional.empty();
    }
    for (LibraryCall.Requirement requirement : libraryCall.requires()) {
      Decision decision = decide(requirement, values(requirement.source(), sources, context, true));
      if (decision == Decision.FAILS) {
        return Optional.empty();
      }
      if (decision == Decision.UNKNOWN) {
        reportUndecided(libraryCall, requirement, detail, at, context);
        return Optional.empty();
      }
    }
    for (Map.Entry<Integer, String> guard : libraryCall.unlessPrefix().entrySet()) {
      List<Value> values = sources.argument(guard.getKey(), "");
      boolean allPrefixed =
          !values.isEmpty()
              && values.stream()
                  .allMatch(
                      v ->
                          v instanceof Value.Str s
                              && s.value().pattern().startsWith(guard.getValue()));
      if (allPrefixed) {
        return Optional.empty();
      }
    }
    Value.Obj request =
        Value.Obj.empty(RecognitionContext.requestClass(service.get(), operation.get().request()));
    String each = "";
    List<Value> elements = List.of();
    for (Map.Entry<String, ArgSource> arg : libraryCall.args().entrySet()) {
      List<Value> values = values(arg.getValue(), sources, context);
      if (arg.getValue() instanceof ArgSource.Argument a && a.each()) {
        each = arg.getKey();
        elements = Values.elements(values);
      } else if (!values.isEmpty()) {
        request = request.with(arg.getKey(), values);
      }
    }
    if (each.isEmpty()) {
      return Optional.of(new Recognized(service.get(), operation.get(), List.of(request), detail));
    }
    List<Value> requests = new ArrayList<>();
    for (Value element : elements.isEmpty() ? List.of(Value.opaque("no element")) : elements) {
      requests.add(request.with(each, List.of(element)));
    }
    return Optional.of(new Recognized(service.get(), operation.get(), requests, detail));
  }

  /** Whether a library call's requirement holds for the values its source can have. */
  enum Decision {
    HOLDS,
    FAILS,
    UNKNOWN
  }

  /**
   * {@code HOLDS} if some value the source can have satisfies the requirement (its known start has
   * the prefix, its known text has the word), so the call can be made; else {@code UNKNOWN} if some
   * value is not known well enough to tell; else {@code FAILS}. No value at all (a setting a known
   * configuration does not have) fails.
   */
  static Decision decide(LibraryCall.Requirement requirement, List<Value> values) {
    Decision out = Decision.FAILS;
    for (Value v : values) {
      Decision one = v instanceof Value.Str s ? decide(requirement, s.value()) : Decision.UNKNOWN;
      if (one == Decision.HOLDS) {
        return one;
      }
      if (one == Decision.UNKNOWN) {
        out = one;
      }
    }
    return out;
  }

  private static Decision decide(LibraryCall.Requirement requirement, ArgValue value) {
    String text = value.pattern();
    boolean exact = value.isKnown();
    int unknownAt = exact ? text.length() : text.indexOf('*');
    String knownStart = text.substring(0, Math.max(0, unknownAt));
    Decision out = Decision.HOLDS;
    String prefix = requirement.prefix();
    if (!prefix.isEmpty() && !knownStart.startsWith(prefix)) {
      if (exact || !prefix.startsWith(knownStart)) {
        return Decision.FAILS;
      }
      out = Decision.UNKNOWN;
    }
    String word = requirement.contains();
    if (!word.isEmpty() && !text.contains(word)) {
      if (exact) {
        return Decision.FAILS;
      }
      out = Decision.UNKNOWN;
    }
    return out;
  }

  /**
   * {@code LIBRARY_CONFIG_UNKNOWN}: the library may make the call, depending on a setting minrole
   * cannot read; the function is incomplete, and the finding names what the call would need. The
   * calls one library method makes under the same setting share one finding.
   */
  private static void reportUndecided(
      LibraryCall libraryCall,
      LibraryCall.Requirement requirement,
      String detail,
      Node at,
      RecognitionContext context) {
    String needs =
        libraryCall.isIamAction()
            ? libraryCall.action()
            : "the permissions of " + libraryCall.operation();
    String condition =
        describe(requirement.source())
            + " "
            + (requirement.prefix().isEmpty()
                ? "contains \"" + requirement.contains() + "\""
                : "starts with \"" + requirement.prefix() + "\"");
    SourceLocation location = context.location(at);
    context.reportAccumulated(
        List.of(LIBRARY_CONFIG_UNKNOWN, location, detail, condition),
        needs,
        actions ->
            Finding.warning(
                LIBRARY_CONFIG_UNKNOWN,
                detail
                    + " needs "
                    + String.join(", ", actions)
                    + " if "
                    + condition
                    + ", which minrole cannot tell here: the code does not set it to a value"
                    + " minrole can read (a constant, or text built from constants; a file or an"
                    + " environment variable is only read when the function runs). Write it in the"
                    + " code, or grant what the library needs by hand",
                location));
  }

  /** How a finding names a requirement's source. */
  private static String describe(ArgSource source) {
    if (source instanceof ArgSource.ReceiverProperty p) {
      return "its setting " + p.path().get(p.path().size() - 1);
    }
    if (source instanceof ArgSource.Argument a) {
      String argument = "argument " + (a.index() + 1);
      return a.path().isEmpty()
          ? argument
          : "the setting " + a.path().get(a.path().size() - 1) + " of " + argument;
    }
    return "its configuration";
  }

  private static List<Value> values(ArgSource source, Sources sources, RecognitionContext context) {
    return values(source, sources, context, false);
  }

  /**
   * The values a source can have; {@code absentIsEmpty}: a property or entry that a known object or
   * map does not have gives no value (rather than an unknown one that says it is not set).
   */
  private static List<Value> values(
      ArgSource source, Sources sources, RecognitionContext context, boolean absentIsEmpty) {
    if (source instanceof ArgSource.Argument a) {
      List<Value> values = sources.argument(a.index(), a.property());
      for (String step : a.path().subList(Math.min(1, a.path().size()), a.path().size())) {
        values = property(values, step, absentIsEmpty);
      }
      return values;
    }
    if (source instanceof ArgSource.ReceiverProperty p) {
      List<Value> values = sources.receiverProperty(p.path().get(0));
      for (String step : p.path().subList(1, p.path().size())) {
        values = property(values, step, absentIsEmpty);
      }
      return values;
    }
    if (source instanceof ArgSource.AnnotationAttribute a) {
      return sources.annotationAttribute(a.attribute());
    }
    if (source instanceof ArgSource.Suffixed s) {
      List<Value> out = new ArrayList<>();
      for (Value v : values(s.base(), sources, context)) {
        out.add(
            v instanceof Value.Str str
                ? new Value.Str(ArgValue.concat(List.of(str.value(), ArgValue.literal(s.suffix()))))
                : v);
      }
      return out;
    }
    if (source instanceof ArgSource.Fixed f) {
      return List.of(Value.str(f.text()));
    }
    if (source instanceof ArgSource.Unknowable u) {
      return List.of(Value.opaque(u.reason()));
    }
    ArgSource.SpringTable table = (ArgSource.SpringTable) source;
    Optional<Expression> argument = sources.argumentExpression(table.index());
    if (argument.isEmpty()) {
      return List.of(Value.opaque("the entity class is not known"));
    }
    JType entity =
        argument.get() instanceof ClassExpr c
            ? context.analysis().names().resolve(c.getType(), c)
            : context.typeOf(argument.get());
    if (!entity.isKnown()) {
      return List.of(
          Value.opaque(
              "the entity class of " + NodeText.describe(argument.get()) + " is not known"));
    }
    return List.of(Value.str(snakeCase(entity.simpleName())));
  }

  /** The values of a map's entries under a key; an entry with an unknown key may be it. */
  private static List<Value> entry(Value.Entries map, String key, boolean absentIsEmpty) {
    List<Value> out = new ArrayList<>();
    for (Value.Entry e : map.entries()) {
      boolean exact =
          e.keys().stream()
              .anyMatch(
                  k ->
                      k instanceof Value.Str s
                          && s.value().literal().map(key::equals).orElse(false));
      boolean unknown =
          e.keys().stream().anyMatch(k -> !(k instanceof Value.Str s && s.value().isKnown()));
      if (exact || unknown) {
        out.addAll(e.values());
      }
    }
    return out.isEmpty() && !absentIsEmpty ? List.of(Value.opaque(key + " is not set")) : out;
  }

  /** {@code OrderItem} as Spring Cloud AWS names its table: {@code order_item}. */
  static String snakeCase(String simpleName) {
    return simpleName.replaceAll("(.)(\\p{Lu})", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /**
   * Sources for a method call: its arguments (a consumer lambda yields the property it sets) and
   * its receiver.
   */
  static Sources ofCall(
      List<Expression> args,
      Map<Integer, String> lambdaProperties,
      Function<Expression, List<Value>> evaluate,
      Function<LambdaExpr, List<Value>> applyToBuilder,
      List<Value> receiver) {
    return new Sources() {
      @Override
      public List<Value> argument(int index, String property) {
        Optional<Expression> e = argumentExpression(index);
        if (e.isEmpty()) {
          return List.of();
        }
        String prop = property;
        List<Value> values;
        if (e.get() instanceof LambdaExpr lambda) {
          values = applyToBuilder.apply(lambda);
          if (prop.isEmpty()) {
            prop = lambdaProperties.getOrDefault(argIndex(index), "");
          }
        } else {
          values = evaluate.apply(e.get());
        }
        return prop.isEmpty() ? values : property(values, prop);
      }

      private int argIndex(int index) {
        return index < 0 ? args.size() + index : index;
      }

      @Override
      public Optional<Expression> argumentExpression(int index) {
        int i = argIndex(index);
        return i >= 0 && i < args.size() ? Optional.of(args.get(i)) : Optional.empty();
      }

      @Override
      public List<Value> receiverProperty(String property) {
        return property(receiver, property);
      }

      @Override
      public int arity() {
        return args.size();
      }

      @Override
      public List<Value> annotationAttribute(String attribute) {
        return List.of();
      }
    };
  }

  /** The property of configured objects, or the entry of maps ({@code Properties}) under a key. */
  static List<Value> property(List<Value> objects, String property) {
    return property(objects, property, false);
  }

  private static List<Value> property(List<Value> objects, String property, boolean absentIsEmpty) {
    List<Value> out = new ArrayList<>();
    for (Value v : objects) {
      if (v instanceof Value.Obj obj) {
        out.addAll(
            obj.props()
                .getOrDefault(
                    property,
                    absentIsEmpty ? List.of() : List.of(Value.opaque(property + " is not set"))));
      } else if (v instanceof Value.Entries map) {
        out.addAll(entry(map, property, absentIsEmpty));
      } else {
        out.add(v instanceof Value.Opaque ? v : Value.opaque("not a configured object"));
      }
    }
    return out;
  }
}
