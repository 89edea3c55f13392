package dev.minrole.analyzer.java;

import com.github.javaparser.ast.CompilationUnit;
import java.nio.file.Path;

/** A Java file that parsed, with the path shown to users (relative to the root it came from). */
public record ParsedFile(Path path, String displayPath, CompilationUnit unit) {}
