package dev.minrole.generator.render;

import dev.minrole.generator.diff.DiffReport;

/** Turns one {@code minrole diff} run into one output format. */
public interface DiffRenderer {
  String render(DiffReport report);
}
