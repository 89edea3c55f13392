package dev.minrole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.minrole.generator.diff.PolicyFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command that reads a policy file (validate, diff and tighten with {@code --current} or
 * {@code --boundary}) refuses what cannot be a policy before reading it whole: a FIFO (which would
 * block), a device such as {@code /dev/zero} (endless), a directory, and a file over the cap. Each
 * is one line on stderr naming the file, and exit code 2. The timeout only guards against a hang (a
 * FIFO opened for reading blocks for ever); nothing here measures speed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PolicyFileLimitsTest {
  @TempDir Path dir;

  @BeforeAll
  static void fakeCredentials() {
    System.setProperty("aws.accessKeyId", "AKIDLOCALTEST");
    System.setProperty("aws.secretAccessKey", "local-test-secret");
  }

  private Path input(String kind) throws Exception {
    switch (kind) {
      case "fifo" -> {
        Path fifo = dir.resolve("policy.json");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0, "mkfifo is needed for this case");
        return fifo;
      }
      case "device" -> {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "/dev/zero is needed for this case");
        return zero;
      }
      case "directory" -> {
        return Files.createDirectories(dir.resolve("policies"));
      }
      default -> {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
          file.setLength(PolicyFiles.MAX_BYTES + 1L);
        }
        return big;
      }
    }
  }

  private List<String> args(String command, Path policy) throws IOException {
    if (command.equals("validate")) {
      return List.of("validate", policy.toString());
    }
    Path src = dir.resolve("src/app/Handler.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, DiffCommandTest.HANDLER, StandardCharsets.UTF_8);
    List<String> out =
        new ArrayList<>(
            List.of(
                command.startsWith("diff") ? "diff" : "tighten",
                dir.resolve("src").toString(),
                "--handler",
                "app.Handler::handleRequest"));
    if (command.endsWith("boundary")) {
      Path current = dir.resolve("current.json");
      Files.writeString(
          current,
          DiffCommandTest.policy(DiffCommandTest.allow("sqs:SendMessage", DiffCommandTest.SQS)));
      out.addAll(List.of("--current", current.toString(), "--boundary", policy.toString()));
    } else {
      out.addAll(List.of("--current", policy.toString()));
    }
    return out;
  }

  @ParameterizedTest(name = "{0} on a {1}")
  @CsvSource({
    "validate, fifo, not a regular file (a pipe, device or socket)",
    "validate, device, not a regular file (a pipe, device or socket)",
    "validate, directory, not a regular file (a directory)",
    "validate, oversize, larger than 4 MiB",
    "diff, fifo, not a regular file (a pipe, device or socket)",
    "diff, device, not a regular file (a pipe, device or socket)",
    "diff, oversize, larger than 4 MiB",
    "diff-boundary, fifo, not a regular file (a pipe, device or socket)",
    "tighten, fifo, not a regular file (a pipe, device or socket)",
    "tighten, device, not a regular file (a pipe, device or socket)",
    "tighten, directory, not a regular file (a directory)",
    "tighten, oversize, larger than 4 MiB"
  })
  void command_onWhatCannotBeAPolicy_refusesInOneLineWithExitTwo(
      String command, String kind, String reason) throws Exception {
    Path policy = input(kind);
    Cli cli = Cli.run(args(command, policy).toArray(String[]::new));
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
    assertThat(cli.err().lines().filter(l -> l.startsWith("minrole: error: ")).toList())
        .singleElement()
        .asString()
        .contains(policy.getFileName().toString())
        .contains(reason)
        .doesNotContain("Exception");
    assertThat(cli.err()).doesNotContain("\tat ");
  }
}
