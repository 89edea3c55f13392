package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
  @TempDir Path dir;

  private Path write(String relative, byte[] content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, content);
  }

  private Path write(String relative, String content) throws IOException {
    return write(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void load_whenFileDoesNotParse_reportsFileAndLineAndKeepsTheRest() throws IOException {
    write("app/Good.java", "package app;\nclass Good {}\n");
    write("app/Bad.java", "package app;\n\nclass Bad {\n  void f() { int x = ; }\n}\n");
    SourceSet set = new JavaSourceLoader().load(List.of(dir));
    assertThat(set.files()).extracting(ParsedFile::displayPath).containsExactly("app/Good.java");
    assertThat(set.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("PARSE_ERROR");
              assertThat(f.location().toString()).isEqualTo("app/Bad.java:4");
            });
  }

  @Test
  void load_whenFileIsNotUtf8_readsItAsLatin1AndSaysSo() throws IOException {
    byte[] latin1 =
        "package app;\n// Grüße\nclass Latin {}\n".getBytes(StandardCharsets.ISO_8859_1);
    write("app/Latin.java", latin1);
    SourceSet set = new JavaSourceLoader().load(List.of(dir));
    assertThat(set.files()).hasSize(1);
    assertThat(set.findings()).extracting(Finding::id).containsExactly("NON_UTF8_SOURCE");
  }

  @Test
  void load_whenExpressionIsNestedVeryDeeply_doesNotCrash() throws IOException {
    StringBuilder expression = new StringBuilder();
    int depth = 20_000;
    expression.append("(".repeat(depth)).append('1').append(")".repeat(depth));
    write("app/Deep.java", "package app;\nclass Deep { int x = " + expression + "; }\n");
    write("app/Good.java", "package app;\nclass Good {}\n");
    SourceSet set = new JavaSourceLoader().load(List.of(dir));
    assertThat(set.files()).extracting(ParsedFile::displayPath).contains("app/Good.java");
    assertThat(set.files().size() + set.findings().size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void load_whenSymlinkLoops_doesNotFollowItAgain() throws IOException {
    write("app/Good.java", "package app;\nclass Good {}\n");
    Files.createSymbolicLink(dir.resolve("app/loop"), dir.resolve("app"));
    SourceSet set = new JavaSourceLoader().load(List.of(dir));
    assertThat(set.files()).extracting(ParsedFile::displayPath).containsExactly("app/Good.java");
    assertThat(set.findings()).extracting(Finding::id).containsExactly("UNREADABLE_SOURCE");
  }

  @Test
  void load_whenFileIsHuge_skipsItAsGeneratedCode() throws IOException {
    byte[] huge = new byte[(int) JavaSourceLoader.MAX_FILE_BYTES + 10];
    java.util.Arrays.fill(huge, (byte) ' ');
    write("gen/Huge.java", huge);
    SourceSet set = new JavaSourceLoader().load(List.of(dir));
    assertThat(set.files()).isEmpty();
    assertThat(set.findings()).extracting(Finding::id).containsExactly("SOURCE_SKIPPED");
    assertThat(set.findings().get(0).message())
        .contains("the file is 8.0 MiB, over the 8 MiB limit for one source file");
    assertThat(set.unanalyzed()).containsExactly("gen/Huge.java");
  }

  @Test
  void load_whenBracketsNestTooDeep_skipsTheFileTheSameWayEveryTime() throws IOException {
    int n = SourceNesting.MAX_BRACKETS + 1;
    write(
        "app/Deep.java",
        "package app;\nclass Deep {\n String key = "
            + "(".repeat(n)
            + "\"deep/key\""
            + ")".repeat(n)
            + ";\n}\n");
    write("app/Good.java", "package app;\nclass Good {}\n");
    for (int run = 0; run < 2; run++) {
      SourceSet set = new JavaSourceLoader().load(List.of(dir));
      assertThat(set.files()).extracting(ParsedFile::displayPath).containsExactly("app/Good.java");
      assertThat(set.findings()).extracting(Finding::id).containsExactly("SOURCE_SKIPPED");
      assertThat(set.findings().get(0).message())
          .startsWith(
              "brackets are nested 2002 deep, over the limit of 2000"); // the class body too
    }
  }

  @Test
  void load_whenLambdasNestTooDeep_skipsTheFileBeforeParsingIt() throws IOException {
    String body = "s3.putObject(r -> r.bucket(\"acme\").key(\"k\"), RequestBody.empty());";
    for (int i = 0; i < 25; i++) {
      body = "items.forEach(x" + i + " -> { " + body + " });";
    }
    write(
        "app/Deep.java",
        "package app;\nclass Deep {\n void run(java.util.List<String> items) {\n"
            + body
            + "\n}\n}\n");
    write("app/Good.java", "package app;\nclass Good {}\n");
    SourceSet set = new JavaSourceLoader().load(List.of(dir));
    assertThat(set.files()).extracting(ParsedFile::displayPath).containsExactly("app/Good.java");
    assertThat(set.findings()).extracting(Finding::id).containsExactly("SOURCE_SKIPPED");
    assertThat(set.findings().get(0).message())
        .startsWith("lambdas are nested 26 deep, over the limit of 12");
  }

  @Test
  void analyze_whenTheFunctionUsesAClassWhoseFileWasSkipped_isIncomplete() {
    String body = "System.out.println(\"x\");";
    for (int i = 0; i < 14; i++) {
      body = "items.forEach(x" + i + " -> { " + body + " });";
    }
    FunctionAnalysis analysis =
        AnalyzerHarness.handler("app.Handler::handleRequest")
            .file(
                "app/Exporter.java",
                "package app;\nclass Exporter {\n void run(java.util.List<String> items) {\n"
                    + body
                    + "\n}\n}\n")
            .file(
                "app/Handler.java",
                """
                package app;

                public class Handler {
                  public void handleRequest(java.util.List<String> items) {
                    new Exporter().run(items);
                  }
                }
                """)
            .analyze();
    assertThat(analysis.findings())
        .filteredOn(f -> f.id().equals("SOURCE_SKIPPED") && f.hidesCode())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message()).contains("uses Exporter, whose file app/Exporter.java");
              assertThat(f.location().line()).isEqualTo(5);
            });
  }

  @Test
  void analyze_whenCodeUsesReflection_saysThePolicyCannotCoverIt() {
    AnalyzerHarness.handler("app.Handler::handleRequest")
        .file(
            "app/Handler.java",
            """
            package app;

            public class Handler {
              public Object handleRequest(String className) throws Exception {
                // FINDING: REFLECTIVE_CALL
                Class<?> type = Class.forName(className);
                // FINDING: REFLECTIVE_CALL
                return type.getMethod("run").invoke(type.getDeclaredConstructor().newInstance());
              }
            }
            """)
        .check();
  }
}
