package dev.minrole.engine;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.render.FunctionNames;
import dev.minrole.generator.render.Renderer;
import dev.minrole.generator.synth.FunctionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code generate --out DIR}: one file per function, named after the function as templates name it
 * ({@link FunctionNames}: the logical id, or the handler class for a function known from its code)
 * with the format's extension, e.g. {@code OrderFunction.cfn.yaml}. The directory is created if
 * needed; files of the same names are replaced, other files are left alone.
 */
public final class OutputFiles {
  private OutputFiles() {}

  /** Creates the directory, before any analysis, so a bad {@code --out} fails at once. */
  public static void prepare(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new RequestException(
          "--out " + dir + " is a file; give a directory to write one file per function into");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new RequestException(
          "--out "
              + dir
              + ": cannot create the directory ("
              + reason(e)
              + "); give a writable directory");
    }
  }

  /**
   * Writes the files into the prepared directory and returns their paths, in the order of the
   * functions.
   */
  public static List<Path> write(
      Path dir, Renderer renderer, List<FunctionPolicy> functions, List<Finding> findings) {
    FunctionNames names = new FunctionNames(functions);
    Set<String> taken = new HashSet<>();
    List<Path> written = new ArrayList<>();
    for (FunctionPolicy f : functions) {
      String name = names.of(f);
      // Names differ, but may differ only in case, which some file systems do not tell apart.
      String unique = name;
      for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
        unique = name + "-" + n;
      }
      Path file = dir.resolve(unique + "." + renderer.extension());
      try {
        Files.writeString(file, renderer.renderOne(f, findings), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new RequestException(
            "--out "
                + dir
                + ": cannot write "
                + file.getFileName()
                + " ("
                + reason(e)
                + "); give a writable directory");
      }
      written.add(file);
    }
    return written;
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way: " + e.getMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
