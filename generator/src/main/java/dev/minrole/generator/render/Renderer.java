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

  /**
   * The text for one function alone, as written by {@code --out DIR}, with the findings that belong
   * to no single function (formats that show findings repeat them in every file).
   */
  default String renderOne(FunctionPolicy function, List<Finding> findings) {
    return render(List.of(function), findings);
  }

  /** The file extension {@code --out DIR} uses for this format, without the dot. */
  String extension();
}
