package dev.minrole.analyzer.cloudtrail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a table of tallies into sorted observations. */
final class Observations {
  private Observations() {}

  static List<Observation> of(ObservationTable table) {
    List<Observation> out = new ArrayList<>(table.size());
    table
        .tallies()
        .forEach(
            (k, t) ->
                out.add(
                    new Observation(
                        k,
                        t.count,
                        Instant.ofEpochSecond(t.first),
                        Instant.ofEpochSecond(t.last))));
    out.sort(null);
    return out;
  }
}
