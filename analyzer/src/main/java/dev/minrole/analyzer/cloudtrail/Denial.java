package dev.minrole.analyzer.cloudtrail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The action and resource an access-denied error message names, e.g. {@code User:
 * arn:aws:sts::1:assumed-role/r/s is not authorized to perform: dynamodb:PutItem on resource:
 * arn:aws:dynamodb:...:table/orders because ...}. Both are empty when the message does not say (S3
 * answers only "Access Denied"); the message itself is not kept, since it names the session.
 */
record Denial(String action, String resource) {
  static final Denial NONE = new Denial("", "");

  private static final Pattern ACTION = Pattern.compile("perform: ([A-Za-z0-9-]+:[A-Za-z0-9*]+)");
  private static final Pattern RESOURCE =
      Pattern.compile("on resource: (arn:[^\\s\"]+?)[.,]?(?:\\s|$)");

  static Denial of(String errorMessage) {
    if (errorMessage.isEmpty()) {
      return NONE;
    }
    Matcher a = ACTION.matcher(errorMessage);
    if (!a.find()) {
      return NONE;
    }
    Matcher r = RESOURCE.matcher(errorMessage);
    return new Denial(a.group(1), r.find() ? r.group(1) : "");
  }
}
