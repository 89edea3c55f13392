package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.minrole.analyzer.sdk.Sdk1Inventory;
import dev.minrole.analyzer.sdk.Sdk1Libraries;
import dev.minrole.analyzer.sdk.SdkMember;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How AWS SDK for Java 1.x request objects collect values, in the terms of their 1.x properties: a
 * constructor sets the properties the inventory says its parameters set ({@code new
 * GetObjectRequest(bucket, key)} sets {@code BucketName} and {@code Key}), {@code withX(v)} and
 * {@code setX(v)} set {@code X}, and {@code getX()} reads it. Library objects ({@code
 * DynamoDBMapper}, its configuration, a Document API {@code Table}) keep their constructor
 * arguments by type and the resource names their factory methods take. {@link #toV2} then names the
 * properties as the SDK v2 request members they set.
 */
final class Sdk1Requests {
  private static final List<String> IDENTITY = List.of("build", "clone", "standard");

  private Sdk1Requests() {}

  /**
   * {@code new PutObjectRequest(bucket, key, file)}, {@code new DynamoDBMapper(client, config)}.
   */
  static Optional<List<Value>> creation(
      ValueEvaluator evaluator, ObjectCreationExpr creation, Frame frame) {
    Sdk1Types sdk1 = evaluator.analysis().sdk().sdk1();
    String type = evaluator.analysis().types().typeOf(creation).name();
    if (!sdk1.isModelled(type)) {
      return Optional.empty();
    }
    List<Expression> args = creation.getArguments();
    Value.Obj base = Value.Obj.empty(type);
    List<Value> out = List.of(base);
    if (sdk1.inventory().isModelClass(type)) {
      Optional<Sdk1Inventory.Constructor> ctor = constructor(evaluator, type, args);
      if (ctor.isPresent()) {
        for (int i = 0; i < args.size(); i++) {
          String property = ctor.get().set().get(i);
          if (!property.isEmpty()) {
            out = set(out, property, evaluator.eval(args.get(i), frame));
          }
        }
      }
      return Optional.of(out);
    }
    for (Expression arg : args) {
      String argType = evaluator.analysis().types().typeOf(arg).simpleName();
      if (!argType.isEmpty() && !argType.equals("?")) {
        out = set(out, simple(argType), evaluator.eval(arg, frame));
      }
    }
    return Optional.of(out);
  }

  /** The constructor of this arity whose parameter types fit the arguments best. */
  private static Optional<Sdk1Inventory.Constructor> constructor(
      ValueEvaluator evaluator, String type, List<Expression> args) {
    Sdk1Inventory.Constructor best = null;
    int bestScore = -1;
    for (Sdk1Inventory.Constructor c :
        evaluator.analysis().sdk().sdk1().inventory().constructors(type)) {
      if (c.params().size() != args.size()) {
        continue;
      }
      int score = 0;
      for (int i = 0; i < args.size(); i++) {
        if (simple(evaluator.analysis().types().typeOf(args.get(i)).simpleName())
            .equals(c.params().get(i))) {
          score++;
        }
      }
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * {@code TableNameOverride.withTableNameReplacement(name)}, {@code
   * DynamoDBMapperConfig.builder()}.
   */
  static Optional<List<Value>> staticCall(
      ValueEvaluator evaluator, String owner, MethodCallExpr call, Frame frame) {
    Sdk1Types sdk1 = evaluator.analysis().sdk().sdk1();
    if (!sdk1.isModelled(owner)) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    if (name.equals("builder") || IDENTITY.contains(name)) {
      return Optional.of(List.of(Value.Obj.empty(owner)));
    }
    String property = propertyOf(name);
    if (property != null && call.getArguments().size() == 1) {
      return Optional.of(
          set(
              List.of(Value.Obj.empty(owner)),
              property,
              evaluator.eval(call.getArgument(0), frame)));
    }
    return Optional.empty();
  }

  /** A call on a 1.x request, value or library object. */
  static Optional<List<Value>> onValue(
      ValueEvaluator evaluator, MethodCallExpr call, List<Value> receiver, Frame frame) {
    Sdk1Types sdk1 = evaluator.analysis().sdk().sdk1();
    if (receiver.isEmpty()
        || !receiver.stream()
            .allMatch(v -> v instanceof Value.Obj o && sdk1.isModelled(o.type()))) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    List<Expression> args = call.getArguments();
    String type = ((Value.Obj) receiver.get(0)).type();
    Optional<Sdk1Libraries.Method> library =
        sdk1.libraries().type(type).flatMap(t -> t.method(name));
    if (library.isPresent() && library.get().handle().isPresent()) {
      List<Value> out = new ArrayList<>();
      for (Value r : receiver) {
        List<Value> handle =
            List.of(new Value.Obj(library.get().handle().get(), ((Value.Obj) r).props()));
        for (Map.Entry<String, Integer> set : library.get().set().entrySet()) {
          if (set.getValue() < args.size()) {
            handle = set(handle, set.getKey(), evaluator.eval(args.get(set.getValue()), frame));
          }
        }
        out.addAll(handle);
      }
      return Optional.of(out);
    }
    if (args.isEmpty() && IDENTITY.contains(name)) {
      return Optional.of(receiver);
    }
    String property = propertyOf(name);
    if (property != null && args.size() == 1) {
      return Optional.of(set(receiver, property, evaluator.eval(args.get(0), frame)));
    }
    if (args.isEmpty() && name.startsWith("get") && name.length() > 3) {
      List<Value> read = new ArrayList<>();
      receiver.forEach(
          r -> read.addAll(((Value.Obj) r).props().getOrDefault(name.substring(3), List.of())));
      return Optional.of(read.isEmpty() ? List.of(Value.opaque(name + " of a request")) : read);
    }
    return Optional.of(List.of(Value.opaque("result of " + name)));
  }

  private static List<Value> set(List<Value> objects, String property, List<Value> values) {
    List<Value> out = new ArrayList<>();
    for (Value v : objects) {
      out.add(v instanceof Value.Obj o ? o.with(property, values) : v);
    }
    return out;
  }

  /** {@code withBucketName} and {@code setBucketName} set {@code BucketName}. */
  static String propertyOf(String method) {
    for (String prefix : List.of("with", "set")) {
      if (method.length() > prefix.length()
          && method.startsWith(prefix)
          && Character.isUpperCase(method.charAt(prefix.length()))) {
        return method.substring(prefix.length());
      }
    }
    return null;
  }

  private static String simple(String name) {
    int cut = Math.max(name.lastIndexOf('.'), name.lastIndexOf('$'));
    return name.substring(cut + 1);
  }

  /**
   * A 1.x request object as the SDK v2 request of {@code operation}: each property becomes the v2
   * member it sets (its alias, else the member of the same name), under the member's builder
   * setter, so that {@link RequestArgs} treats it as it treats a v2 request; nested 1.x objects
   * become nested structures. Properties no member matches keep their 1.x name.
   */
  static Value toV2(
      Value value,
      Sdk1Inventory inventory,
      SdkService service,
      String operation,
      List<SdkMember> members,
      String type,
      int depth) {
    if (!(value instanceof Value.Obj obj) || depth > 6) {
      return value;
    }
    Value.Obj out = Value.Obj.empty(type);
    for (Map.Entry<String, List<Value>> prop : obj.props().entrySet()) {
      Optional<Sdk1Inventory.Structure> structure =
          inventory.structure(service.serviceName(), prop.getKey());
      if (structure.isPresent()) {
        out = flattened(out, prop.getValue(), structure.get(), members);
        continue;
      }
      Optional<SdkMember> member =
          inventory
              .member(service.serviceName(), operation, prop.getKey(), members)
              .flatMap(n -> members.stream().filter(m -> m.name().equals(n)).findFirst());
      List<SdkMember> nested =
          member.flatMap(SdkMember::structure).map(service::shape).orElse(List.of());
      List<Value> values = new ArrayList<>();
      for (Value v : prop.getValue()) {
        values.add(nested(v, inventory, service, operation, nested, depth));
      }
      out = out.with(member.map(SdkMember::setter).orElse(prop.getKey()), values);
    }
    return out;
  }

  /** The members a structure alias's object sets on the request itself. */
  private static Value.Obj flattened(
      Value.Obj request,
      List<Value> objects,
      Sdk1Inventory.Structure structure,
      List<SdkMember> members) {
    Value.Obj out = request;
    for (Map.Entry<String, String> constant :
        new java.util.TreeMap<>(structure.constants()).entrySet()) {
      Optional<String> setter = setter(members, constant.getKey());
      if (setter.isPresent()) {
        out = out.with(setter.get(), List.of(Value.str(constant.getValue())));
      }
    }
    for (Map.Entry<String, String> member :
        new java.util.TreeMap<>(structure.members()).entrySet()) {
      Optional<String> setter = setter(members, member.getValue());
      List<Value> values = new ArrayList<>();
      for (Value object : objects) {
        if (object instanceof Value.Obj o) {
          values.addAll(o.props().getOrDefault(member.getKey(), List.of()));
        }
      }
      if (setter.isPresent() && !values.isEmpty()) {
        out = out.with(setter.get(), values);
      }
    }
    return out;
  }

  private static Optional<String> setter(List<SdkMember> members, String name) {
    return members.stream().filter(m -> m.name().equals(name)).map(SdkMember::setter).findFirst();
  }

  private static Value nested(
      Value v,
      Sdk1Inventory inventory,
      SdkService service,
      String operation,
      List<SdkMember> members,
      int depth) {
    if (v instanceof Value.Obj o && o.type().startsWith(Sdk1Types.PREFIX)) {
      return toV2(o, inventory, service, operation, members, "", depth + 1);
    }
    if (v instanceof Value.Seq seq) {
      List<Value> elements = new ArrayList<>();
      seq.elements()
          .forEach(e -> elements.add(nested(e, inventory, service, operation, members, depth)));
      return new Value.Seq(elements);
    }
    return v;
  }
}
