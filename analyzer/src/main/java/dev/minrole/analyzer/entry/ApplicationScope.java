package dev.minrole.analyzer.entry;

import java.util.List;

/**
 * Which application a framework starts, which limits where it finds entry points to the packages
 * that application scans: the class named by an environment variable ({@code MAIN_CLASS}), else the
 * one class with one of {@code annotations} ({@code @SpringBootApplication}).
 */
public record ApplicationScope(List<String> env, List<String> annotations) {
  public ApplicationScope {
    env = List.copyOf(env);
    annotations = List.copyOf(annotations);
  }
}
