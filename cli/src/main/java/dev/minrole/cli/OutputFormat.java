package dev.minrole.cli;

import dev.minrole.generator.render.JsonRenderer;
import dev.minrole.generator.render.Renderer;
import dev.minrole.generator.render.ReportRenderer;
import java.util.function.Supplier;

/** What {@code generate} prints, and the renderer that prints it. */
enum OutputFormat {
  json(JsonRenderer::new),
  report(ReportRenderer::new);

  private final Supplier<Renderer> renderer;

  OutputFormat(Supplier<Renderer> renderer) {
    this.renderer = renderer;
  }

  Renderer renderer() {
    return renderer.get();
  }
}
