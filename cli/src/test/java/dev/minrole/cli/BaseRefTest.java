package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff --base-ref} on a git repository made in the test: what a change adds and removes. */
class BaseRefTest {
  @TempDir Path repo;

  private static final String BEFORE =
      """
      package app;

      import software.amazon.awssdk.services.sqs.SqsClient;

      public class Handler {
        private final SqsClient sqs = SqsClient.create();

        public void handleRequest(String body) {
          sqs.sendMessage(r -> r.queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs").messageBody(body));
          sqs.deleteMessage(r -> r.queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs").receiptHandle(body));
        }
      }
      """;

  private static final String AFTER =
      """
      package app;

      import software.amazon.awssdk.core.sync.RequestBody;
      import software.amazon.awssdk.services.s3.S3Client;
      import software.amazon.awssdk.services.sqs.SqsClient;

      public class Handler {
        private final SqsClient sqs = SqsClient.create();
        private final S3Client s3 = S3Client.create();

        public void handleRequest(String body) {
          sqs.sendMessage(r -> r.queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs").messageBody(body));
          s3.putObject(r -> r.bucket("archive").key("jobs/" + body), RequestBody.fromString(body));
        }
      }
      """;

  private void git(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=minrole test",
                "-c",
                "user.email=test@example.com",
                "-c",
                "commit.gpgsign=false"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
  }

  private void write(String text) throws IOException {
    Path file = repo.resolve("fn/src/app/Handler.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void diff_baseRef_showsWhatTheChangeAddsAndRemoves() throws Exception {
    git("init", "-q", "-b", "main");
    write(BEFORE);
    git("add", "-A");
    git("commit", "-q", "-m", "before");
    write(AFTER);

    Cli cli =
        Cli.run(
            "diff",
            repo.resolve("fn/src").toString(),
            "--handler",
            "app.Handler::handleRequest",
            "--base-ref",
            "main");

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(3);
    assertThat(cli.out())
        .contains("compared with the needed policy at main")
        .contains("added      s3:PutObject on arn:aws:s3:::archive/jobs/*")
        .contains("removed    sqs:DeleteMessage on arn:aws:sqs:eu-west-1:123456789012:jobs")
        .contains("unchanged  sqs:SendMessage on arn:aws:sqs:eu-west-1:123456789012:jobs");
    Cli markdown =
        Cli.run(
            "diff",
            repo.resolve("fn/src").toString(),
            "--handler",
            "app.Handler::handleRequest",
            "--base-ref",
            "main",
            "--format",
            "markdown");
    assertThat(markdown.out()).contains("| Function | Added | Narrowed | Removed | Unchanged |");
    try (var files = Files.list(repo)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(".git", "fn");
    }
  }

  @Test
  void diff_baseRef_whenTheHandlerIsNew_everythingIsAdded() throws Exception {
    git("init", "-q", "-b", "main");
    Files.writeString(repo.resolve("README.md"), "empty\n");
    git("add", "-A");
    git("commit", "-q", "-m", "empty");
    write(AFTER);
    Cli cli =
        Cli.run(
            "diff",
            repo.resolve("fn/src").toString(),
            "--handler",
            "app.Handler::handleRequest",
            "--base-ref",
            "main",
            "--format",
            "json");
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(3);
    assertThat(cli.out()).contains("\"baseline\": \"base-ref\"").contains("\"missing\": 2");
  }

  @Test
  void diff_baseRef_whenRefIsUnknown_isAUsageError() throws Exception {
    git("init", "-q", "-b", "main");
    write(BEFORE);
    git("add", "-A");
    git("commit", "-q", "-m", "before");
    Cli cli =
        Cli.run(
            "diff",
            repo.resolve("fn/src").toString(),
            "--handler",
            "app.Handler::handleRequest",
            "--base-ref",
            "no-such-branch");
    assertThat(cli.exitCode()).isEqualTo(2);
    assertThat(cli.err()).contains("--base-ref no-such-branch is not a commit in");
  }
}
