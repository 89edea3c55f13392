package dev.minrole.analyzer.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.libraries.LibraryModels;
import dev.minrole.analyzer.model.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildFilesTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static List<String> described(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.id() + " " + f.location() + " " + f.message().split(" ", -1)[0])
        .toList();
  }

  @Test
  void check_whenPomDeclaresAnUnmodelledAwsLibrary_reportsItAtItsLine_andHidesCode()
      throws IOException {
    write(
        "orders/pom.xml",
        """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <artifactId>orders</artifactId>
          <dependencyManagement>
            <dependencies>
              <dependency><groupId>com.amazonaws</groupId><artifactId>aws-java-sdk-bom</artifactId></dependency>
            </dependencies>
          </dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>software.amazon.awssdk</groupId>
              <artifactId>sqs</artifactId>
            </dependency>
            <dependency>
              <groupId>com.amazonaws</groupId>
              <artifactId>amazon-sqs-java-extended-client-lib</artifactId>
              <version>2.1.1</version>
            </dependency>
            <dependency>
              <groupId>com.amazonaws</groupId>
              <artifactId>aws-java-sdk-dynamodb</artifactId>
              <scope>test</scope>
            </dependency>
          </dependencies>
        </project>
        """);
    write("orders/src/main/java/app/Handler.java", "package app; class Handler {}");

    List<Finding> findings = BuildFiles.check(List.of(dir.resolve("orders/src/main/java")), dir);

    assertThat(described(findings))
        .containsExactly(
            "UNMODELLED_LIBRARY orders/pom.xml:14 com.amazonaws:amazon-sqs-java-extended-client-lib");
    assertThat(findings.get(0).hidesCode()).isTrue();
    assertThat(findings.get(0).message()).contains("SQS and S3", "incomplete");
  }

  @Test
  void check_whenParentPomDeclaresIt_theModuleInheritsIt() throws IOException {
    write(
        "pom.xml",
        """
        <project>
          <artifactId>parent</artifactId>
          <dependencies>
            <dependency><groupId>com.amazonaws</groupId><artifactId>dynamodb-lock-client</artifactId></dependency>
          </dependencies>
        </project>
        """);
    write(
        "worker/pom.xml",
        """
        <project>
          <parent><artifactId>parent</artifactId></parent>
          <artifactId>worker</artifactId>
          <dependencies>
            <dependency><groupId>software.amazon.kinesis</groupId><artifactId>amazon-kinesis-client</artifactId></dependency>
          </dependencies>
        </project>
        """);

    List<Finding> findings = BuildFiles.check(List.of(dir.resolve("worker")), dir);

    assertThat(described(findings))
        .containsExactly("UNMODELLED_LIBRARY pom.xml:4 com.amazonaws:dynamodb-lock-client");
  }

  @Test
  void check_whenGradleBuildDeclaresThem_readsEveryNotationAndSkipsTestsBomsAndComments()
      throws IOException {
    write(
        "build.gradle.kts",
        """
        plugins { java }
        buildscript {
            dependencies { classpath("com.amazonaws:aws-java-sdk-core:1.12.0") }
        }
        dependencies {
            implementation(platform("software.amazon.awssdk:bom:2.40.2"))
            implementation("software.amazon.awssdk:s3")
            // implementation("com.amazonaws:aws-java-sdk-s3:1.12.700")
            /* implementation("com.amazonaws:amazon-kinesis-producer:0.15.8") */
            implementation("com.amazonaws:amazon-kinesis-producer:0.15.8") {
                exclude(group = "com.google.guava")
            }
            api(group = "software.amazon.glue", name = "schema-registry-serde", version = "1.1.20")
            testImplementation("com.amazonaws:aws-java-sdk-sqs:1.12.700")
            implementation("software.amazon.msk:aws-msk-iam-auth:2.2.0")
        }
        """);

    List<Finding> findings = BuildFiles.check(List.of(dir), null);

    assertThat(described(findings))
        .containsExactly(
            "UNMODELLED_LIBRARY build.gradle.kts:10 com.amazonaws:amazon-kinesis-producer",
            "UNMODELLED_LIBRARY build.gradle.kts:13 software.amazon.glue:schema-registry-serde");
  }

  @Test
  void check_whenGroovyBuildUsesSingleQuotesAndMaps_readsThem() throws IOException {
    write(
        "build.gradle",
        """
        dependencies {
            implementation 'io.awspring.cloud:spring-cloud-aws-starter-sqs:3.1.0'
            implementation group: 'io.awspring.cloud', name: 'spring-cloud-aws-starter-parameter-store', version: '3.1.0'
        }
        """);

    assertThat(described(BuildFiles.check(List.of(dir), null)))
        .containsExactly(
            "UNMODELLED_LIBRARY build.gradle:3 io.awspring.cloud:spring-cloud-aws-starter-parameter-store");
  }

  @Test
  void check_whenPomIsNotXml_saysItCannotReadIt() throws IOException {
    write("pom.xml", "<project><dependencies>");

    assertThat(BuildFiles.check(List.of(dir), null))
        .extracting(Finding::id)
        .containsExactly("BUILD_FILE_ERROR");
  }

  @Test
  void check_withoutBuildFile_findsNothing() {
    assertThat(BuildFiles.check(List.of(dir), null)).isEmpty();
  }

  @Test
  void bundled_everyLibraryCitesItsPage_andUnmodelledOnesSayWhatTheyCall() {
    assertThat(AwsLibraries.bundled().libraries())
        .allSatisfy(
            l -> {
              assertThat(l.source()).startsWith("https://");
              assertThat(l.modelled() || !l.calls().isBlank()).as(l.coordinates()).isTrue();
              if (l.modelled() && !l.model().endsWith("(built in)")) {
                assertThat(LibraryModels.bundled().libraries())
                    .as(l.coordinates())
                    .contains(l.model());
              }
            });
  }
}
