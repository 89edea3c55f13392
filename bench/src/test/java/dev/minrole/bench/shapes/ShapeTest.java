package dev.minrole.bench.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import dev.minrole.analyzer.java.JavaSourceLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generated shapes are valid Java, and the analyzer follows the smallest of each to S3. */
class ShapeTest {
  @ParameterizedTest
  @EnumSource(Shape.class)
  void generate_whenSmallest_parsesAndGrowsWithN(Shape shape) {
    int n = shape.sizes().get(0);
    ShapeSource source = shape.generate(n);
    JavaParser parser = new JavaParser(JavaSourceLoader.parserConfiguration());
    for (Map.Entry<String, String> file : source.files().entrySet()) {
      ParseResult<CompilationUnit> parsed = parser.parse(file.getValue());
      assertThat(parsed.getProblems()).as(file.getKey()).isEmpty();
    }
    assertThat(shape.generate(n * 2).chars()).isGreaterThan(source.chars());
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void measure_whenSmallest_findsThePutObjectOfBucketAcme(Shape shape, @TempDir Path dir)
      throws Exception {
    ShapeResult result = AnalyzerShapes.measure(shape, shape.sizes().get(0), dir, 0, false);

    assertThat(result.crash()).isEmpty();
    assertThat(result.calls()).isPositive();
    assertThat(result.steps()).isPositive();
    assertThat(result.complete()).isTrue();
    assertThat(result.row()).startsWith("| " + shape.title() + " | ");
  }

  @Test
  void measure_whenLambdasNestTwelveDeep_analyzesAndAtThirteenSkipsTheFile(@TempDir Path dir)
      throws Exception {
    ShapeResult twelve =
        AnalyzerShapes.measure(Shape.NESTED_LAMBDAS, 12, dir.resolve("12"), 0, false);
    ShapeResult thirteen =
        AnalyzerShapes.measure(Shape.NESTED_LAMBDAS, 13, dir.resolve("13"), 0, false);

    assertThat(twelve.keys()).containsExactly("nested/key");
    assertThat(twelve.findings()).isEmpty();
    assertThat(thirteen.calls()).isZero();
    assertThat(thirteen.findings()).containsKey("SOURCE_SKIPPED");
    assertThat(thirteen.complete()).isFalse();
  }
}
