package dev.minrole.generator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.List;

/**
 * {@code --format json}: the IAM policy, valid as is. With several functions, an object that maps
 * each function's name to its policy. A policy split into managed policies is an object that maps
 * each managed policy's name to its document.
 */
public final class JsonRenderer implements Renderer {
  @Override
  public String render(List<FunctionPolicy> functions, List<Finding> findings) {
    return CanonicalJson.write(tree(functions));
  }

  /** The output as a tree, shared with {@code --format yaml}. */
  static JsonNode tree(List<FunctionPolicy> functions) {
    FunctionNames names = new FunctionNames(functions);
    if (functions.size() == 1) {
      return documents(functions.get(0), names);
    }
    ObjectNode byFunction = CanonicalJson.object();
    for (FunctionPolicy f : functions) {
      byFunction.set(f.name(), documents(f, names));
    }
    return byFunction;
  }

  private static JsonNode documents(FunctionPolicy f, FunctionNames names) {
    if (!f.isSplit()) {
      return PolicyJson.toNode(f.policy());
    }
    ObjectNode parts = CanonicalJson.object();
    List<String> partNames = names.parts(f);
    for (int i = 0; i < partNames.size(); i++) {
      parts.set(partNames.get(i), PolicyJson.toNode(f.parts().get(i)));
    }
    return parts;
  }

  @Override
  public String extension() {
    return "json";
  }
}
