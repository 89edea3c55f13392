package dev.minrole.generator.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource type of a service and its ARN format, e.g. {@code
 * arn:${Partition}:s3:::${BucketName}}.
 */
public record ResourceType(
    String service, String name, String arnFormat, List<String> conditionKeys) {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

  public ResourceType {
    conditionKeys = List.copyOf(conditionKeys);
  }

  /** The variables of the ARN format, in order: {@code [Partition, BucketName]}. */
  public List<String> variables() {
    List<String> out = new ArrayList<>();
    Matcher m = VARIABLE.matcher(arnFormat);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /**
   * A regular expression that matches ARNs of this type; each variable matches any run of
   * characters, so {@code arn:aws:s3:::media/*} matches the object format.
   */
  public Pattern matcher() {
    StringBuilder regex = new StringBuilder("^");
    Matcher m = VARIABLE.matcher(arnFormat);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(arnFormat.substring(last, m.start()))).append(".*");
      last = m.end();
    }
    regex.append(Pattern.quote(arnFormat.substring(last))).append('$');
    return Pattern.compile(regex.toString());
  }
}
