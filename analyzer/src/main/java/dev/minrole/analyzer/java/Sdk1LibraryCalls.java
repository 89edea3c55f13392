package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.sdk.Sdk1Client;
import dev.minrole.analyzer.sdk.Sdk1Inventory;
import dev.minrole.analyzer.sdk.Sdk1Libraries;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One call on a 1.x client or high-level API: assembles its 1.x request from the arguments as the
 * data describes them ({@code request}, or the property each argument sets), picks the operations
 * (by the data, a presigned URL's HTTP method, a mapper's save behavior), and turns each into a
 * {@link Recognized} SDK v2 operation.
 */
final class Sdk1LibraryCalls {
  /** Argument kinds that are not request properties. */
  static final Set<String> NOT_PROPERTIES =
      Set.of("", "request", "item", "items", "config", "expression");

  private final RecognitionContext context;
  private final CodeUnit unit;
  private final MethodCallExpr call;
  private final Expression scope;
  private final String receiverName;

  Sdk1LibraryCalls(
      RecognitionContext context,
      CodeUnit unit,
      MethodCallExpr call,
      Expression scope,
      String receiverName) {
    this.context = context;
    this.unit = unit;
    this.call = call;
    this.scope = scope;
    this.receiverName = receiverName;
  }

  RecognitionContext context() {
    return context;
  }

  CodeUnit unit() {
    return unit;
  }

  MethodCallExpr call() {
    return call;
  }

  Expression scope() {
    return scope;
  }

  String detail() {
    return receiverName + "." + call.getNameAsString() + Sdk1CallRecognizer.GENERATION;
  }

  List<Recognized> recognize(Sdk1Libraries.Type type, Sdk1Libraries.Method method) {
    Optional<SdkService> service =
        context.analysis().sdk().inventory().serviceByClient(type.client());
    if (service.isEmpty()) {
      return List.of();
    }
    if (type.mapper()) {
      return new Sdk1Mapper(this).recognize(service.get(), method);
    }
    List<Value> requests;
    if (method.request().filter("handle"::equals).isPresent()) {
      requests = context.evaluator().evaluateInContexts(scope, unit);
    } else {
      Optional<List<String>> form = form(type, method);
      if (form.isEmpty()) {
        context.report(
            Sdk1CallRecognizer.unmapped(
                detail()
                    + " with "
                    + call.getArguments().size()
                    + " argument(s) is a form minrole"
                    + " does not model; its permissions are not in the policy: add them by hand",
                call,
                context));
        return List.of();
      }
      requests = assemble(form.get());
    }
    List<Recognized> out = new ArrayList<>();
    for (Map.Entry<String, List<Value>> byOperation : operations(method, requests).entrySet()) {
      recognized(
              service.get(),
              byOperation.getKey(),
              byOperation.getValue(),
              method.members().getOrDefault(byOperation.getKey(), Map.of()),
              detail())
          .ifPresent(out::add);
    }
    return out;
  }

  /** What each argument is, for this call's argument count. */
  private Optional<List<String>> form(Sdk1Libraries.Type type, Sdk1Libraries.Method method) {
    int arity = call.getArguments().size();
    if (method.inherit()) {
      Sdk1Inventory inventory = context.analysis().sdk().sdk1().inventory();
      Optional<Sdk1Client> client = inventory.client(type.extendsClient());
      return client.flatMap(
          c ->
              Sdk1CallRecognizer.select(inventory.methods(c, call.getNameAsString()), call, context)
                  .map(Sdk1Inventory.Method::args));
    }
    return Optional.ofNullable(method.forms().get(arity));
  }

