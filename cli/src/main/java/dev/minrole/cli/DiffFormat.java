package dev.minrole.cli;

import dev.minrole.generator.render.DiffJson;
import dev.minrole.generator.render.DiffMarkdown;
import dev.minrole.generator.render.DiffRenderer;
import dev.minrole.generator.render.DiffSarif;
import dev.minrole.generator.render.DiffText;
import java.util.function.UnaryOperator;

/** What {@code diff} prints. */
enum DiffFormat {
  text,
  markdown,
  json,
  sarif;

  /**
   * {@code codeUri} maps source files as the analyzer names them to SARIF URIs; {@code grantUri}
   * does the same for the files of granting statements (a template's, named like sources; a {@code
   * --current} file, already relative to the working directory).
   */
  DiffRenderer renderer(
      boolean colour, UnaryOperator<String> codeUri, UnaryOperator<String> grantUri) {
    return switch (this) {
      case text -> new DiffText(colour);
      case markdown -> new DiffMarkdown();
      case json -> new DiffJson();
      case sarif -> new DiffSarif(codeUri, grantUri);
    };
  }
}
