package dev.minrole.analyzer.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.sdk.SdkInventory;
import dev.minrole.analyzer.sdk.SdkOperation;
import dev.minrole.analyzer.sdk.SdkService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A call whose receiver type the analyzer cannot resolve but which looks like an SDK operation: its
 * request argument is an SDK request class, or its name is an operation of exactly one service the
 * file imports. The call is kept, with an {@code UNRESOLVED_RECEIVER} finding that says what was
 * assumed; with several candidate services it is only reported.
 */
final class UnresolvedReceiverRecognizer implements CallRecognizer {
  private static final String SERVICES = "software.amazon.awssdk.services.";

  @Override
  public List<Recognized> recognize(
      MethodCallExpr call,
      Expression scope,
      JType receiver,
      CodeUnit unit,
      RecognitionContext context) {
    if (receiver.isKnown() || receiver.staticRef() || derivedFromKnownData(scope, context)) {
      return List.of();
    }
    String method = call.getNameAsString();
    SdkInventory inventory = context.analysis().sdk().inventory();
    Optional<Recognized> byRequest = byRequestType(call, unit, context, inventory);
    if (byRequest.isPresent()) {
      report(call, context, "the request type shows it is " + byRequest.get().detail(), false);
      return List.of(byRequest.get());
    }
    List<SdkService> candidates = new ArrayList<>();
    for (SdkService service : importedServices(call, context, inventory)) {
      if (service.operationByMethod(method).isPresent()) {
        candidates.add(service);
      }
    }
    if (candidates.size() == 1) {
      SdkService service = candidates.get(0);
      SdkOperation op = service.operationByMethod(method).get();
      String requestClass = RecognitionContext.requestClass(service, op.request());
      List<Value> requests =
          call.getArguments().isEmpty()
              ? List.of(Value.Obj.empty(requestClass))
              : context.requests(call.getArgument(0), requestClass, unit);
      String detail = service.syncClient() + "." + method;
      report(
          call,
          context,
          "assumed to be " + detail + ", the only imported client with that operation",
          false);
      return List.of(new Recognized(service, op, requests, detail));
    }
    if (candidates.size() > 1) {
      List<String> names =
          candidates.stream().map(s -> s.syncClient() + "." + method).sorted().toList();
      report(
          call,
          context,
          "it may be any of " + String.join(", ", names) + "; none is included",
          true);
    }
    return List.of();
  }

  /**
   * True if the receiver is computed from an object of a known type that is neither an SDK type nor
   * in the sources and holds data, not clients, such as a Lambda event ({@code
   * event.getRecords().get(0).getS3()}). A JDK container does not count: one whose element type the
   * analyzer could not tell ({@code holder.get().putObject(...)}) may hold a client.
   */
  private static boolean derivedFromKnownData(Expression receiver, RecognitionContext context) {
    Expression current = receiver;
    while (true) {
      Optional<Expression> inner =
          current instanceof MethodCallExpr m
              ? m.getScope()
              : current instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                  ? Optional.of(f.getScope())
                  : current instanceof com.github.javaparser.ast.expr.NameExpr name
                      ? loopIterable(name)
                      : Optional.empty();
      if (inner.isEmpty()) {
        return false;
      }
      current = inner.get();
      JType type = context.typeOf(current);
      if (type.isKnown()) {
        String name = type.name();
        return context.analysis().sdk().libraries().isPermissionless(name);
      }
    }
  }

  /**
   * The collection a loop variable declared without a type walks ({@code for (var rec :
   * event.getRecords())}): its elements are whatever that collection holds.
   */
  private static Optional<Expression> loopIterable(com.github.javaparser.ast.expr.NameExpr name) {
    for (Optional<com.github.javaparser.ast.Node> n = name.getParentNode();
        n.isPresent();
        n = n.get().getParentNode()) {
      if (n.get() instanceof com.github.javaparser.ast.stmt.ForEachStmt loop
          && loop.getVariableDeclarator().getNameAsString().equals(name.getNameAsString())) {
        return loop.getVariableDeclarator().getType().isVarType()
            ? Optional.of(loop.getIterable())
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private Optional<Recognized> byRequestType(
      MethodCallExpr call, CodeUnit unit, RecognitionContext context, SdkInventory inventory) {
    if (call.getArguments().isEmpty()) {
      return Optional.empty();
    }
    JType arg = context.typeOf(call.getArgument(0));
    String pkg = arg.packageName();
    if (!pkg.endsWith(".model")) {
      return Optional.empty();
    }
    for (SdkService service :
        inventory.servicesInPackage(pkg.substring(0, pkg.length() - ".model".length()))) {
      Optional<SdkOperation> op = service.operationByRequest(arg.simpleName());
      if (op.isPresent() && op.get().method().equals(call.getNameAsString())) {
        List<Value> requests = context.requests(call.getArgument(0), arg.name(), unit);
        return Optional.of(
            new Recognized(
                service, op.get(), requests, service.syncClient() + "." + call.getNameAsString()));
      }
    }
    return Optional.empty();
  }

  private static Set<SdkService> importedServices(
      MethodCallExpr call, RecognitionContext context, SdkInventory inventory) {
    FileScope scope = context.analysis().index().scopeOf(call);
    Set<String> packages = new LinkedHashSet<>();
    for (com.github.javaparser.ast.ImportDeclaration imp : scope.file().unit().getImports()) {
      String name = imp.getNameAsString();
      if (!imp.isStatic() && name.startsWith(SERVICES)) {
        int end = name.indexOf('.', SERVICES.length());
        packages.add(end < 0 ? name : name.substring(0, end));
      }
    }
    Set<SdkService> services = new LinkedHashSet<>();
    packages.forEach(p -> services.addAll(inventory.servicesInPackage(p)));
    return services;
  }

  private static void report(
      MethodCallExpr call, RecognitionContext context, String what, boolean hidesCode) {
    context.report(
        Finding.warning(
                "UNRESOLVED_RECEIVER",
                "cannot resolve the type of the receiver of "
                    + NodeText.describe(call)
                    + "; "
                    + what
                    + ". Declare the client with its SDK type to make this exact",
                context.location(call))
            .hidingCode(hidesCode));
  }
}
