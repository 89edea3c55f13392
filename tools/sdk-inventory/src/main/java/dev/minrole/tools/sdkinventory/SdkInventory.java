package dev.minrole.tools.sdkinventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.util.VersionInfo;

/**
 * Writes minrole's inventory of the AWS SDK for Java v2 sync clients of one BOM version.
 *
 * <p>Usage: {@code SdkInventory --sdk-version 2.40.2 --local-repo ~/.m2/repository --out DIR
 * [--threads 4]}. See the module's README.md.
 */
public final class SdkInventory {

  private SdkInventory() {}

  /**
   * The command line. {@code --only a,b} limits the run to some artifacts, for trying changes; its
   * output is not a complete inventory.
   */
  record Options(String sdkVersion, Path localRepo, Path out, int threads, List<String> only) {
    static Options parse(String[] args) {
      String version = null;
      Path repo = null;
      Path out = null;
      int threads = 4;
      List<String> only = List.of();
      for (int i = 0; i + 1 < args.length; i += 2) {
        switch (args[i]) {
          case "--sdk-version" -> version = args[i + 1];
          case "--local-repo" -> repo = Path.of(args[i + 1]);
          case "--out" -> out = Path.of(args[i + 1]);
          case "--threads" -> threads = Integer.parseInt(args[i + 1]);
          case "--only" ->
              only = args[i + 1].isBlank() ? List.of() : List.of(args[i + 1].split(","));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (version == null || repo == null || out == null || args.length % 2 != 0) {
        throw new IllegalArgumentException(
            "usage: SdkInventory --sdk-version V --local-repo DIR --out DIR [--threads N]");
      }
      return new Options(version, repo, out, threads, only);
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    if (!VersionInfo.SDK_VERSION.equals(options.sdkVersion())) {
      throw new IllegalStateException(
          "built against SDK "
              + VersionInfo.SDK_VERSION
              + " but asked for "
              + options.sdkVersion());
    }
    long start = System.nanoTime();
    List<ArtifactOutcome> outcomes;
    try (MavenArtifacts maven = MavenArtifacts.open(options.localRepo())) {
      List<MavenArtifacts.BomEntry> artifacts = maven.bomEntries(options.sdkVersion());
      log("BOM %s lists %d artifacts", options.sdkVersion(), artifacts.size());
      if (!options.only().isEmpty()) {
        artifacts =
            artifacts.stream().filter(e -> options.only().contains(e.artifactId())).toList();
      }
      outcomes = survey(maven, options, artifacts);
      log(
          "downloaded %d files, %.1f MB",
          maven.downloadedFiles(), maven.downloadedBytes() / 1_000_000.0);
    }
    outcomes.sort(Comparator.comparing(ArtifactOutcome::artifact));
    var clients = new ArrayList<ServiceClient>();
    outcomes.forEach(o -> clients.addAll(o.clients()));
    clients.sort(Comparator.comparing(ServiceClient::artifact).thenComparing(ServiceClient::id));
    String coverage = CoverageReport.render(options.sdkVersion(), outcomes);
    new InventoryWriter(options.out()).write(options.sdkVersion(), clients, coverage);
    log(
        "wrote %d clients to %s in %d s",
        clients.size(), options.out(), (System.nanoTime() - start) / 1_000_000_000L);
  }

  private static List<ArtifactOutcome> survey(
      MavenArtifacts maven, Options options, List<MavenArtifacts.BomEntry> artifacts)
      throws Exception {
    var survey = new ArtifactSurvey(maven);
    var done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      var futures = new ArrayList<Future<ArtifactOutcome>>();
      for (MavenArtifacts.BomEntry artifact : artifacts) {
        futures.add(
            pool.submit(
                () -> {
                  ArtifactOutcome outcome = survey.survey(artifact);
                  int n = done.incrementAndGet();
                  if (outcome.status() != ArtifactOutcome.Status.NOT_A_SERVICE || n % 50 == 0) {
                    log(
                        "[%d/%d] %s: %s",
                        n, artifacts.size(), outcome.artifact(), describe(outcome));
                  }
                  return outcome;
                }));
      }
      var outcomes = new ArrayList<ArtifactOutcome>();
      for (Future<ArtifactOutcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String describe(ArtifactOutcome outcome) {
    return switch (outcome.status()) {
      case RECORDED ->
          outcome.clients().size()
              + " client(s), "
              + outcome.clients().stream().mapToInt(c -> c.operations().size()).sum()
              + " operations";
      case NOT_A_SERVICE -> "no sync client";
      default -> outcome.status() + " " + outcome.reason();
    };
  }

  static synchronized void log(String format, Object... args) {
    System.err.println("sdk-inventory: " + String.format(format, args));
  }
}
