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
   * The ARN format as a {@link Glob} pattern, each variable a {@code *}: {@code arn:*:s3:::*} for
   * buckets.
   */
  public String glob() {
    return VARIABLE.matcher(arnFormat).replaceAll("*");
  }

  /**
   * True if an ARN can be of this type: each variable takes any run of characters, wildcards
   * included, so {@code arn:aws:s3:::media/*} matches the object format.
   */
  public boolean matches(String arn) {
    return Glob.matches(glob(), arn);
  }
}
