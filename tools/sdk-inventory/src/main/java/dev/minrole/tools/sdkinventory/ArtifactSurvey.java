package dev.minrole.tools.sdkinventory;

import dev.minrole.tools.sdkinventory.ArtifactOutcome.Status;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import software.amazon.awssdk.core.SdkClient;

/** Resolves one BOM artifact, finds its sync service clients and inspects them. */
final class ArtifactSurvey {

  private static final Pattern CLIENT_ENTRY =
      Pattern.compile(
          "software/amazon/awssdk/services/((?:[a-z0-9]+/)*[a-z0-9]+)/([A-Z][A-Za-z0-9]*Client)"
              + "\\.class");

  /** Packages that hold generated helpers, never the public client interfaces. */
  private static final Set<String> HELPER_PACKAGES =
      Set.of(
          "auth",
          "batchmanager",
          "endpoints",
          "internal",
          "jmespath",
          "model",
          "paginators",
          "presigner",
          "transform",
          "waiters");

  private final MavenArtifacts maven;

  ArtifactSurvey(MavenArtifacts maven) {
    this.maven = maven;
  }

  ArtifactOutcome survey(MavenArtifacts.BomEntry entry) {
    String artifact = entry.artifactId();
    Path jar;
    List<String> candidates;
    try {
      jar = maven.jar(artifact, entry.version());
      candidates = candidates(jar);
    } catch (Exception e) {
      return ArtifactOutcome.of(artifact, Status.JAR_UNRESOLVED, reason(e));
    }
    if (candidates.stream().allMatch(c -> c.endsWith("AsyncClient"))) {
      return candidates.isEmpty()
          ? ArtifactOutcome.of(artifact, Status.NOT_A_SERVICE, null)
          : ArtifactOutcome.of(artifact, Status.ASYNC_ONLY, "only " + simpleNames(candidates));
    }
    List<Path> classpath;
    try {
      classpath = maven.runtimeClasspath(artifact, entry.version());
    } catch (Exception e) {
      return ArtifactOutcome.of(artifact, Status.FAILED, "dependencies: " + reason(e));
    }
    URLClassLoader loader = ServiceClassLoaders.open(artifact, classpath);
    try {
      List<Class<?>> clients = syncClients(candidates, loader);
      if (clients.isEmpty()) {
        return ArtifactOutcome.of(artifact, Status.NOT_A_SERVICE, null);
      }
      String primaryPackage = clients.get(0).getPackageName();
      var recorded = new ArrayList<ServiceClient>();
      for (Class<?> client : clients) {
        String id = fileId(artifact, primaryPackage, client);
        recorded.add(new ClientInspector(loader).inspect(artifact, id, client));
      }
      return new ArtifactOutcome(artifact, Status.RECORDED, List.copyOf(recorded), null);
    } catch (Exception | LinkageError e) {
      return ArtifactOutcome.of(artifact, Status.FAILED, "inspection: " + reason(e));
    } finally {
      ServiceClassLoaders.close(loader);
    }
  }

  private static String simpleNames(List<String> classNames) {
    return String.join(
        ", ", classNames.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).toList());
  }

  /** Class names that look like a public sync or async client interface, sorted. */
  static List<String> candidates(Path jar) throws IOException {
    var names = new TreeSet<String>();
    try (JarFile file = new JarFile(jar.toFile())) {
      file.stream()
          .forEach(
              entry -> {
                Matcher m = CLIENT_ENTRY.matcher(entry.getName());
                if (!m.matches()) {
                  return;
                }
                String simpleName = m.group(2);
                for (String segment : m.group(1).split("/")) {
                  if (HELPER_PACKAGES.contains(segment)) {
                    return;
                  }
                }
                if (simpleName.startsWith("Default") || simpleName.startsWith("Delegating")) {
                  return;
                }
                names.add(
                    "software.amazon.awssdk.services."
                        + m.group(1).replace('/', '.')
                        + "."
                        + simpleName);
              });
    }
    return new ArrayList<>(names);
  }

  /** The candidates that are sync client interfaces, the one in the shortest package first. */
  private static List<Class<?>> syncClients(List<String> candidates, ClassLoader loader)
      throws ClassNotFoundException {
    var clients = new ArrayList<Class<?>>();
    for (String name : candidates) {
      if (name.endsWith("AsyncClient")) {
        continue;
      }
      Class<?> type = Class.forName(name, false, loader);
      if (type.isInterface() && SdkClient.class.isAssignableFrom(type)) {
        clients.add(type);
      }
    }
    clients.sort(
        Comparator.comparing((Class<?> c) -> c.getPackageName().length())
            .thenComparing(Class::getName));
    return clients;
  }

  /**
   * The file stem for a client: the artifact id for the artifact's main client; for a further
   * client in a sub-package, the artifact id and the sub-package ({@code dynamodb-streams}).
   */
  static String fileId(String artifact, String primaryPackage, Class<?> client) {
    String pkg = client.getPackageName();
    if (pkg.equals(primaryPackage)) {
      return artifact;
    }
    if (pkg.startsWith(primaryPackage + ".")) {
      return artifact + "-" + pkg.substring(primaryPackage.length() + 1).replace('.', '-');
    }
    String simple = client.getSimpleName();
    return artifact + "-" + simple.substring(0, simple.length() - "Client".length()).toLowerCase();
  }

  /** A one-line, machine-independent reason for a failure. */
  static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof ArtifactNotFoundException notFound) {
      // The same wording whether or not the local repository remembers an earlier miss.
      return "not found in Maven Central: " + notFound.getArtifact();
    }
    String message = root.getClass().getSimpleName() + ": " + root.getMessage();
    String home = System.getProperty("user.home");
    return message.replace(home, "~").replaceAll("\\s+", " ").trim();
  }
}
