package dev.minrole.analyzer.cloudtrail;

/**
 * Generalizes a path-like ARN one directory level at a time: {@code arn:aws:s3:::b/in/2024/x.jpg}
 * becomes {@code arn:aws:s3:::b/in/2024/*}, then {@code arn:aws:s3:::b/in/*}, then {@code
 * arn:aws:s3:::b/*}, and no further: the first segment of the resource part (an S3 bucket, a
 * resource type such as {@code table}) is never folded away. Both the reader (to keep memory
 * bounded when a trail names millions of objects) and the generator (to keep policies short) use
 * it, so the two fold the same way.
 */
public final class ResourceFolding {
  private ResourceFolding() {}

  /**
   * How deep an ARN's resource part goes below its first segment: 0 for {@code b/*} and ARNs
   * without a path, 1 for {@code b/x.jpg} and {@code b/in/*}, 2 for {@code b/in/x.jpg}.
   */
  public static int level(String arn) {
    String path = resourcePart(arn);
    int slashes = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        slashes++;
      }
    }
    return path.endsWith("/*") ? slashes - 1 : slashes;
  }

  /** The ARN one level up ({@code b/in/x.jpg} to {@code b/in/*}), or itself at level 0. */
  public static String foldOnce(String arn) {
    if (level(arn) == 0) {
      return arn;
    }
    String base = arn.endsWith("/*") ? arn.substring(0, arn.length() - 2) : arn;
    return base.substring(0, base.lastIndexOf('/')) + "/*";
  }

  /** The part after the fifth colon: {@code b/in/x.jpg} of {@code arn:aws:s3:::b/in/x.jpg}. */
  static String resourcePart(String arn) {
    int colons = 0;
    for (int i = 0; i < arn.length(); i++) {
      if (arn.charAt(i) == ':' && ++colons == 5) {
        return arn.substring(i + 1);
      }
    }
    return "";
  }
}
