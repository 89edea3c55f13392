package dev.minrole.generator.synth;

import dev.minrole.generator.catalog.IamCatalog;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Whether one resource pattern grants everything another does, under IAM's wildcard rules. */
public final class ResourceCover {
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private ResourceCover() {}

  /**
   * True if {@code broad} matches every ARN {@code narrow} matches. Wildcards in {@code narrow} are
   * read as literal characters, which a {@code *} in {@code broad} also matches, so {@code media/*}
   * covers {@code media/in/*} but not the other way round.
   */
  public static boolean covers(String broad, String narrow) {
    if (broad.equals(narrow)) {
      return true;
    }
    if (narrow.contains("?") && !broad.contains("*")) {
      return false;
    }
    return broad.contains("*")
        && PATTERNS.computeIfAbsent(broad, IamCatalog::wildcard).matcher(narrow).matches();
  }
}
