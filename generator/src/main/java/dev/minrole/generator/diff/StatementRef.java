package dev.minrole.generator.diff;

import dev.minrole.analyzer.model.SourceLocation;
import java.util.Comparator;

/**
 * Where a statement of a current policy is: the document ({@code policy.json}, {@code inline policy
 * Orders of role orders-fn}), its JSON path in that document ({@code $.Statement[1]}), its {@code
 * Sid} if any, and its file and line when the document is a file. This is the evidence of a grant.
 */
public record StatementRef(
    String document, int index, String path, String sid, SourceLocation location)
    implements Comparable<StatementRef> {

  private static final Comparator<StatementRef> ORDER =
      Comparator.comparing(StatementRef::document)
          .thenComparingInt(StatementRef::index)
          .thenComparing(StatementRef::path);

  public StatementRef {
    sid = sid == null ? "" : sid;
    location = location == null ? SourceLocation.NONE : location;
  }

  /** {@code policy.json $.Statement[1] (Sid "ReadOrders")}, for messages. */
  public String describe() {
    String where = document + " " + path;
    return sid.isEmpty() ? where : where + " (Sid \"" + sid + "\")";
  }

  /**
   * {@code policy.json:4 $.Statement[1] (Sid "ReadOrders")}: with the line when the file is known.
   */
  public String where() {
    if (!location.isKnown() || location.line() <= 0) {
      return describe();
    }
    String where = location.file() + ":" + location.line() + " " + path;
    return sid.isEmpty() ? where : where + " (Sid \"" + sid + "\")";
  }

  @Override
  public int compareTo(StatementRef other) {
    return ORDER.compare(this, other);
  }
}
