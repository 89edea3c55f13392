package dev.minrole.bench.policy;

import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the policies {@code scripts/bench-policies} feeds to {@code validate}, {@code diff} and
 * {@code tighten}: many statements, wildcard-heavy actions and resources, a list of every action,
 * and Allow/Deny mixes, each as large as the 4 MiB policy file cap allows. Beside each policy it
 * writes what validate must find in it ({@code NAME.expected}: {@code RULE COUNT} lines), so the
 * benchmark checks its results, not only its time. The same arguments give the same files.
 *
 * <p>Usage: {@code PolicyShapes DIR}
 */
public final class PolicyShapes {
  private static final String ACCOUNT = "123456789012";

  private PolicyShapes() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: PolicyShapes DIR");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (int n : new int[] {2_000, 10_000, 22_000}) {
      statements(dir, n);
    }
    for (int n : new int[] {2_000, 15_000}) {
      wildcards(dir, n);
    }
    everyAction(dir);
    starLadder(dir, 400);
    for (int n : new int[] {4_000, 32_000}) {
      denies(dir, n);
    }
  }

  /**
   * {@code n} statements on distinct buckets and queues; every tenth repeats an earlier one (a
   * {@code DUPLICATE_STATEMENT}), and every tenth is covered by an earlier one's wildcard (a {@code
   * REDUNDANT_STATEMENT}).
   */
  static void statements(Path dir, int n) throws IOException {
    List<String> out = new ArrayList<>();
    int duplicates = 0;
    int redundant = 0;
    for (int i = 0; i < n; i++) {
      int base = i - i % 10;
      if (i % 10 == 9) {
        out.add(regular("D" + i, base));
        duplicates++;
      } else if (i % 10 == 8) {
        out.add(
            statement(
                "R" + i,
                "Allow",
                List.of("s3:GetObject"),
                List.of("arn:aws:s3:::bucket-" + base + "/in/" + i + ".json")));
        redundant++;
      } else {
        out.add(regular("S" + i, i));
      }
    }
    write(
        dir,
        "statements-" + n,
        out,
        "DUPLICATE_STATEMENT " + duplicates + "\nREDUNDANT_STATEMENT " + redundant + "\n");
  }

  private static String regular(String sid, int i) {
    return statement(
        sid,
        "Allow",
        List.of("s3:GetObject", "s3:PutObject", "sqs:SendMessage"),
        List.of(
            "arn:aws:s3:::bucket-" + i + "/*", "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":queue-" + i));
  }

  /**
   * {@code n} statements whose actions and resources are runs of stars, what sends a backtracking
   * matcher into exponential time: actions with a star between every letter ({@code
   * s3:*G*e*t*B*u*c*k*e*t*...*}, which still match their action), resources {@code
   * arn:aws:s3:::bucket-k/*a*a*...*b}. Statements come in pairs on one bucket, the second with one
   * {@code *a} more, which the first covers: a {@code REDUNDANT_STATEMENT} each.
   */
  static void wildcards(Path dir, int n) throws IOException {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int pair = i / 2;
      int stars = 20 + pair % 10;
      out.add(
          statement(
              "W" + i,
              "Allow",
              List.of(
                  "s3:" + everyLetter("GetBucketPolicyStatus"),
                  "s3:" + everyLetter("PutObjectRetention")),
              List.of("arn:aws:s3:::bucket-" + pair + "/" + "*a".repeat(stars + i % 2) + "*b")));
    }
    write(dir, "wildcards-" + n, out, "REDUNDANT_STATEMENT " + n / 2 + "\nUNKNOWN_ACTION 0\n");
  }

  /** {@code *G*e*t*}: a star before, between and after the letters. */
  private static String everyLetter(String name) {
    StringBuilder out = new StringBuilder("*");
    for (char c : name.toCharArray()) {
      out.append(c).append('*');
    }
    return out.toString();
  }

  /**
   * One statement that lists every action of the catalog, and {@code s3:*}, which covers the S3
   * ones: each is a {@code DUPLICATE_ENTRY}.
   */
  static void everyAction(Path dir) throws IOException {
    List<String> actions = new ArrayList<>();
    int s3 = 0;
    for (IamAction a : IamCatalog.bundled().expand("*")) {
      actions.add(a.id());
      s3 += a.service().equals("s3") ? 1 : 0;
    }
    actions.add("s3:*");
    write(
        dir,
        "actions-" + actions.size(),
        List.of(statement("Everything", "Allow", actions, List.of("*"))),
        "DUPLICATE_ENTRY " + s3 + "\n");
  }

  /**
   * One statement with {@code n} action and resource patterns of 1 to {@code n} stars; each but the
   * first of a list is covered by the one before it (a {@code DUPLICATE_ENTRY}).
   */
  static void starLadder(Path dir, int n) throws IOException {
    List<String> actions = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      actions.add("s3:*" + "a*".repeat(i));
      resources.add("arn:aws:s3:::b/" + "*a".repeat(i) + "*b");
    }
    write(
        dir,
        "ladder-" + n,
        List.of(statement("Ladder", "Allow", actions, resources)),
        "DUPLICATE_ENTRY " + 2 * (n - 1) + "\n");
  }

  /** {@code n} statements, half Allow and half Deny on parts of what the Allows grant. */
  static void denies(Path dir, int n) throws IOException {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          i % 2 == 0
              ? statement(
                  "A" + i,
                  "Allow",
                  List.of("s3:GetObject", "s3:PutObject"),
                  List.of("arn:aws:s3:::bucket-" + i + "/*"))
              : statement(
                  "D" + i,
                  "Deny",
                  List.of("s3:DeleteObject", "s3:Put*"),
                  List.of("arn:aws:s3:::bucket-" + (i - 1) + "/secret/*")));
    }
    write(dir, "denies-" + n, out, "");
  }

  private static String statement(
      String sid, String effect, List<String> actions, List<String> resources) {
    return "{\"Sid\":\""
        + sid
        + "\",\"Effect\":\""
        + effect
        + "\",\"Action\":"
        + list(actions)
        + ",\"Resource\":"
        + list(resources)
        + "}";
  }

  private static String list(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "\"" : ",\"").append(values.get(i)).append('"');
    }
    return out.append(']').toString();
  }

  private static void write(Path dir, String name, List<String> statements, String expected)
      throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve(name + ".json"), StandardCharsets.UTF_8)) {
      w.write("{\"Version\":\"2012-10-17\",\"Statement\":[\n");
      for (int i = 0; i < statements.size(); i++) {
        w.write(statements.get(i));
        w.write(i + 1 < statements.size() ? ",\n" : "\n");
      }
      w.write("]}\n");
    }
    Files.writeString(dir.resolve(name + ".expected"), expected, StandardCharsets.UTF_8);
  }
}
