package dev.minrole.bench.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates a monorepo of small Lambda apps for the analyzer benchmark: a shared library and as
 * many apps as it takes to reach {@code --files} Java files, each app about 27 files of 50 to 300
 * lines in the shapes the analyzer supports. The same seed gives byte-identical files.
 *
 * <pre>
 * java -cp bench/target/minrole-bench.jar dev.minrole.bench.generate.GenerateTree \
 *     --files 5000 --seed 42 --out target/bench-analyzer [--without-record-constants]
 * </pre>
 */
public final class GenerateTree {
  static final long DEFAULT_SEED = 20260101L;

  private GenerateTree() {}

  public static void main(String[] args) throws IOException {
    int files = 5000;
    long seed = DEFAULT_SEED;
    boolean recordConstants = true;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--files" -> files = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--without-record-constants" -> recordConstants = false;
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + "; use --files N --seed S --out DIR [--without-record-constants]");
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required");
    }
    SourceTree tree = generate(files, seed, recordConstants);
    tree.writeTo(out);
    System.err.println(summary(tree));
  }

  /**
   * The tree of at least {@code files} files for {@code seed}. Without {@code recordConstants}, no
   * class reads a record's static constant, a shape that crashes the analyzer at the time of
   * writing (see docs/benchmarks.md).
   */
  static SourceTree generate(int files, long seed, boolean recordConstants) {
    SourceTree tree = new SourceTree();
    Random apps = new Random(seed);
    CommonLibrary.write(tree, new Filler(new Random(apps.nextLong())));
    for (int index = 0; tree.fileCount() < files; index++) {
      AppPlan plan = AppPlan.of(index, new Random(apps.nextLong()), recordConstants);
      Filler filler = new Filler(new Random(plan.seed()));
      ConfigFiles.write(plan, tree, filler);
      ModelFiles.write(plan, tree, filler);
      UtilFiles.write(plan, tree, filler);
      DataFiles.write(plan, tree, filler);
      ServiceFiles.write(plan, tree, filler);
      HandlerFiles.write(plan, tree, filler);
    }
    return tree;
  }

  static String summary(SourceTree tree) {
    List<Integer> lines = new ArrayList<>();
    long bytes = 0;
    for (String content : tree.files().values()) {
      lines.add((int) content.lines().count());
      bytes += content.length();
    }
    Collections.sort(lines);
    long total = lines.stream().mapToLong(Integer::longValue).sum();
    return String.format(
        "generated %d files (%d lines, %.1f MB; lines per file min %d, median %d, max %d), %d"
            + " handlers",
        lines.size(),
        total,
        bytes / 1e6,
        lines.get(0),
        lines.get(lines.size() / 2),
        lines.get(lines.size() - 1),
        tree.expected().size());
  }
}
