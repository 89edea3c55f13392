package dev.minrole.analyzer.entry;

import dev.minrole.analyzer.model.SourceLocation;

/** One property an application configuration file sets, and where ({@code file:line}). */
public record ConfigEntry(String key, String value, SourceLocation location) {}
