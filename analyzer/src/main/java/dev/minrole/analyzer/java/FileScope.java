package dev.minrole.analyzer.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The names a compilation unit brings into scope: its package and its imports. */
final class FileScope {
  private final ParsedFile file;
  private final String packageName;
  private final Map<String, String> singleImports = new HashMap<>();
  private final List<String> onDemandImports = new ArrayList<>();
  private final Map<String, String> staticImports = new HashMap<>();
  private final List<String> staticOnDemandImports = new ArrayList<>();
  private final boolean importsSdk;

  FileScope(ParsedFile file) {
    this.file = file;
    CompilationUnit unit = file.unit();
    this.packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    boolean sdk = false;
    for (ImportDeclaration imp : unit.getImports()) {
      String name = imp.getNameAsString();
      sdk |= name.startsWith("software.amazon.");
      if (imp.isStatic()) {
        if (imp.isAsterisk()) {
          staticOnDemandImports.add(name);
        } else {
          int dot = name.lastIndexOf('.');
          staticImports.put(name.substring(dot + 1), name.substring(0, dot));
        }
      } else if (imp.isAsterisk()) {
        onDemandImports.add(name);
      } else {
        singleImports.put(name.substring(name.lastIndexOf('.') + 1), name);
      }
    }
    this.importsSdk = sdk;
  }

  ParsedFile file() {
    return file;
  }

  String displayPath() {
    return file.displayPath();
  }

  String packageName() {
    return packageName;
  }

  /** The fully qualified name a single-type import gives this simple name, if any. */
  String singleImport(String simpleName) {
    return singleImports.get(simpleName);
  }

  List<String> onDemandImports() {
    return onDemandImports;
  }

  /** The type a single static import takes {@code member} from, if any. */
  String staticImportOwner(String member) {
    return staticImports.get(member);
  }

  List<String> staticOnDemandImports() {
    return staticOnDemandImports;
  }

  /** True if the file imports anything from the AWS SDK or AWS libraries. */
  boolean importsAws() {
    return importsSdk;
  }
}
