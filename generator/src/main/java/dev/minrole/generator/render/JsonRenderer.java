package dev.minrole.generator.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.generator.synth.FunctionPolicy;
import java.util.List;

/**
 * {@code --format json}: the IAM policy, valid as is. With several functions, an object that maps
 * each function's name to its policy.
 */
public final class JsonRenderer implements Renderer {
  @Override
  public String render(List<FunctionPolicy> functions, List<Finding> findings) {
    if (functions.size() == 1) {
      return PolicyJson.write(functions.get(0).policy());
    }
    ObjectNode byFunction = CanonicalJson.object();
    for (FunctionPolicy f : functions) {
      byFunction.set(f.name(), PolicyJson.toNode(f.policy()));
    }
    return CanonicalJson.write(byFunction);
  }

  @Override
  public String extension() {
    return "json";
  }
}
