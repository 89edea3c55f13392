package dev.minrole.generator.observed;

import dev.minrole.generator.catalog.ResourceType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an ARN from a record's {@code resources[]} is of a resource type. Variables match one ARN
 * segment ({@code [^:/]*}), except a last variable after a {@code /}, which takes the rest (an S3
 * key, a table name with an index path). So {@code arn:aws:s3:::media} is a {@code bucket} and not
 * an {@code object}, and {@code arn:aws:s3:::media/a/b.jpg} is an {@code object} and not a {@code
 * bucket}.
 */
final class ObservedArns {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private ObservedArns() {}

  static boolean isOfType(ResourceType type, String arn) {
    return PATTERNS.computeIfAbsent(type.arnFormat(), ObservedArns::compile).matcher(arn).matches();
  }

  private static Pattern compile(String format) {
    StringBuilder regex = new StringBuilder();
    Matcher m = VARIABLE.matcher(format);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(format.substring(last, m.start())));
      boolean lastVariable = m.end() == format.length();
      boolean afterSlash = m.start() > 0 && format.charAt(m.start() - 1) == '/';
      regex.append(lastVariable && afterSlash ? ".+" : lastVariable ? "[^:/]+" : "[^:/]*");
      last = m.end();
    }
    regex.append(Pattern.quote(format.substring(last)));
    return Pattern.compile(regex.toString());
  }
}
