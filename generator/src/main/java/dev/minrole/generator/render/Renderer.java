package dev.minrole.generator.render;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.List;

/** Turns the policies of one run into one output format. */
public interface Renderer {
  /**
   * The text for stdout: the functions' policies and the findings that belong to no single
   * function.
   */
  String render(List<FunctionPolicy> functions, List<Finding> findings);

  /** The text for one function alone, as written by {@code --out DIR}. */
  default String renderOne(FunctionPolicy function) {
    return render(List.of(function), List.of());
  }

  /** The file extension {@code --out DIR} uses for this format, without the dot. */
  String extension();
}
