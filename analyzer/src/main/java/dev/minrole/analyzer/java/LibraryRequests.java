package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import dev.minrole.analyzer.libraries.ArgSource;
import dev.minrole.analyzer.libraries.LibraryCall;
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
  private LibraryRequests() {}

  /** Where the sources of one library call are read from. */
  interface Sources {
    /** The values of argument {@code index} ({@code -1}: the last), or of a property it sets. */
    List<Value> argument(int index, String property);

    /** The argument expression itself, for sources that read its type. */
    Optional<Expression> argumentExpression(int index);

    List<Value> receiverProperty(String property);

    List<Value> annotationAttribute(String attribute);
  }

  /** The recognized operation, or empty when the call's guard skips it or the model is wrong. */
  static Optional<Recognized> recognize(
      LibraryCall libraryCall, Sources sources, String detail, RecognitionContext context) {
    Optional<SdkService> service =
        context.analysis().sdk().inventory().serviceByClient(libraryCall.client());
    Optional<SdkOperation> operation = service.flatMap(s -> s.operation(libraryCall.operation()));
    if (operation.isEmpty()) {
      return Optional.empty();
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
    for (Map.Entry<String, ArgSource> arg : libraryCall.args().entrySet()) {
      List<Value> values = values(arg.getValue(), sources, context);
      if (!values.isEmpty()) {
        request = request.with(arg.getKey(), values);
      }
    }
    return Optional.of(new Recognized(service.get(), operation.get(), List.of(request), detail));
  }

  private static List<Value> values(ArgSource source, Sources sources, RecognitionContext context) {
    if (source instanceof ArgSource.Argument a) {
      return sources.argument(a.index(), a.property());
    }
    if (source instanceof ArgSource.ReceiverProperty p) {
      return sources.receiverProperty(p.property());
    }
    if (source instanceof ArgSource.AnnotationAttribute a) {
      return sources.annotationAttribute(a.attribute());
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
              "the entity class of " + ValueEvaluator.describe(argument.get()) + " is not known"));
    }
    return List.of(Value.str(snakeCase(entity.simpleName())));
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
      public List<Value> annotationAttribute(String attribute) {
        return List.of();
      }
    };
  }

  static List<Value> property(List<Value> objects, String property) {
    List<Value> out = new ArrayList<>();
    for (Value v : objects) {
      if (v instanceof Value.Obj obj) {
        out.addAll(
            obj.props().getOrDefault(property, List.of(Value.opaque(property + " is not set"))));
      } else {
        out.add(v instanceof Value.Opaque ? v : Value.opaque("not a configured object"));
      }
    }
    return out;
  }
}
