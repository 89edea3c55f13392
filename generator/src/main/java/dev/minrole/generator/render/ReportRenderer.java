package dev.minrole.generator.render;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.List;

/** {@code --format report}: the machine-readable report (see {@link ReportJson}). */
public final class ReportRenderer implements Renderer {
  @Override
  public String render(List<FunctionPolicy> functions, List<Finding> findings) {
    return ReportJson.write(functions, findings);
  }

  @Override
  public String extension() {
    return "report.json";
  }
}
