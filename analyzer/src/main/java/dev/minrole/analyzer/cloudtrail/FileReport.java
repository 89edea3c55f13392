package dev.minrole.analyzer.cloudtrail;

import java.util.List;

/**
 * What reading one trail file gave: the records read, the records skipped because a field minrole
 * needs was missing, and the problems that stopped or spoiled the reading (a truncated gzip stream,
 * invalid JSON, a file that is not CloudTrail, an unreadable file). {@code file} is the path
 * relative to the {@code --cloudtrail} argument it was found under.
 */
public record FileReport(
    String file, long bytes, long records, long incomplete, List<String> problems) {
  public FileReport {
    problems = List.copyOf(problems);
  }

  /** True if some of the file's records may be missing from the result. */
  public boolean partial() {
    return incomplete > 0 || !problems.isEmpty();
  }

  /** One line for a finding: what went wrong and how much was still read. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    if (!problems.isEmpty()) {
      s.append(String.join("; ", problems));
    }
    if (incomplete > 0) {
      if (s.length() > 0) {
        s.append("; ");
      }
      s.append(incomplete)
          .append(incomplete == 1 ? " record lacks" : " records lack")
          .append(" required fields");
    }
    s.append(" (").append(records).append(records == 1 ? " record" : " records").append(" read)");
    return s.toString();
  }
}
