package dev.minrole.generator.render;

/**
 * How a CloudFormation or SAM template writes a value of a policy: as the literal text, or with
 * what the template resolves when it is deployed ({@code !Sub} with pseudo parameters, {@code !Ref}
 * or {@code !GetAtt} of a resource of the template). {@link PseudoParameters} is the default; a
 * template-aware strategy can answer first for the ARNs of the template's own resources.
 */
public interface TemplateValues {
  /** An ARN (or {@code *}) of a statement's {@code Resource}. */
  Yaml resource(String arn);

  /** A value of a condition on {@code key}. */
  Yaml conditionValue(String key, String value);

  /**
   * A strategy that asks this one first and falls back to {@code other} when it gives plain text.
   */
  default TemplateValues orElse(TemplateValues other) {
    TemplateValues first = this;
    return new TemplateValues() {
      @Override
      public Yaml resource(String arn) {
        Yaml y = first.resource(arn);
        return y instanceof Yaml.Text ? other.resource(arn) : y;
      }

      @Override
      public Yaml conditionValue(String key, String value) {
        Yaml y = first.conditionValue(key, value);
        return y instanceof Yaml.Text ? other.conditionValue(key, value) : y;
      }
    };
  }
}
