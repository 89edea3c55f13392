package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.SourceLocation;
import java.util.List;

/**
 * A value read from a template property, with its alternatives, where it is, and its path (for
 * evidence: {@code Resources.OrdersFn.Properties.Environment.Variables.TABLE}).
 */
public record TemplateValue(List<ArgValue> values, SourceLocation location, String path) {
  public TemplateValue {
    values = List.copyOf(values);
  }
}
