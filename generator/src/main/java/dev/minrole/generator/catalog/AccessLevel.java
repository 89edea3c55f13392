package dev.minrole.generator.catalog;

import java.util.Locale;

/** The access level the Service Authorization Reference gives an action. */
public enum AccessLevel {
  LIST("List"),
  READ("Read"),
  WRITE("Write"),
  TAGGING("Tagging"),
  PERMISSIONS_MANAGEMENT("Permissions management");

  private final String label;

  AccessLevel(String label) {
    this.label = label;
  }

  /** The name as AWS documents it, e.g. {@code Permissions management}. */
  public String label() {
    return label;
  }

  public static AccessLevel parse(String text) {
    for (AccessLevel level : values()) {
      if (level.label.equalsIgnoreCase(text) || level.name().equalsIgnoreCase(text)) {
        return level;
      }
    }
    throw new IllegalArgumentException("unknown access level: " + text);
  }

  /** One or more levels separated by commas, as in {@code Tagging, Write}. */
  public static java.util.Set<AccessLevel> parseAll(String text) {
    java.util.Set<AccessLevel> out = java.util.EnumSet.noneOf(AccessLevel.class);
    for (String part : text.split(",", -1)) {
      out.add(parse(part.strip()));
    }
    return out;
  }

  @Override
  public String toString() {
    return label.toLowerCase(Locale.ROOT);
  }
}
