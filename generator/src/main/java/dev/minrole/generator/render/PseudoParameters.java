package dev.minrole.generator.render;

import dev.minrole.generator.synth.ArnContext;

/**
 * Writes ARNs with CloudFormation pseudo parameters, so a template deploys to any partition, and to
 * any region or account the user named with {@code --region} or {@code --account}: {@code
 * arn:aws:dynamodb:eu-west-1:123456789012:table/orders} becomes {@code !Sub
 * arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders}. A region or
 * account the code itself names (a queue URL) is kept as it is, and so is {@code *}. Values with
 * nothing to substitute stay plain text.
 */
public final class PseudoParameters implements TemplateValues {
  private final ArnContext context;

  public PseudoParameters(ArnContext context) {
    this.context = context;
  }

  @Override
  public Yaml resource(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) {
      return Yaml.text(arn);
    }
    boolean changed = false;
    StringBuilder out = new StringBuilder("arn:");
    if (parts[1].equals(context.partition())) {
      out.append("${AWS::Partition}");
      changed = true;
    } else {
      out.append(escape(parts[1]));
    }
    out.append(':').append(escape(parts[2])).append(':');
    if (context.region().isPresent() && parts[3].equals(context.region().get())) {
      out.append("${AWS::Region}");
      changed = true;
    } else {
      out.append(escape(parts[3]));
    }
    out.append(':');
    if (context.account().isPresent() && parts[4].equals(context.account().get())) {
      out.append("${AWS::AccountId}");
      changed = true;
    } else {
      out.append(escape(parts[4]));
    }
    out.append(':').append(escape(parts[5]));
    return changed ? new Yaml.Tagged("!Sub", out.toString()) : Yaml.text(arn);
  }

  /**
   * ARN values are written as resources; a service endpoint such as {@code
   * s3.eu-west-1.amazonaws.com} ({@code kms:ViaService}) gets {@code ${AWS::Region}} for the region
   * the user named.
   */
  @Override
  public Yaml conditionValue(String key, String value) {
    if (value.startsWith("arn:")) {
      return resource(value);
    }
    if (context.region().isPresent()) {
      String region = "." + context.region().get() + ".";
      int at = value.indexOf(region);
      if (at > 0 && value.endsWith(".amazonaws.com")) {
        String sub =
            escape(value.substring(0, at))
                + ".${AWS::Region}."
                + escape(value.substring(at + region.length()));
        return new Yaml.Tagged("!Sub", sub);
      }
    }
    return Yaml.text(value);
  }

  /** {@code !Sub} reads {@code ${...}} as a reference; a literal one is written {@code ${!...}}. */
  static String escape(String text) {
    return text.replace("${", "${!");
  }
}
