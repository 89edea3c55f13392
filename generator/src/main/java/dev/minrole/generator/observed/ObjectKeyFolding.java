package dev.minrole.generator.observed;

import dev.minrole.analyzer.cloudtrail.ResourceFolding;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Generalizes the concrete S3 object keys a trail shows into a few patterns. For one action on one
 * bucket, at most {@link #MAX_PATTERNS} resources are kept: while there are more, the deepest keys
 * are replaced by their folder ({@code in/2024/05/a.jpg} by {@code in/2024/05/*}), one level at a
 * time, never above the bucket ({@code bucket/*}). A folder whose objects all share one file
 * extension keeps it ({@code in/2024/*.jpg}). Three keys stay three keys; ten thousand keys under
 * {@code uploads/} become {@code uploads/*}, not ten thousand resources.
 */
final class ObjectKeyFolding {
  static final int MAX_PATTERNS = 5;

  private static final Pattern OBJECT = Pattern.compile("arn:[^:]+:s3:::[^/]+/.+");
  private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,8}$");

  private ObjectKeyFolding() {}

  /** For each resource, the pattern it is generalized to (itself when it is kept). */
  static Map<String, String> fold(List<String> resources) {
    Map<String, String> patternOf = new LinkedHashMap<>();
    Map<String, List<String>> byBucket = new TreeMap<>();
    for (String r : resources) {
      patternOf.put(r, r);
      if (OBJECT.matcher(r).matches()) {
        byBucket
            .computeIfAbsent(r.substring(0, r.indexOf('/')), k -> new java.util.ArrayList<>())
            .add(r);
      }
    }
    for (List<String> objects : byBucket.values()) {
      foldBucket(objects, patternOf);
    }
    return patternOf;
  }

  private static void foldBucket(List<String> objects, Map<String, String> patternOf) {
    Map<String, String> current = new HashMap<>();
    objects.forEach(o -> current.put(o, o));
    while (new HashSet<>(current.values()).size() > MAX_PATTERNS) {
      int deepest = current.values().stream().mapToInt(ResourceFolding::level).max().orElse(0);
      if (deepest == 0) {
        break;
      }
      current.replaceAll(
          (o, p) -> ResourceFolding.level(p) == deepest ? ResourceFolding.foldOnce(p) : p);
    }
    Map<String, Set<String>> extensions = new HashMap<>();
    current.forEach(
        (o, p) -> extensions.computeIfAbsent(p, k -> new HashSet<>()).add(extension(o)));
    current.forEach(
        (o, p) -> {
          Set<String> ext = extensions.get(p);
          boolean oneExtension = ext.size() == 1 && !ext.contains("");
          patternOf.put(
              o, !p.equals(o) && p.endsWith("/*") && oneExtension ? p + ext.iterator().next() : p);
        });
  }

  private static String extension(String arn) {
    String last = arn.substring(arn.lastIndexOf('/') + 1);
    var m = EXTENSION.matcher(last);
    return last.contains("*") || !m.find() ? "" : m.group();
  }
}
