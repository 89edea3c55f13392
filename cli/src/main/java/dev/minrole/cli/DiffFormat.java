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

  DiffRenderer renderer(boolean colour, UnaryOperator<String> codeUri) {
    return switch (this) {
      case text -> new DiffText(colour);
      case markdown -> new DiffMarkdown();
      case json -> new DiffJson();
      case sarif -> new DiffSarif(codeUri);
    };
  }
}
