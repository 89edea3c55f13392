package dev.minrole.generator.catalog;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AWS partitions and the shape of region names, as ARNs use them ({@code
 * arn:partition:service:region:account:resource}), per <a
 * href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html">IAM identifiers:
 * ARNs</a>: {@code aws}, {@code aws-cn}, {@code aws-us-gov} and the isolated and sovereign
 * partitions; regions such as {@code eu-west-1}, {@code us-gov-west-1} or {@code eusc-de-east-1}.
 */
public final class Partitions {
  /** Every partition an ARN may name. */
  public static final Set<String> NAMES =
      Set.of(
          "aws",
          "aws-cn",
          "aws-us-gov",
          "aws-iso",
          "aws-iso-b",
          "aws-iso-e",
          "aws-iso-f",
          "aws-eusc");

  private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d{1,2}");

  private Partitions() {}

  public static boolean isPartition(String name) {
    return NAMES.contains(name);
  }

  /** True if the text has the shape of a region name: letters, dashes, a number at the end. */
  public static boolean isRegion(String name) {
    return REGION.matcher(name).matches();
  }
}
