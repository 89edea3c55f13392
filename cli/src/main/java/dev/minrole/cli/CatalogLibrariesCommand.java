package dev.minrole.cli;

import dev.minrole.analyzer.build.AwsLibraries;
import dev.minrole.analyzer.libraries.AnnotationModel;
import dev.minrole.analyzer.libraries.LibraryModels;
import dev.minrole.analyzer.libraries.LibraryType;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code minrole catalog libraries}: the libraries minrole models, and those it does not. */
@Command(
    name = "libraries",
    mixinStandardHelpOptions = true,
    description = {
      "Print, as Markdown tables, the libraries whose AWS calls minrole models (with the classes",
      "and annotations it knows), and the build dependencies known to call AWS: which model maps",
      "them, or, for those it does not model, what they call. A function whose pom.xml or",
      "build.gradle declares one it does not model is incomplete (UNMODELLED_LIBRARY).",
      "",
      "Examples:",
      "  minrole catalog libraries",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:Internal error (run again with --verbose for the stack trace)."
    })
final class CatalogLibrariesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LibraryModels models = LibraryModels.bundled();
    Map<String, TreeSet<String>> byLibrary = new TreeMap<>();
    models.libraries().forEach(l -> byLibrary.put(l, new TreeSet<>()));
    for (LibraryType type : models.types().values()) {
      byLibrary.get(type.library()).add(simpleName(type.type()));
    }
    for (AnnotationModel annotation : models.annotations()) {
      byLibrary.get(annotation.library()).add("@" + annotation.simpleName());
    }
    out.println("| modelled library | classes and annotations |");
    out.println("|---|---|");
    byLibrary.forEach(
        (library, names) ->
            out.println(
                "| "
                    + library
                    + " | "
                    + (names.isEmpty()
                        ? "calls need no permission: "
                            + String.join(", ", models.permissionlessPackages(library))
                        : String.join(", ", names))
                    + " |"));
    out.println();
    out.println("| build dependency | calls AWS through |");
    out.println("|---|---|");
    List<AwsLibraries.Library> known = AwsLibraries.bundled().libraries();
    for (AwsLibraries.Library library : known) {
      out.println(
          "| `"
              + library.coordinates()
              + "` | "
              + (library.modelled()
                  ? library.model()
                  : "not modelled (UNMODELLED_LIBRARY): " + library.calls())
              + " |");
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String simpleName(String fqn) {
    return fqn.substring(fqn.lastIndexOf('.') + 1);
  }
}
