package dev.minrole.generator.diff;

import dev.minrole.generator.synth.Evidence;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * One classified action and resource pair. {@code resource} is the needed resource for {@code
 * missing} and {@code matched}, the granted one for {@code excess}, {@code broader} and {@code
 * unverified} (whose {@code neededResources} say what would be enough, or for an unverified grant
 * what the code minrole saw needs of it, if anything). {@code evidence} says why it is needed
 * (code, CloudTrail); {@code grants} which statements grant it (for {@code missing}: grant it only
 * under conditions); {@code denials} which statements deny or may deny it. {@code pattern} is the
 * action as the granting statement writes it ({@code s3:*}), so output can fold expanded wildcards;
 * {@code note} says in one line what decided the class.
 */
public record DiffEntry(
    DiffKind kind,
    String action,
    String resource,
    List<String> neededResources,
    List<Evidence> evidence,
    List<StatementRef> grants,
    List<StatementRef> denials,
    String pattern,
    boolean conditional,
    String note)
    implements Comparable<DiffEntry> {

  private static final Comparator<DiffEntry> ORDER =
      Comparator.comparing(DiffEntry::kind)
          .thenComparing(DiffEntry::action, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(DiffEntry::action)
          .thenComparing(DiffEntry::resource);

  public DiffEntry {
    neededResources = List.copyOf(new TreeSet<>(neededResources));
    evidence = List.copyOf(new TreeSet<>(evidence));
    grants = List.copyOf(new TreeSet<>(grants));
    denials = List.copyOf(new TreeSet<>(denials));
    pattern = pattern == null ? "" : pattern;
    note = note == null ? "" : note;
  }

  /** The IAM service prefix of the action, lower case. */
  public String service() {
    int colon = action.indexOf(':');
    return colon < 0 ? action : action.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public int compareTo(DiffEntry other) {
    return ORDER.compare(this, other);
  }
}
