package dev.minrole.engine;

import dev.minrole.generator.synth.FunctionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code diff --base-ref REF}: the needed policy of each function at a git ref. The same PATHs are
 * taken from the ref with {@code git archive} into a temporary directory (the repository and its
 * worktrees are not touched), analyzed with the same options, and the directory is deleted. A
 * function whose handler did not exist at the ref needs nothing there.
 */
final class BaseRef {
  private static final long GIT_TIMEOUT_SECONDS = 120;

  private BaseRef() {}

  /** Each function's needed policy at {@code ref}, by function name; absent if it did not exist. */
  static Map<String, Optional<FunctionPolicy>> neededAt(
      String ref, AnalysisRequest source, List<FunctionPolicy> now) {
    List<Path> paths =
        source.pathsOrCurrent().stream().map(p -> p.toAbsolutePath().normalize()).toList();
    Path first = Files.isDirectory(paths.get(0)) ? paths.get(0) : paths.get(0).getParent();
    Path top = Path.of(git(first, "rev-parse", "--show-toplevel").strip());
    if (run(top, "git", "rev-parse", "--verify", "--quiet", ref + "^{commit}").exit() != 0) {
      throw new RequestException(
          "--base-ref " + ref + " is not a commit in " + top + "; give a branch, tag or commit");
    }
    Path temp;
    try {
      temp = Files.createTempDirectory("minrole-base-");
    } catch (IOException e) {
      throw new RequestException(
          "cannot create a temporary directory for --base-ref: " + e.getMessage());
    }
    try {
      List<Path> basePaths = new ArrayList<>();
      List<String> archived = new ArrayList<>();
      for (Path p : paths) {
        String relative = relative(top, p);
        if (relative.isEmpty()
            || run(top, "git", "cat-file", "-e", ref + ":" + relative).exit() == 0) {
          archived.add(relative.isEmpty() ? "." : relative);
          basePaths.add(
              relative.isEmpty() ? temp.resolve("tree") : temp.resolve("tree").resolve(relative));
        }
      }
      Map<String, Optional<FunctionPolicy>> out = new LinkedHashMap<>();
      now.forEach(f -> out.put(f.name(), Optional.empty()));
      if (archived.isEmpty()) {
        return out;
      }
      Path zip = temp.resolve("base.zip");
      List<String> command =
          new ArrayList<>(List.of("archive", "--format=zip", "-o", zip.toString(), ref, "--"));
      command.addAll(archived);
      git(top, command.toArray(String[]::new));
      unzip(zip, temp.resolve("tree"));
      if (source.handlers().isEmpty()) {
        Analysis base = Pipeline.needed(source.withSources(basePaths, List.of()));
        if (now.size() == 1 && base.functions().size() == 1) {
          out.put(now.get(0).name(), Optional.of(base.functions().get(0)));
        }
        return out;
      }
      for (String handler : source.handlers()) {
        try {
          Analysis base = Pipeline.needed(source.withSources(basePaths, List.of(handler)));
          base.functions().forEach(f -> out.put(f.name(), Optional.of(f)));
        } catch (RequestException e) {
          // The handler or its sources did not exist at the ref: it needed nothing there.
        }
      }
      return out;
    } finally {
      delete(temp);
    }
  }

  private static String relative(Path top, Path p) {
    try {
      return top.toRealPath().relativize(p.toRealPath()).toString().replace('\\', '/');
    } catch (IOException | IllegalArgumentException e) {
      throw new RequestException(
          p + " is not inside the git repository " + top + "; --base-ref needs PATHs in it");
    }
  }

  private static void unzip(Path zip, Path target) {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      Files.createDirectories(target);
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path out = target.resolve(e.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new RequestException(
              "git archive of --base-ref holds a path outside its tree: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(in, out);
        }
      }
    } catch (IOException e) {
      throw new RequestException("cannot extract the sources at --base-ref: " + e.getMessage());
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary directory left behind is harmless; the result does not depend on it.
    }
  }

  private static String git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Outcome o = run(dir, command.toArray(String[]::new));
    if (o.exit() != 0) {
      throw new RequestException(
          "--base-ref needs git: 'git "
              + String.join(" ", args)
              + "' in "
              + dir
              + " failed: "
              + o.err().strip().replaceAll("\\s+", " "));
    }
    return o.out();
  }

  private record Outcome(int exit, String out, String err) {}

  private static Outcome run(Path dir, String... command) {
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
      process.getOutputStream().close();
      String out;
      String err;
      try (InputStream stdout = process.getInputStream();
          InputStream stderr = process.getErrorStream()) {
        out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new RequestException(
            "git did not finish within " + GIT_TIMEOUT_SECONDS + " s in " + dir);
      }
      return new Outcome(process.exitValue(), out, err);
    } catch (IOException e) {
      throw new RequestException("--base-ref needs git on the PATH: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RequestException("interrupted while running git");
    }
  }
}
