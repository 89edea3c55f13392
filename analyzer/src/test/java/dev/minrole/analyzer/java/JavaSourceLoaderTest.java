package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader keeps of a parsed tree: every position and printed form, but no tokens. */
class JavaSourceLoaderTest {
  private static final String SOURCE =
      """
      package app;

      import java.util.List;
      import java.util.function.Supplier;

      /** Javadoc and comments are not kept (comments are not attributed). */
      public class Orders {
        static final String TABLE = "orders-" + 42;   // a trailing comment
        private final Supplier<String> name =
            new Supplier<>() {
              @Override
              public String get() {
                return \"""
                    multi
                    line\""";
              }
            };

        record Line(String sku, int quantity) {}

        sealed interface Shape permits Circle, Square {}
        record Circle(double r) implements Shape {}
        record Square(double side) implements Shape {}

        double area(Object shape) {
          class Local {
            double twice(double x) { return 2 * x; }
          }
          return switch (shape) {
            case Circle c when c.r() > 0 -> Math.PI * c.r() * c.r();
            case Square s -> new Local().twice(s.side() * s.side() / 2);
            default -> 0;
          };
        }

        List<String> skus(List<Line> lines) {
          return lines.stream().filter(l -> l.quantity() > 0).map(Line::sku).toList();
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void load_dropsTokensButKeepsEveryNodesRangeAndPrintedForm() throws IOException {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/Orders.java"), SOURCE);
    CompilationUnit withTokens =
        new JavaParser(JavaSourceLoader.parserConfiguration())
            .parse(SOURCE)
            .getResult()
            .orElseThrow();

    CompilationUnit loaded = new JavaSourceLoader().load(List.of(dir)).files().get(0).unit();

    List<Node> expected = nodes(withTokens);
    List<Node> actual = nodes(loaded);
    assertThat(actual).hasSameSizeAs(expected).hasSizeGreaterThan(150);
    for (int i = 0; i < expected.size(); i++) {
      Node want = expected.get(i);
      Node got = actual.get(i);
      assertThat(got.getClass()).isEqualTo(want.getClass());
      assertThat(got.getRange()).as("range of %s", want).isEqualTo(want.getRange());
      assertThat(got.toString()).isEqualTo(want.toString());
      assertThat(got.getTokenRange()).as("tokens of %s", want).isEmpty();
    }
  }

  @Test
  void load_keepsTheLinesFindingsReport() throws IOException {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/Orders.java"), SOURCE);

    SourceSet sources = new JavaSourceLoader().load(List.of(dir));
    TypeIndex index = new TypeIndex(sources.files());

    CompilationUnit loaded = sources.files().get(0).unit();
    Node area = loaded.getType(0).getMethodsByName("area").get(0);
    Node line = loaded.getType(0).getMembers().get(2);
    assertThat(Locations.of(area, index).toString()).isEqualTo("app/Orders.java:25");
    assertThat(Locations.of(line, index).toString()).isEqualTo("app/Orders.java:19");
  }

  @Test
  void load_installsEveryUnitsPrinter_soAnalysesOnSeveralThreadsOnlyReadTheTrees()
      throws IOException {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/Orders.java"), SOURCE);
    Files.writeString(dir.resolve("app/Empty.java"), "package app;\n\nclass Empty {}\n");

    SourceSet sources = new JavaSourceLoader().load(List.of(dir));

    assertThat(sources.files())
        .hasSize(2)
        .allSatisfy(file -> assertThat(file.unit().containsData(Node.PRINTER_KEY)).isTrue());
  }

  private static List<Node> nodes(CompilationUnit unit) {
    List<Node> out = new ArrayList<>();
    unit.walk(out::add);
    return out;
  }
}
