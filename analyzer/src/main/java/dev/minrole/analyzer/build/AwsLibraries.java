package dev.minrole.analyzer.build;

import dev.minrole.analyzer.data.DataFiles;
import java.util.List;
import java.util.Optional;

/**
 * The libraries known to call AWS on the code's behalf, by Maven coordinates, read from {@code
 * aws-libraries.yaml}: which model maps their calls, or, for those minrole does not model, what
 * they call.
 */
public record AwsLibraries(List<Library> libraries) {
  public AwsLibraries {
    libraries = List.copyOf(libraries);
  }

  /** One library or family ({@code group:artifact}, {@code *} at the end matching a family). */
  public record Library(String coordinates, String model, String calls, String source) {
    public Library {
      calls = calls == null ? "" : calls;
    }

    public boolean modelled() {
      return !model.equals("none");
    }

    boolean matches(String groupAndArtifact) {
      return coordinates.endsWith("*")
          ? groupAndArtifact.startsWith(coordinates.substring(0, coordinates.length() - 1))
          : groupAndArtifact.equals(coordinates);
    }
  }

  private static final class Bundled {
    static final AwsLibraries DATA =
        DataFiles.bind("/dev/minrole/analyzer/build/aws-libraries.yaml", AwsLibraries.class);
  }

  public static AwsLibraries bundled() {
    return Bundled.DATA;
  }

  /** The first entry that matches the dependency, if it is known to call AWS. */
  public Optional<Library> of(Dependency dependency) {
    return libraries.stream().filter(l -> l.matches(dependency.coordinates())).findFirst();
  }
}