  /** The operations each request performs: the method's, or by a property's value. */
  private static Map<String, List<Value>> operations(
      Sdk1Libraries.Method method, List<Value> requests) {
    Map<String, List<Value>> out = new LinkedHashMap<>();
    if (method.by().isEmpty()) {
      method.operations().forEach(op -> out.put(op, requests));
      return out;
    }
    Sdk1Libraries.By by = method.by().get();
    for (Value request : requests) {
      Set<String> values = new LinkedHashSet<>();
      List<Value> set =
          request instanceof Value.Obj o
              ? o.props().getOrDefault(by.property(), List.of())
              : List.of();
      if (set.isEmpty()) {
        values.add(by.defaultValue());
      }
      for (Value v : set) {
        if (v instanceof Value.Str s
            && s.value() instanceof ArgValue.Literal literal
            && by.values().containsKey(literal.value())) {
          values.add(literal.value());
        } else {
          // An HTTP method minrole cannot read: every method the data knows.
          values.addAll(by.values().keySet().stream().sorted().toList());
        }
      }
      for (String value : values) {
        for (String op : by.values().get(value)) {
          out.computeIfAbsent(op, k -> new ArrayList<>()).add(request);
        }
      }
    }
    return out;
  }

  /** The 1.x request objects a call's arguments make, in every calling context that matters. */
  List<Value> assemble(List<String> kinds) {
    return context.evaluator().evaluateInContexts(frame -> build(kinds, frame), unit);
  }

  private List<Value> build(List<String> kinds, Frame frame) {
    List<Expression> args = call.getArguments();
    List<Value> out = List.of(Value.Obj.untyped());
    for (int i = 0; i < kinds.size() && i < args.size(); i++) {
      if (kinds.get(i).equals("request")) {
        out = context.evaluator().eval(args.get(i), frame);
      }
    }
    for (int i = 0; i < kinds.size() && i < args.size(); i++) {
      String property = kinds.get(i);
      if (NOT_PROPERTIES.contains(property)) {
        continue;
      }
      List<Value> values = context.evaluator().eval(args.get(i), frame);
      List<Value> next = new ArrayList<>();
      for (Value request : out) {
        Value.Obj obj = request instanceof Value.Obj o ? o : Value.Obj.untyped();
        next.add(obj.with(property, values));
      }
      out = next;
    }
    return out;
  }

  /**
   * The v2 operation with the 1.x requests translated to its members; {@code renames} (v2 member to
   * 1.x property, {@code Property*} for a key prefix) add members taken from other properties.
   */
  Optional<Recognized> recognized(
      SdkService service,
      String operationName,
      List<Value> requests,
      Map<String, String> renames,
      String detail) {
    Optional<SdkOperation> operation =
        Sdk1CallRecognizer.operation(service, operationName, detail, call, context);
    if (operation.isEmpty()) {
      return Optional.empty();
    }
    Sdk1Inventory inventory = context.analysis().sdk().sdk1().inventory();
    String requestClass = RecognitionContext.requestClass(service, operation.get().request());
    List<Value> v2 = new ArrayList<>();
    for (Value request : requests) {
      Value source = renames.isEmpty() ? request : renamed(request, renames);
      v2.add(
          Sdk1Requests.toV2(
              source,
              inventory,
              service,
              operationName,
              operation.get().members(),
              requestClass,
              0));
    }
    return Optional.of(new Recognized(service, operation.get(), v2, detail));
  }

  private static Value renamed(Value request, Map<String, String> renames) {
    if (!(request instanceof Value.Obj obj)) {
      return request;
    }
    Value.Obj out = obj;
    for (Map.Entry<String, String> rename : renames.entrySet()) {
      boolean prefix = rename.getValue().endsWith("*");
      String property =
          prefix
              ? rename.getValue().substring(0, rename.getValue().length() - 1)
              : rename.getValue();
      List<Value> values = obj.props().getOrDefault(property, List.of());
      if (prefix) {
        List<Value> patterns = new ArrayList<>();
        for (Value v : values) {
          patterns.add(
              new Value.Str(
                  ArgValue.concat(
                      List.of(Values.toArg(v), ArgValue.unknown("a key under the prefix")))));
        }
        values = patterns;
      }
      if (!values.isEmpty()) {
        out = out.with(rename.getKey(), values);
      }
    }
    return out;
  }
}
