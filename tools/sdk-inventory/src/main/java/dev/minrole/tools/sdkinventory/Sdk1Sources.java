package dev.minrole.tools.sdkinventory;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Java sources of one AWS SDK for Java 1.x artifact (its {@code -sources.jar}), parsed on
 * demand with JavaParser. Only top-level types are looked up, by fully qualified name.
 */
final class Sdk1Sources implements AutoCloseable {

  private final JavaParser parser =
      new JavaParser(
          new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_8));
  private final ZipFile jar;
  private final Map<String, Optional<CompilationUnit>> parsed = new HashMap<>();

  Sdk1Sources(Path sourcesJar) throws IOException {
    this.jar = new ZipFile(sourcesJar.toFile());
  }

  /** The top-level type {@code fqn}, if the sources jar has it. */
  Optional<TypeDeclaration<?>> type(String fqn) {
    Optional<CompilationUnit> unit =
        parsed.computeIfAbsent(fqn, k -> read(k.replace('.', '/') + ".java"));
    String simple = fqn.substring(fqn.lastIndexOf('.') + 1);
    return unit.flatMap(
        u -> u.getTypes().stream().filter(t -> t.getNameAsString().equals(simple)).findFirst());
  }

  boolean has(String fqn) {
    return jar.getEntry(fqn.replace('.', '/') + ".java") != null;
  }

  /** The fully qualified names of the top-level source files under a package (not below it). */
  List<String> typesInPackage(String packageName) {
    String prefix = packageName.replace('.', '/') + "/";
    List<String> out = new ArrayList<>();
    jar.stream()
        .map(ZipEntry::getName)
        .filter(n -> n.startsWith(prefix) && n.endsWith(".java"))
        .filter(n -> n.indexOf('/', prefix.length()) < 0)
        .sorted()
        .forEach(n -> out.add(n.substring(0, n.length() - 5).replace('/', '.')));
    return out;
  }

  /** The text of a source file, for a cheap look before parsing. */
  String text(String fqn) {
    ZipEntry entry = jar.getEntry(fqn.replace('.', '/') + ".java");
    if (entry == null) {
      return "";
    }
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Resolves a simple type name as written in {@code unit}: single-type imports, the unit's own
   * package, then on-demand imports whose package this jar holds.
   */
  Optional<String> resolve(CompilationUnit unit, String simple) {
    String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    for (ImportDeclaration i : unit.getImports()) {
      if (!i.isAsterisk() && !i.isStatic() && i.getName().getIdentifier().equals(simple)) {
        return Optional.of(i.getNameAsString());
      }
    }
    if (has(pkg + "." + simple)) {
      return Optional.of(pkg + "." + simple);
    }
    for (ImportDeclaration i : unit.getImports()) {
      if (i.isAsterisk() && !i.isStatic() && has(i.getNameAsString() + "." + simple)) {
        return Optional.of(i.getNameAsString() + "." + simple);
      }
    }
    return Optional.empty();
  }

  private Optional<CompilationUnit> read(String entryName) {
    ZipEntry entry = jar.getEntry(entryName);
    if (entry == null) {
      return Optional.empty();
    }
    try (InputStream in = jar.getInputStream(entry)) {
      return parser.parse(in, StandardCharsets.UTF_8).getResult();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() throws IOException {
    jar.close();
  }
}
