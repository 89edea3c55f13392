package dev.minrole.cli;

import dev.minrole.generator.catalog.Partitions;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks {@code --partition} and {@code --region} while the command line is parsed, so that a value
 * that cannot be part of an ARN ({@code --region 'eu west;1'}) is a usage error naming the option,
 * not an invalid ARN in the policy.
 */
final class ArnParts {
  private ArnParts() {}

  /** An AWS partition: {@code aws}, {@code aws-cn}, {@code aws-us-gov}, ... */
  static final class Partition implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!Partitions.isPartition(value)) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is not an AWS partition; use one of "
                + String.join(", ", List.copyOf(new java.util.TreeSet<>(Partitions.NAMES))));
      }
      return value;
    }
  }

  /** A region name such as {@code eu-west-1} (without the option, ARNs say {@code *}). */
  static final class Region implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!Partitions.isRegion(value)) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is not an AWS region name; write it like eu-west-1 or us-gov-west-1, or leave"
                + " --region out for any region");
      }
      return value;
    }
  }
}
