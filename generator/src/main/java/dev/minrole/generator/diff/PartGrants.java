package dev.minrole.generator.diff;

import dev.minrole.generator.catalog.Glob;
import dev.minrole.generator.catalog.IamCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Grants of an action on part of what a need names. A needed resource is a pattern when the code
 * sets part of it at run time (an object key) or when minrole could not resolve a name (the table
 * of {@code table/*}); a grant on one resource inside that pattern ({@code table/orders}) does not
 * cover the need, but it may be exactly what the code uses. So it is never {@code excess}: the diff
 * says so on the missing need, and tighten keeps that part.
 */
final class PartGrants {
  /** The Allow statement and the one resource pattern of it that lies inside the need. */
  record PartGrant(StatementView statement, String resource) {}

  private PartGrants() {}

  /**
   * The Allow statements' resources (listed, not {@code NotResource}) that grant {@code action} on
   * part of {@code needed} and do not cover it, in the statements' order.
   */
  static List<PartGrant> of(
      Collection<StatementView> statements, IamCatalog catalog, String action, String needed) {
    List<PartGrant> out = new ArrayList<>();
    for (StatementView s : statements) {
      if (!s.allow()
          || !(s.resources() instanceof ResourceSet.Listed listed)
          || !s.actions().matches(action)) {
        continue;
      }
      for (String unit : listed.patterns()) {
        if (isPartOf(unit, needed) && ResourceTypes.canName(catalog, action, unit)) {
          out.add(new PartGrant(s, unit));
        }
      }
    }
    return out;
  }

  /** True if {@code granted} names some but not all of what {@code needed} names. */
  static boolean isPartOf(String granted, String needed) {
    return Glob.overlaps(granted, needed) && !Glob.covers(granted, needed);
  }

  /** How the diff words the parts on a missing need. */
  static String describe(List<PartGrant> parts) {
    List<String> each = new ArrayList<>();
    for (PartGrant p : parts) {
      each.add(p.resource() + " (" + p.statement().ref().where() + ")");
    }
    return "granted only on part of it, "
        + String.join(", ", each)
        + ", which may be all the code uses: that grant is not excess, and tighten keeps it";
  }
}
