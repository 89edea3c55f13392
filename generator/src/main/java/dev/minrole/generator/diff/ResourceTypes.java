package dev.minrole.generator.diff;

import dev.minrole.generator.catalog.ActionResource;
import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.catalog.IamService;
import dev.minrole.generator.catalog.ResourceType;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a statement's resource pattern can name anything an action acts on. An action scoped to
 * resource types applies only to ARNs of those types ({@code sqs:SendMessage} to queues), and one
 * without resource-level permissions only to {@code "*"}: {@code NotAction iam:*} on {@code
 * arn:aws:sqs:*:*:*} grants the queue actions of SQS, not all of AWS.
 */
final class ResourceTypes {
  /**
   * ARN formats as patterns: {@code arn:${Partition}:sqs:${Region}:...} becomes {@code
   * arn:*:sqs:*:...}.
   */
  private static final Map<String, String> GLOBS = new ConcurrentHashMap<>();

  private ResourceTypes() {}

  static boolean canName(IamCatalog catalog, String action, String resourcePattern) {
    if (resourcePattern.equals("*")) {
      return true;
    }
    Optional<IamAction> known = catalog.action(action);
    if (known.isEmpty()) {
      return true;
    }
    IamAction a = known.get();
    if (a.resources().isEmpty()) {
      return Glob.covers(resourcePattern, "*");
    }
    IamService service = catalog.service(a.service()).orElseThrow();
    for (ActionResource r : a.resources()) {
      Optional<ResourceType> type = service.resourceType(r.type());
      if (type.isEmpty()) {
        return true;
      }
      String format = glob(type.get());
      String pattern = Glob.variablesAsWildcards(resourcePattern);
      if (overlapsArn(pattern, format) && !namesNarrowerType(service, format, pattern)) {
        return true;
      }
    }
    return false;
  }

  private static String glob(ResourceType type) {
    return GLOBS.computeIfAbsent(type.arnFormat(), f -> f.replaceAll("\\$\\{[^}]+}", "*"));
  }

  /**
   * True if {@code pattern} lies wholly inside a resource type of the service whose ARN is {@code
   * format}'s followed by a {@code /} path: {@code table/orders/index/*} names DynamoDB indexes,
   * not tables, and {@code arn:aws:s3:::media/*} names objects, not buckets. Such a pattern grants
   * an action on the wider type nothing, whatever its last variable could match as text. (A {@code
   * :} qualifier is not such a path: {@code function:orders:*} names the function's versions and
   * aliases, which IAM authorizes as the function.)
   */
  private static boolean namesNarrowerType(IamService service, String format, String pattern) {
    for (ResourceType other : service.resourceTypes().values()) {
      String narrower = glob(other);
      if (narrower.startsWith(format + "/") && Glob.covers(narrower, pattern)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a pattern can name an ARN of a format, segment by segment when both have the six ARN
   * segments (a format's variable never spans a colon), else as plain patterns.
   */
  private static boolean overlapsArn(String pattern, String format) {
    String[] p = pattern.split(":", 6);
    String[] f = format.split(":", 6);
    if (p.length < 6 || f.length < 6) {
      return Glob.overlaps(pattern, format);
    }
    for (int i = 0; i < 6; i++) {
      if (!Glob.overlaps(p[i], f[i])) {
        return false;
      }
    }
    return true;
  }
}
