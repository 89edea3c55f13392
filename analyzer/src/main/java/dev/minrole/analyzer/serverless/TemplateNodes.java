package dev.minrole.analyzer.serverless;

import dev.minrole.analyzer.template.TNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders of the template nodes the compiled template is made of, each with its line. */
final class TemplateNodes {
  private TemplateNodes() {}

  static TNode.TScalar scalar(String text, int line) {
    return new TNode.TScalar(text, line);
  }

  /** A mapping of alternating keys and values, in that order. */
  static TNode.TMap map(int line, Object... keysAndValues) {
    Map<String, TNode> entries = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      entries.put((String) keysAndValues[i], (TNode) keysAndValues[i + 1]);
    }
    return new TNode.TMap(entries, line);
  }

  /** {@code Fn::GetAtt [id, Arn]}. */
  static TNode getAtt(String id, int line) {
    return map(
        line, "Fn::GetAtt", new TNode.TList(List.of(scalar(id, line), scalar("Arn", line)), line));
  }

  /** {@code /aws/lambda/<function name>}, joined when the name is an intrinsic. */
  static TNode logGroupName(TNode functionName) {
    int line = functionName.line();
    Optional<String> text = functionName.text();
    if (text.isPresent()) {
      return scalar("/aws/lambda/" + text.get(), line);
    }
    return join(line, scalar("/aws/lambda/", line), functionName);
  }

  /** {@code Fn::Join ["", [parts]]}. */
  static TNode join(int line, TNode... parts) {
    return map(
        line,
        "Fn::Join",
        new TNode.TList(List.of(scalar("", line), new TNode.TList(List.of(parts), line)), line));
  }
}
