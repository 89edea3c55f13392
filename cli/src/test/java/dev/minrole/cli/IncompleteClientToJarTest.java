package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app of {@code fixtures/diff-cases/incomplete-client-to-jar}: {@code
 * ArchiveStatementsFunction} hands its {@code S3Client} to {@code com.acme.archive.Archiver}, a
 * class from a jar that is not in the sources ({@code CLIENT_ESCAPES}), and {@code
 * StatementLookupFunction} is complete. Tighten keeps the archive function's {@code S3CrudPolicy}
 * statement as written and exits 6; the lookup function alone gets its excess and exit 4; with the
 * archiver's sources added, the archive function is complete and its unused S3 grants are excess
 * too.
 */
class IncompleteClientToJarTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUCKET = "arn:aws:s3:::acme-statement-archive";

  /** What SAM's {@code S3CrudPolicy} grants, on the bucket and on its objects. */
  private static final List<String> S3_CRUD =
      List.of(
          "s3:DeleteObject",
          "s3:GetBucketLocation",
          "s3:GetLifecycleConfiguration",
          "s3:GetObject",
          "s3:GetObjectVersion",
          "s3:ListBucket",
          "s3:PutLifecycleConfiguration",
          "s3:PutObject",
          "s3:PutObjectAcl");

  private static final String ARCHIVER =
      """
      package com.acme.archive;

      import software.amazon.awssdk.core.sync.RequestBody;
      import software.amazon.awssdk.services.s3.S3Client;

      /** The platform team's archiver, as its sources would read. */
      public final class Archiver {
        private final S3Client s3;
        private final String bucket;

        public Archiver(S3Client s3, String bucket, RetentionPolicy retention) {
          this.s3 = s3;
          this.bucket = bucket;
        }

        public void upload(String key, byte[] document) {
          s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(document));
        }
      }
      """;

  private static final String RETENTION =
      """
      package com.acme.archive;

      public final class RetentionPolicy {
        private final int years;

        private RetentionPolicy(int years) {
          this.years = years;
        }

        public static RetentionPolicy years(int years) {
          return new RetentionPolicy(years);
        }

        public int years() {
          return years;
        }
      }
      """;

  @TempDir Path dir;

  private static Path input() {
    return Fixtures.root().resolve("diff-cases/incomplete-client-to-jar/input");
  }

  private static Cli run(String command, Path path, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command, path.toString(), "--region", "eu-central-1", "--account", "404040404040"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** The lines tighten prints to stderr about one function, up to the next function's. */
  private static String tightenLog(String err, String function) {
    int start = err.indexOf("minrole: tighten " + function + ":");
    assertThat(start).as(err).isNotNegative();
    int end = err.indexOf("minrole: tighten ", start + 1);
    return err.substring(start, end < 0 ? err.length() : end);
  }

  @Test
  void tighten_whenTheS3ClientIsHandedToAJar_keepsTheS3CrudStatementAsWritten_andExitsSix()
      throws IOException {
    Cli cli = run("tighten", input());

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(6);
    JsonNode archive = JSON.readTree(cli.out()).path("ArchiveStatementsFunction");
    List<JsonNode> s3Statements = new ArrayList<>();
    archive
        .path("Statement")
        .forEach(
            s -> {
              if (s.path("Action").get(0).asText().startsWith("s3:")) {
                s3Statements.add(s);
              }
            });
    assertThat(s3Statements).hasSize(1);
    assertThat(s3Statements.get(0).path("Action"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(S3_CRUD);
    assertThat(s3Statements.get(0).path("Resource"))
        .extracting(JsonNode::asText)
        .containsExactly(BUCKET, BUCKET + "/*");
    String log = tightenLog(cli.err(), "ArchiveStatementsFunction");
    assertThat(log)
        .contains("statements as written")
        .contains(
            "incomplete: minrole could not see all the code the function runs (CLIENT_ESCAPES")
        .contains("StatementRepository.java:23")
        .contains("kept     s3:PutObject on " + BUCKET + "/*: unverified")
        .contains("kept     s3:ListBucket on " + BUCKET + ": unverified")
        .doesNotContain("removed ")
        .doesNotContain("narrowed ");

    Cli report = run("tighten", input(), "--format", "report");
    assertThat(report.exitCode()).as(report.err()).isEqualTo(6);
    JsonNode function = functionNamed(JSON.readTree(report.out()), "ArchiveStatementsFunction");
    assertThat(function.path("complete").asBoolean(true)).isFalse();
    assertThat(function.path("findings"))
        .extracting(f -> f.path("id").asText())
        .contains("CLIENT_ESCAPES", "UNVERIFIED_GRANTS_KEPT");
  }

  @Test
  void tighten_ofTheCompleteFunctionInTheSameTemplate_stillRemovesAndNarrows() throws IOException {
    Cli cli = run("tighten", input());

    JsonNode lookup = JSON.readTree(cli.out()).path("StatementLookupFunction");
    List<String> actions = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    lookup
        .path("Statement")
        .forEach(
            s -> {
              s.path("Action").forEach(a -> actions.add(a.asText()));
              s.path("Resource").forEach(r -> resources.add(r.asText()));
            });
    assertThat(actions)
        .contains("dynamodb:GetItem", "s3:GetObject")
        .doesNotContain("s3:ListBucket", "s3:GetObjectVersion", "dynamodb:Scan");
    assertThat(resources).contains(BUCKET + "/*/*.pdf").doesNotContain(BUCKET + "/*");
    assertThat(tightenLog(cli.err(), "StatementLookupFunction"))
        .contains("removed  s3:ListBucket on " + BUCKET)
        .contains("narrowed s3:GetObject on " + BUCKET + "/* to " + BUCKET + "/*/*.pdf")
        .doesNotContain("unverified");
  }

  @Test
  void diff_ofTheCompleteFunctionAlone_listsExcess_andExitsFour() throws IOException {
    copyInput();
    Path template = dir.resolve("template.yaml");
    String text = Files.readString(template, StandardCharsets.UTF_8);
    int from = text.indexOf("  # Renders last month's statements");
    int to = text.indexOf("  # GET /statements/");
    assertThat(from).isPositive().isLessThan(to);
    Files.writeString(
        template, text.substring(0, from) + text.substring(to), StandardCharsets.UTF_8);

    Cli cli = run("diff", dir, "--color", "never");

    assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(4);
    assertThat(cli.out())
        .contains("StatementLookupFunction: 0 missing, 4 broader, 10 excess, 1 matched")
        .containsPattern("excess +s3:ListBucket on " + BUCKET)
        .doesNotContain("ArchiveStatementsFunction")
        .doesNotContain("unverified");
  }

  @Test
  void diff_withTheArchiverSourcesAdded_isComplete_andTheUnusedS3GrantsAreExcess()
      throws IOException {
    copyInput();
    write("src/main/java/com/acme/archive/Archiver.java", ARCHIVER);
    write("src/main/java/com/acme/archive/RetentionPolicy.java", RETENTION);

    Cli cli = run("diff", dir, "--color", "never", "--format", "json");

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(4);
    JsonNode archive = functionNamed(JSON.readTree(cli.out()), "ArchiveStatementsFunction");
    assertThat(archive.path("complete").asBoolean(false)).isTrue();
    assertThat(archive.path("unverified")).isEmpty();
    List<String> excess = new ArrayList<>();
    archive.path("excess").forEach(e -> excess.add(e.path("summary").asText()));
    assertThat(excess).contains("s3:DeleteObject", "s3:ListBucket").doesNotContain("s3:PutObject");
    assertThat(cli.err()).doesNotContain("CLIENT_ESCAPES");
  }

  private static JsonNode functionNamed(JsonNode root, String name) {
    for (JsonNode function : root.path("functions")) {
      if (name.equals(function.path("name").asText())) {
        return function;
      }
    }
    throw new AssertionError("no function " + name + " in " + root);
  }

  private void copyInput() throws IOException {
    Path from = input();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path to = dir.resolve(from.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(file, to);
      }
    }
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
