package dev.minrole.analyzer.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The types the index registers, and their names, for classes declared inside code. */
class TypeIndexTest {
  private static final String JOBS =
      """
      package app;

      public class Jobs {
        Runnable first = new Runnable() {
          public void run() {
            class InFirst {}
            new Object() {};
          }
        };

        void schedule() {
          record Slot(int hour) {}
          class Timer {
            void start() {
              class Tick {}
            }
          }
          new Thread(new Runnable() { public void run() {} }) {};
        }

        static class Worker {
          void work() {
            class Step {}
          }
        }
      }
      """;

  private static final String LATER =
      """
      package app;

      class Later {
        Object later = new Object() {};
      }
      """;

  @TempDir Path dir;

  @Test
  void index_namesLocalAndAnonymousClassesInSourceOrder() throws IOException {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/Jobs.java"), JOBS);
    Files.writeString(dir.resolve("app/Later.java"), LATER);

    TypeIndex index = new TypeIndex(new JavaSourceLoader().load(List.of(dir)).files());

    assertThat(index.types())
        .extracting(TypeInfo::fqn)
        .containsExactly(
            "app.Jobs",
            "app.Jobs.Worker",
            "app.Jobs.Worker$Step",
            "app.Jobs$InFirst",
            "app.Jobs$Timer",
            "app.Jobs$Timer$Tick",
            "app.Jobs$Slot",
            "app.Later",
            "app.Jobs$1",
            "app.Jobs$1$2",
            "app.Jobs$3",
            "app.Jobs$3$4",
            "app.Later$5");
  }

  @Test
  void index_ofTreesTheLoaderDidNotLoad_isTheSame() throws IOException {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/Jobs.java"), JOBS);
    Files.writeString(dir.resolve("app/Later.java"), LATER);
    List<ParsedFile> loaded = new JavaSourceLoader().load(List.of(dir)).files();
    List<ParsedFile> parsedElsewhere = new ArrayList<>();
    JavaParser parser = new JavaParser(JavaSourceLoader.parserConfiguration());
    for (ParsedFile file : loaded) {
      String source = Files.readString(file.path());
      parsedElsewhere.add(
          new ParsedFile(
              file.path(), file.displayPath(), parser.parse(source).getResult().orElseThrow()));
    }

    assertThat(new TypeIndex(parsedElsewhere).types())
        .extracting(TypeInfo::fqn)
        .containsExactlyElementsOf(
            new TypeIndex(loaded).types().stream().map(TypeInfo::fqn).toList());
  }
}
