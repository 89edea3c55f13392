package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.minrole.analyzer.libraries.LibraryMethod;
import dev.minrole.analyzer.libraries.LibraryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How SDK request builders collect values: {@code GetObjectRequest.builder()} starts an empty
 * request, every setter ({@code .bucket(x)}) records its argument under the setter's name, a
 * consumer lambda ({@code .s3Object(o -> o.bucket(b))}) builds a nested structure, and {@code
 * build()} keeps what was set. The setter names are mapped to model member names later, with the
 * SDK inventory.
 */
final class SdkBuilders {
  static final String SDK_PREFIX = "software.amazon.awssdk.";

  private static final Set<String> IDENTITY = Set.of("build", "toBuilder", "copy", "builder");

  private SdkBuilders() {}

  /**
   * {@code X.builder()} or {@code X.create()} on an SDK class starts an empty object of type X
   * ({@code WriteBatch.builder(Order.class)} too); a static utility method that makes a handle,
   * such as {@code TableSchema.fromBean(Order.class)}, records its arguments on the handle.
   */
  static Optional<List<Value>> staticCall(
      ValueEvaluator evaluator, String owner, MethodCallExpr call, Frame frame) {
    String name = call.getNameAsString();
    SdkTypes sdk = evaluator.analysis().sdk();
    if (!sdk.isModelledType(owner)) {
      return Optional.empty();
    }
    Optional<SdkTypes.HandleSpec> handle = sdk.handleMethod(owner, name);
    if (handle.isPresent()) {
      return Optional.of(
          List.of(
              handleOf(
                  evaluator, Value.Obj.empty(handle.get().type()), handle.get(), call, frame)));
    }
    Optional<String> made = sdk.utilities().factory(owner, name);
    if (made.isPresent()) {
      return Optional.of(List.of(Value.Obj.empty(made.get())));
    }
    if ("builder".equals(name) || "create".equals(name)) {
      return Optional.of(List.of(Value.Obj.empty(owner)));
    }
    return Optional.empty();
  }

  /**
   * {@code new X(...)} of a modelled library type: an object of type X with the properties its
   * constructor model records from the arguments ({@code new ProducerRecord<>(topic, value)}).
   */
  static Optional<List<Value>> creation(
      ValueEvaluator evaluator, ObjectCreationExpr creation, Frame frame) {
    String type = evaluator.analysis().types().typeOf(creation).name();
    Optional<LibraryType> library = evaluator.analysis().sdk().libraries().type(type);
    if (library.isEmpty() || creation.getAnonymousClassBody().isPresent()) {
      return Optional.empty();
    }
    Value.Obj object = Value.Obj.empty(type);
    for (Map.Entry<String, Integer> set :
        library.get().constructor().map(LibraryMethod::set).orElse(Map.of()).entrySet()) {
      if (set.getValue() < creation.getArguments().size()) {
        object =
            object.with(set.getKey(), evaluator.eval(creation.getArgument(set.getValue()), frame));
      }
    }
    return Optional.of(List.of(object));
  }

  /** A handle made from {@code base}, with the properties the method's arguments set. */
  private static Value.Obj handleOf(
      ValueEvaluator evaluator,
      Value.Obj base,
      SdkTypes.HandleSpec method,
      MethodCallExpr call,
      Frame frame) {
    Value.Obj handle = new Value.Obj(method.type(), base.props());
    for (Map.Entry<String, String> from : method.setFrom().entrySet()) {
      String source = from.getValue();
      int dot = source.indexOf('.');
      int index = Integer.parseInt(source.substring(0, dot));
      if (index < call.getArguments().size()) {
        List<Value> argument = evaluator.eval(call.getArgument(index), frame);
        handle =
            handle.with(
                from.getKey(), LibraryRequests.property(argument, source.substring(dot + 1)));
      }
    }
    for (Map.Entry<String, Integer> set : method.set().entrySet()) {
      int index = set.getValue();
      if (index < call.getArguments().size()) {
        handle = handle.with(set.getKey(), evaluator.eval(call.getArgument(index), frame));
      }
    }
    return handle;
  }

  /** A call on a request builder, a built request, or a nested structure builder. */
  static Optional<List<Value>> onValue(
      ValueEvaluator evaluator, MethodCallExpr call, List<Value> receiver, Frame frame) {
    SdkTypes sdk = evaluator.analysis().sdk();
    if (receiver.isEmpty() || !receiver.stream().allMatch(v -> isBuildable(v, sdk))) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    List<Expression> args = call.getArguments();
    if (IDENTITY.contains(name) && args.isEmpty()) {
      return Optional.of(receiver);
    }
    String type = ((Value.Obj) receiver.get(0)).type();
    Optional<SdkTypes.HandleSpec> handle = sdk.handleMethod(type, name);
    if (handle.isPresent()) {
      List<Value> handles = new ArrayList<>();
      for (Value r : receiver) {
        handles.add(handleOf(evaluator, (Value.Obj) r, handle.get(), call, frame));
      }
      return Optional.of(handles);
    }
    boolean performs =
        sdk.utilities().type(type).flatMap(t -> t.method(name)).isPresent()
            || sdk.libraries().type(type).flatMap(t -> t.method(name)).isPresent();
    if (performs) {
      return Optional.of(List.of(Value.opaque("result of " + name)));
    }
    if ("applyMutation".equals(name)
        && args.size() == 1
        && args.get(0) instanceof LambdaExpr lambda) {
      return Optional.of(evaluator.applyLambda(lambda, receiver, frame));
    }
    if (args.isEmpty()) {
      List<Value> read = new ArrayList<>();
      receiver.forEach(r -> read.addAll(((Value.Obj) r).props().getOrDefault(name, List.of())));
      return Optional.of(read.isEmpty() ? List.of(Value.opaque(name + " of a request")) : read);
    }
    List<Value> values;
    if (args.size() == 1 && args.get(0) instanceof LambdaExpr lambda) {
      values = evaluator.applyLambda(lambda, List.of(Value.Obj.untyped()), frame);
    } else if (args.size() == 1) {
      values = evaluator.eval(args.get(0), frame);
    } else {
      values = List.of(evaluator.sequence(args, frame));
    }
    List<Value> out = new ArrayList<>();
    for (Value r : receiver) {
      Value.Obj obj = (Value.Obj) r;
      if (name.startsWith("add") && name.length() > 3 && Character.isUpperCase(name.charAt(3))) {
        List<Value> all = new ArrayList<>(obj.props().getOrDefault(name, List.of()));
        all.add(values.size() == 1 ? values.get(0) : Value.opaque("one of several values"));
        out.add(obj.with(name, all));
      } else {
        out.add(obj.with(name, values));
      }
    }
    return Optional.of(out);
  }

  private static boolean isBuildable(Value value, SdkTypes sdk) {
    return value instanceof Value.Obj obj && (sdk.isModelledType(obj.type()) || obj.isUntyped());
  }
}
