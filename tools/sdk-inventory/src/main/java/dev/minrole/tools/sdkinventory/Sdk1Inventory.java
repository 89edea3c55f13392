package dev.minrole.tools.sdkinventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes minrole's inventory of the AWS SDK for Java 1.x clients of one BOM version, mapped onto
 * the committed SDK v2 inventory.
 *
 * <p>Usage: {@code Sdk1Inventory --sdk-version 1.12.797 --local-repo ~/.m2/repository --v2 DIR
 * --aliases FILE --out DIR [--threads 2] [--only a,b]}. See the module's README.md.
 */
public final class Sdk1Inventory {

  private Sdk1Inventory() {}

  record Options(
      String sdkVersion,
      Path localRepo,
      Path v2,
      Path aliases,
      Path out,
      int threads,
      List<String> only) {
    static Options parse(String[] args) {
      String version = null;
      Path repo = null;
      Path v2 = null;
      Path aliases = null;
      Path out = null;
      int threads = 2;
      List<String> only = List.of();
      for (int i = 0; i + 1 < args.length; i += 2) {
        switch (args[i]) {
          case "--sdk-version" -> version = args[i + 1];
          case "--local-repo" -> repo = Path.of(args[i + 1]);
          case "--v2" -> v2 = Path.of(args[i + 1]);
          case "--aliases" -> aliases = Path.of(args[i + 1]);
          case "--out" -> out = Path.of(args[i + 1]);
          case "--threads" -> threads = Integer.parseInt(args[i + 1]);
          case "--only" ->
              only = args[i + 1].isBlank() ? List.of() : List.of(args[i + 1].split(","));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (version == null
          || repo == null
          || v2 == null
          || aliases == null
          || out == null
          || args.length % 2 != 0) {
        throw new IllegalArgumentException(
            "usage: Sdk1Inventory --sdk-version V --local-repo DIR --v2 DIR --aliases FILE"
                + " --out DIR [--threads N] [--only a,b]");
      }
      return new Options(version, repo, v2, aliases, out, threads, only);
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    long start = System.nanoTime();
    Sdk1V2Match v2 = new Sdk1V2Match(options.v2());
    String v2Version =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(options.v2().resolve("index.json").toFile())
            .path("sdkVersion")
            .asText();
    List<Sdk1Survey.Result> results;
    try (MavenArtifacts maven = MavenArtifacts.open(options.localRepo())) {
      List<MavenArtifacts.BomEntry> artifacts =
          maven.bomEntries(Sdk1Survey.GROUP, "aws-java-sdk-bom", options.sdkVersion(), false);
      SdkInventory.log("1.x BOM %s lists %d artifacts", options.sdkVersion(), artifacts.size());
      if (!options.only().isEmpty()) {
        artifacts =
            artifacts.stream().filter(e -> options.only().contains(e.artifactId())).toList();
      }
      results = survey(new Sdk1Survey(maven, v2), artifacts, options.threads());
      SdkInventory.log(
          "downloaded %d files, %.1f MB",
          maven.downloadedFiles(), maven.downloadedBytes() / 1_000_000.0);
    }
    results = new ArrayList<>(results.stream().filter(r -> !r.clients().isEmpty()).toList());
    results.sort(Comparator.comparing(Sdk1Survey.Result::artifact));
    Sdk1Aliases aliases = Sdk1Aliases.read(options.aliases());
    String coverage = Sdk1Coverage.render(options.sdkVersion(), v2Version, results, v2, aliases);
    new Sdk1Writer(options.out()).write(options.sdkVersion(), v2Version, results, coverage);
    SdkInventory.log(
        "wrote %d artifacts to %s in %d s",
        results.size(), options.out(), (System.nanoTime() - start) / 1_000_000_000L);
  }

  private static List<Sdk1Survey.Result> survey(
      Sdk1Survey survey, List<MavenArtifacts.BomEntry> artifacts, int threads) throws Exception {
    var done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var futures = new ArrayList<Future<Sdk1Survey.Result>>();
      for (MavenArtifacts.BomEntry artifact : artifacts) {
        futures.add(
            pool.submit(
                () -> {
                  Sdk1Survey.Result result;
                  try {
                    result = survey.survey(artifact.artifactId(), artifact.version());
                  } catch (Exception | LinkageError e) {
                    result =
                        new Sdk1Survey.Result(
                            artifact.artifactId(),
                            List.of(),
                            new java.util.TreeMap<>(),
                            List.of("failed: " + e));
                  }
                  int n = done.incrementAndGet();
                  SdkInventory.log(
                      "[%d/%d] %s: %d client(s)%s",
                      n,
                      artifacts.size(),
                      artifact.artifactId(),
                      result.clients().size(),
                      result.notes().isEmpty() ? "" : ", " + result.notes());
                  return result;
                }));
      }
      var out = new ArrayList<Sdk1Survey.Result>();
      for (Future<Sdk1Survey.Result> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
