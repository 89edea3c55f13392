package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.sdk.Sdk1Libraries;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code DynamoDBMapper} call: the table is the item class's {@code @DynamoDBTable(tableName)}
 * (on the class or a superclass, as the annotation is inherited), replaced or prefixed by the
 * {@code TableNameOverride} of the call's or the mapper's {@code DynamoDBMapperConfig}; {@code
 * save} is {@code UpdateItem} unless that configuration's {@code SaveBehavior} makes it {@code
 * PutItem}; a query or scan expression's {@code IndexName} names the index.
 */
final class Sdk1Mapper {
  private static final String CONFIG = "DynamoDBMapperConfig";
  private static final Set<String> BATCHES = Set.of("BatchGetItem", "BatchWriteItem");

  private final Sdk1LibraryCalls calls;
  private final RecognitionContext context;

  Sdk1Mapper(Sdk1LibraryCalls calls) {
    this.calls = calls;
    this.context = calls.context();
  }

  List<Recognized> recognize(SdkService service, Sdk1Libraries.Method method) {
    List<Expression> args = calls.call().getArguments();
    List<String> form = method.forms().get(args.size());
    boolean batch = method.operations().stream().anyMatch(BATCHES::contains);
    if (form == null && batch) {
      form = args.stream().map(a -> "items").toList();
    }
    if (form == null) {
      context.report(
          Sdk1CallRecognizer.unmapped(
              calls.detail()
                  + " with "
                  + args.size()
                  + " argument(s) is a form minrole does not"
                  + " model; its permissions are not in the policy: add them by hand",
              calls.call(),
              context));
      return List.of();
    }
    List<Value> annotated = new ArrayList<>();
    List<Value> configs = new ArrayList<>();
    List<Value> indexes = new ArrayList<>();
    for (int i = 0; i < form.size(); i++) {
      Expression arg = args.get(i);
      switch (form.get(i)) {
        case "item" -> annotated.addAll(tables(List.of(classOf(arg, false))));
        case "items" -> annotated.addAll(tables(List.of(classOf(arg, true))));
        case "config" -> configs.addAll(context.evaluator().evaluateInContexts(arg, calls.unit()));
        case "" -> indexes.addAll(indexNames(arg));
        default -> {
          // other arguments (keys, expressions) name no resource
        }
      }
    }
    if (configs.isEmpty()) {
      for (Value mapper : context.evaluator().evaluateInContexts(calls.scope(), calls.unit())) {
        if (mapper instanceof Value.Obj obj) {
          configs.addAll(obj.props().getOrDefault(CONFIG, List.of()));
        }
      }
    }
    if (configs.isEmpty()) {
      configs.add(Value.Obj.empty(CONFIG));
    }
    Map<String, Set<Value>> tablesByOperation = new LinkedHashMap<>();
    for (Value config : configs) {
      List<Value> tables = override(annotated, config);
      for (String op : operations(method, config)) {
        tablesByOperation.computeIfAbsent(op, k -> new LinkedHashSet<>()).addAll(tables);
      }
    }
    List<Recognized> out = new ArrayList<>();
    for (Map.Entry<String, Set<Value>> e : tablesByOperation.entrySet()) {
      Value request = request(e.getKey(), new ArrayList<>(e.getValue()), indexes);
      calls
          .recognized(service, e.getKey(), List.of(request), Map.of(), calls.detail())
          .ifPresent(out::add);
    }
    return out;
  }

  /** The request of one operation, in the 1.x property names the translation knows. */
  private static Value request(String operation, List<Value> tables, List<Value> indexes) {
    Value.Obj request = Value.Obj.untyped();
    if (BATCHES.contains(operation)) {
      List<Value.Entry> entries = new ArrayList<>();
      for (Value table : tables) {
        entries.add(new Value.Entry(List.of(table), List.of(Value.opaque("the items"))));
      }
      return request.with("RequestItems", List.of(new Value.Entries(entries)));
    }
    if (tables.isEmpty()) {
      return request;
    }
    request = request.with("TableName", tables);
    return indexes.isEmpty() ? request : request.with("IndexName", indexes);
  }

