package dev.minrole.analyzer.cloudtrail;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the trail files under the paths a user gives: any nesting ({@code
 * AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/}, organization trails under {@code
 * AWSLogs/o-.../}, or a plain folder), files named {@code *.json}, {@code *.jsonl}, {@code
 * *.ndjson}, each optionally {@code .gz}. Digest files ({@code CloudTrail-Digest/}) hold no events
 * and are skipped. Symbolic links are not followed.
 */
final class TrailFiles {
  private static final List<String> SUFFIXES = List.of(".json", ".jsonl", ".ndjson");

  /** A file to read and the name reports give it, relative to the path it was found under. */
  record TrailFile(Path path, String display, long size) {}

  /** The files found, and the directories that could not be listed. */
  record Found(List<TrailFile> files, List<FileReport> unreadable) {}

  private TrailFiles() {}

  static Found find(List<Path> roots) {
    List<TrailFile> files = new ArrayList<>();
    List<FileReport> unreadable = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isRegularFile(root)) {
        files.add(new TrailFile(root, display(root.getFileName()), size(root)));
        continue;
      }
      if (!Files.isDirectory(root)) {
        unreadable.add(
            new FileReport(
                root.toString().replace('\\', '/'), 0, 0, 0, List.of("the path does not exist")));
        continue;
      }
      try {
        Files.walkFileTree(
            root,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path name = dir.getFileName();
                return name != null && name.toString().equals("CloudTrail-Digest")
                    ? FileVisitResult.SKIP_SUBTREE
                    : FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isTrailFile(file.getFileName().toString())) {
                  files.add(new TrailFile(file, display(root.relativize(file)), attrs.size()));
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                unreadable.add(
                    new FileReport(
                        display(root.relativize(file)),
                        0,
                        0,
                        0,
                        List.of("cannot be listed or read (" + e.getMessage() + ")")));
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        unreadable.add(
            new FileReport(
                display(root), 0, 0, 0, List.of("cannot be listed (" + e.getMessage() + ")")));
      }
    }
    files.sort((a, b) -> a.display().compareTo(b.display()));
    return new Found(files, unreadable);
  }

  static boolean isTrailFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz")) {
      lower = lower.substring(0, lower.length() - 3);
    }
    for (String suffix : SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static String display(Path relative) {
    return relative.toString().replace('\\', '/');
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
