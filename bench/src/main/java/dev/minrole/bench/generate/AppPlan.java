package dev.minrole.bench.generate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The choices that make one generated Lambda app differ from the next: its domain and name, how its
 * ingest handler notifies, where its webhook handler sends, and whether its query handler is wired
 * by a Dagger component ({@code daggerPackage} names the subpackage of the component, {@code di} or
 * the handler's own; empty when the handler wires its service by hand). With {@code
 * recordConstants}, other classes read the {@code Item} record's static constants.
 */
record AppPlan(
    int index,
    String domain,
    String app,
    String pkg,
    String dir,
    Notifier notifier,
    boolean kinesisWebhook,
    String daggerPackage,
    String region,
    boolean recordConstants,
    long seed) {

  /** How the ingest handler announces a new item. */
  enum Notifier {
    SNS("SnsNotifier", "sns.Publish"),
    SQS("SqsNotifier", "sqs.SendMessage"),
    EVENTS("EventBridgeNotifier", "events.PutEvents");

    final String className;
    final String operation;

    Notifier(String className, String operation) {
      this.className = className;
      this.operation = operation;
    }
  }

  private static final List<String> DOMAINS =
      List.of(
          "orders",
          "invoices",
          "shipments",
          "payments",
          "returns",
          "catalog",
          "accounts",
          "billing",
          "loyalty",
          "reviews",
          "coupons",
          "stock",
          "pricing",
          "claims",
          "tickets",
          "bookings",
          "rentals",
          "leases",
          "refunds",
          "ledger");
  private static final List<String> REGIONS =
      List.of("eu-west-1", "us-east-1", "us-west-2", "eu-central-1", "ap-southeast-2");

  static AppPlan of(int index, Random random, boolean recordConstants) {
    String domain = DOMAINS.get(index % DOMAINS.size());
    String number = String.format(Locale.ROOT, "%03d", index);
    String app = domain + number;
    return new AppPlan(
        index,
        domain,
        app,
        "com.acme." + app,
        "apps/" + domain + "-" + number + "/src/main/java/com/acme/" + app,
        Notifier.values()[random.nextInt(Notifier.values().length)],
        random.nextBoolean(),
        index % 8 == 3 ? "di" : index % 8 == 7 ? "handler" : "",
        REGIONS.get(random.nextInt(REGIONS.size())),
        recordConstants,
        random.nextLong());
  }

  boolean injected() {
    return !daggerPackage.isEmpty();
  }

  /** {@code Orders}, for class names and prose. */
  String title() {
    return Character.toUpperCase(domain.charAt(0)) + domain.substring(1);
  }

  /** The values every template of this app may use. */
  Map<String, String> values() {
    return Map.of(
        "pkg",
        pkg,
        "app",
        app,
        "domain",
        domain,
        "title",
        title(),
        "region",
        region,
        "account",
        String.format(Locale.ROOT, "%012d", 100_000_000_000L + index * 7919L),
        "common",
        CommonLibrary.PKG,
        "pageSize",
        String.valueOf(25 + index * 13 % 100),
        "timeout",
        String.valueOf(5 + index % 20),
        "openStatus",
        recordConstants ? "Item.OPEN" : "\"OPEN\"");
  }

  /** Writes one file of this app: {@code sub} is its subpackage, e.g. {@code data}. */
  void add(
      SourceTree tree, Filler filler, String sub, String name, String body, List<String> imports) {
    add(tree, filler, sub, name, body, imports, Map.of());
  }

  /** The same, with values only this file uses. */
  void add(
      SourceTree tree,
      Filler filler,
      String sub,
      String name,
      String body,
      List<String> imports,
      Map<String, String> extra) {
    Map<String, String> all = new java.util.HashMap<>(values());
    all.putAll(extra);
    String path = dir + "/" + sub + "/" + name + ".java";
    tree.add(path, JavaFile.render(pkg + "." + sub, imports, body, all, filler));
  }
}