  /**
   * The operations a configuration makes the method send: by its SaveBehavior, if the data says.
   */
  private static List<String> operations(Sdk1Libraries.Method method, Value config) {
    if (method.save().isEmpty() || !(config instanceof Value.Obj obj)) {
      return method.operations();
    }
    Set<String> out = new LinkedHashSet<>();
    List<Value> behaviors = obj.props().getOrDefault("SaveBehavior", List.of());
    if (behaviors.isEmpty()) {
      out.addAll(method.operations());
    }
    for (Value behavior : behaviors) {
      Optional<String> name = literal(behavior);
      if (name.isPresent()) {
        out.addAll(method.save().getOrDefault(name.get(), method.operations()));
      } else {
        // A behavior minrole cannot read: what any behavior sends.
        out.addAll(method.operations());
        method.save().values().forEach(out::addAll);
      }
    }
    return List.copyOf(out);
  }

  /** The tables after a configuration's TableNameOverride: a replacement, or a prefix. */
  private static List<Value> override(List<Value> annotated, Value config) {
    if (!(config instanceof Value.Obj obj)) {
      return annotated;
    }
    List<Value> out = new ArrayList<>();
    List<Value> overrides = obj.props().getOrDefault("TableNameOverride", List.of());
    if (overrides.isEmpty()) {
      return annotated;
    }
    for (Value override : overrides) {
      if (!(override instanceof Value.Obj o)) {
        out.add(Value.opaque("the mapper's table name override"));
        continue;
      }
      List<Value> replacement = o.props().getOrDefault("TableNameReplacement", List.of());
      List<Value> prefixes = o.props().getOrDefault("TableNamePrefix", List.of());
      out.addAll(replacement);
      for (Value prefix : prefixes) {
        for (Value table : annotated) {
          out.add(
              new Value.Str(ArgValue.concat(List.of(Values.toArg(prefix), Values.toArg(table)))));
        }
      }
      if (replacement.isEmpty() && prefixes.isEmpty()) {
        out.addAll(annotated);
      }
    }
    return out;
  }

  /** A query or scan expression's {@code withIndexName}: the index it reads. */
  private List<Value> indexNames(Expression arg) {
    List<Value> out = new ArrayList<>();
    for (Value v : context.evaluator().evaluateInContexts(arg, calls.unit())) {
      if (v instanceof Value.Obj obj) {
        out.addAll(obj.props().getOrDefault("IndexName", List.of()));
      }
    }
    return out;
  }

  /** The item class an argument names: {@code Order.class}, or the static type of an item. */
  private String classOf(Expression arg, boolean elements) {
    if (arg instanceof ClassExpr classExpr) {
      return context.analysis().names().resolve(classExpr.getType(), classExpr).name();
    }
    JType type = context.typeOf(arg);
    if (elements && !type.args().isEmpty()) {
      return type.arg(0).name();
    }
    return type.name();
  }

  /** The {@code @DynamoDBTable} names of classes, inherited ones included; unknown if none. */
  private List<Value> tables(List<String> classes) {
    List<Value> out = new ArrayList<>();
    for (String fqn : classes) {
      Optional<Value> table = table(fqn, 0);
      out.add(
          table.orElse(
              Value.opaque(
                  "the table of "
                      + fqn.substring(fqn.lastIndexOf('.') + 1)
                      + " (no @DynamoDBTable minrole can read)")));
    }
    return out;
  }

  private Optional<Value> table(String fqn, int depth) {
    Optional<TypeInfo> type = context.analysis().index().get(fqn);
    if (type.isEmpty() || depth > 8) {
      return Optional.empty();
    }
    Optional<AnnotationExpr> annotation =
        Annotations.find(type.get().annotations(), "DynamoDBTable");
    if (annotation.isPresent()) {
      Optional<Expression> name = Annotations.attribute(annotation.get(), "tableName");
      if (name.isEmpty()) {
        name = Annotations.attribute(annotation.get(), "value");
      }
      if (name.isPresent()) {
        List<Value> values = context.evaluator().eval(name.get(), Frame.NONE);
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
      }
    }
    for (JType supertype : type.get().supertypes()) {
      Optional<Value> inherited = table(supertype.name(), depth + 1);
      if (inherited.isPresent()) {
        return inherited;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> literal(Value v) {
    return v instanceof Value.Str s && s.value() instanceof ArgValue.Literal l
        ? Optional.of(l.value())
        : Optional.empty();
  }
}
