package dev.minrole.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import dev.minrole.analyzer.java.JavaSourceLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerateTreeTest {
  private static final SourceTree TREE = GenerateTree.generate(300, 7, true);

  @Test
  void generate_sameSeed_givesIdenticalFiles() {
    assertThat(GenerateTree.generate(300, 7, true).files()).isEqualTo(TREE.files());
    assertThat(GenerateTree.generate(300, 8, true).files()).isNotEqualTo(TREE.files());
  }

  @Test
  void generate_stopsAtTheFirstAppThatReachesTheFileCount() {
    assertThat(TREE.fileCount()).isBetween(300, 300 + 29);
    assertThat(TREE.expected()).hasSize(4 * countApps(TREE));
  }

  @Test
  void generate_filesHaveTheSizeOfRealCode() {
    List<Long> lines =
        TREE.files().values().stream().map(content -> content.lines().count()).sorted().toList();
    long inRange = lines.stream().filter(n -> n >= 50 && n <= 300).count();
    assertThat(lines.get(lines.size() - 1)).isLessThanOrEqualTo(320);
    assertThat((double) inRange / lines.size()).isGreaterThan(0.85);
  }

  @Test
  void generate_everyFileParsesWithTheAnalyzersConfiguration() {
    JavaParser parser = new JavaParser(JavaSourceLoader.parserConfiguration());
    for (Map.Entry<String, String> file : TREE.files().entrySet()) {
      assertThat(parser.parse(file.getValue()).getProblems()).as(file.getKey()).isEmpty();
    }
  }

  @Test
  void generate_variesTheShapesBetweenApps() {
    SourceTree tree = GenerateTree.generate(600, 7, true);
    String all = String.join("\n", tree.files().values());
    assertThat(all)
        .contains("new SnsNotifier(", "new SqsNotifier(", "new EventBridgeNotifier()")
        .contains("new ClickStream(", "DaggerAppComponent.create()", "extends BaseHandler<");
    assertThat(tree.files().keySet()).anyMatch(p -> p.endsWith("/di/AppComponent.java"));
    assertThat(tree.files().keySet()).anyMatch(p -> p.endsWith("/handler/AppComponent.java"));
  }

  @Test
  void generate_withoutRecordConstants_noClassReadsTheRecordsConstants() {
    String all = String.join("\n", GenerateTree.generate(60, 7, false).files().values());
    assertThat(all).doesNotContain("Item.OPEN").contains("\"OPEN\"");
  }

  private static int countApps(SourceTree tree) {
    return (int)
        tree.files().keySet().stream().filter(p -> p.endsWith("/config/AppConfig.java")).count();
  }
}
