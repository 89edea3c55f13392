package dev.minrole.analyzer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analyzer knows about a string the code passes to AWS: a literal, an environment
 * variable, a system property, a concatenation with unknown parts, or nothing at all. Later stages
 * resolve environment variables through templates; unknown parts become {@code *} in an ARN, always
 * together with a finding.
 */
public sealed interface ArgValue
    permits ArgValue.Literal,
        ArgValue.EnvVar,
        ArgValue.SystemProperty,
        ArgValue.Concat,
        ArgValue.TemplateRef,
        ArgValue.Unknown {

  /** A string fully known at analysis time, from a literal or a constant. */
  record Literal(String value) implements ArgValue {
    public Literal {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * {@code System.getenv(name)}, with the default the code falls back to when the variable is
   * unset, if any.
   */
  record EnvVar(String name, Optional<String> fallback) implements ArgValue {
    public EnvVar {
      Objects.requireNonNull(name, "name");
      fallback = fallback == null ? Optional.empty() : fallback;
    }

    public EnvVar(String name) {
      this(name, Optional.empty());
    }
  }

  /** {@code System.getProperty(name)}. */
  record SystemProperty(String name) implements ArgValue {
    public SystemProperty {
      Objects.requireNonNull(name, "name");
    }
  }

  /** Parts joined in order, e.g. {@code "uploads/" + id}. Never holds only literals. */
  record Concat(List<ArgValue> parts) implements ArgValue {
    public Concat {
      parts = List.copyOf(parts);
    }
  }

  /**
   * A value a CloudFormation template gives at deploy time: {@code !Ref OrdersTable} ({@code
   * attribute} empty), {@code !GetAtt Queue.Arn}, or a pseudo parameter ({@code AWS::Region},
   * {@code cfnType} {@code pseudo}). {@code value} is what minrole knows of it now, possibly a
   * pattern such as {@code *-ordersbucket-*}; templates that deploy the policy can reference the
   * expression itself.
   */
  record TemplateRef(String logicalId, String attribute, String cfnType, Optional<String> value)
      implements ArgValue {
    public TemplateRef {
      Objects.requireNonNull(logicalId, "logicalId");
      attribute = attribute == null ? "" : attribute;
      value = value == null ? Optional.empty() : value;
    }

    /** The expression as {@code !Sub} writes it: {@code OrdersTable}, {@code Queue.Arn}. */
    public String subExpression() {
      return attribute.isEmpty() ? logicalId : logicalId + "." + attribute;
    }

    public boolean isPseudo() {
      return "pseudo".equals(cfnType);
    }
  }

  /** A value the analyzer cannot know, and why. */
  record Unknown(String reason) implements ArgValue {
    public Unknown {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static ArgValue literal(String value) {
    return new Literal(value);
  }

  static ArgValue unknown(String reason) {
    return new Unknown(reason);
  }

  /**
   * Joins values, flattening nested concatenations and merging neighbouring literals, so that
   * {@code "a" + "b"} is the literal {@code ab}. Neighbouring unknown parts are one unknown part
   * (the first's reason is kept): together they still stand for any text.
   */
  static ArgValue concat(List<ArgValue> values) {
    List<ArgValue> flat = new ArrayList<>();
    for (ArgValue value : values) {
      if (value instanceof Concat c) {
        c.parts().forEach(p -> appendMerging(flat, p));
      } else {
        appendMerging(flat, value);
      }
    }
    if (flat.isEmpty()) {
      return new Literal("");
    }
    return flat.size() == 1 ? flat.get(0) : new Concat(flat);
  }

  private static void appendMerging(List<ArgValue> parts, ArgValue next) {
    if (next instanceof Literal l && l.value().isEmpty()) {
      return;
    }
    if (next instanceof Unknown
        && !parts.isEmpty()
        && parts.get(parts.size() - 1) instanceof Unknown) {
      return;
    }
    if (!parts.isEmpty()
        && parts.get(parts.size() - 1) instanceof Literal previous
        && next instanceof Literal literal) {
      parts.set(parts.size() - 1, new Literal(previous.value() + literal.value()));
      return;
    }
    parts.add(next);
  }

  /** The value, if it is fully known. */
  default Optional<String> literal() {
    return this instanceof Literal l ? Optional.of(l.value()) : Optional.empty();
  }

  /** True if every part is known. */
  default boolean isKnown() {
    return this instanceof Literal;
  }

  /**
   * The value as an IAM wildcard pattern: known text stays, anything unknown becomes {@code *}.
   * {@code "uploads/" + id + ".json"} gives {@code uploads/*.json}.
   */
  default String pattern() {
    if (this instanceof Literal l) {
      return l.value();
    }
    if (this instanceof TemplateRef t) {
      return t.value().orElse("*");
    }
    if (this instanceof Concat c) {
      StringBuilder out = new StringBuilder();
      for (ArgValue part : c.parts()) {
        String piece = part.pattern();
        if (piece.startsWith("*") && out.length() > 0 && out.charAt(out.length() - 1) == '*') {
          piece = piece.substring(1);
        }
        out.append(piece);
      }
      return out.toString();
    }
    return "*";
  }

  /** A short human description for messages and evidence, e.g. {@code env BUCKET}. */
  default String describe() {
    if (this instanceof Literal l) {
      return '"' + l.value() + '"';
    }
    if (this instanceof EnvVar e) {
      return "env " + e.name() + e.fallback().map(f -> " (default \"" + f + "\")").orElse("");
    }
    if (this instanceof SystemProperty p) {
      return "system property " + p.name();
    }
    if (this instanceof TemplateRef t) {
      String expression =
          t.attribute().isEmpty() ? "!Ref " + t.logicalId() : "!GetAtt " + t.subExpression();
      return expression + t.value().map(v -> " (" + v + ")").orElse("");
    }
    if (this instanceof Concat c) {
      return String.join(" + ", c.parts().stream().map(ArgValue::describe).toList());
    }
    return "unknown (" + ((Unknown) this).reason() + ")";
  }
}
