package dev.minrole.tools.sdkinventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/** Resolves AWS SDK artifacts from Maven Central into a local repository, with Maven Resolver. */
final class MavenArtifacts implements AutoCloseable {

  static final String SDK_GROUP = "software.amazon.awssdk";
  private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;
  private final AtomicLong downloadedBytes = new AtomicLong();
  private final AtomicLong downloadedFiles = new AtomicLong();

  private MavenArtifacts(Path localRepository) {
    this.system = new RepositorySystemSupplier().get();
    DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
    session.setSystemProperties(System.getProperties());
    // ~/.m2 may be shared with builds running at the same time.
    session.setConfigProperty("aether.syncContext.named.factory", "file-lock");
    session.setConfigProperty("aether.syncContext.named.nameMapper", "file-gav");
    session.setLocalRepositoryManager(
        system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
    session.setTransferListener(
        new AbstractTransferListener() {
          @Override
          public void transferSucceeded(TransferEvent event) {
            if (event.getRequestType() == TransferEvent.RequestType.GET) {
              downloadedBytes.addAndGet(event.getTransferredBytes());
              downloadedFiles.incrementAndGet();
            }
          }
        });
    session.setReadOnly();
    this.session = session;
    // The id must be "central" so that artifacts Maven itself downloaded count as available.
    this.repositories =
        List.of(new RemoteRepository.Builder("central", "default", CENTRAL).build());
  }

  static MavenArtifacts open(Path localRepository) {
    return new MavenArtifacts(localRepository);
  }

  /** An artifact managed by the BOM, at the version the BOM gives it. */
  record BomEntry(String artifactId, String version) {}

  /**
   * The artifacts managed by the SDK BOM of the given version, sorted by id. Nearly all have the
   * BOM's version; a preview module may carry a suffix ({@code 2.40.2-PREVIEW}).
   */
  List<BomEntry> bomEntries(String sdkVersion) throws ArtifactDescriptorException {
    return bomEntries(SDK_GROUP, "bom", sdkVersion, true);
  }

  /**
   * The artifacts of {@code group} a BOM manages at its own version, sorted by id. With {@code
   * strict}, any other entry is an error; without, it is skipped (the 1.x BOM still lists {@code
   * aws-java-sdk-swf-libraries} at 1.11.22).
   */
  List<BomEntry> bomEntries(String group, String bomArtifact, String sdkVersion, boolean strict)
      throws ArtifactDescriptorException {
    Artifact bom = new DefaultArtifact(group, bomArtifact, "", "pom", sdkVersion);
    var descriptor =
        system.readArtifactDescriptor(
            session, new ArtifactDescriptorRequest(bom, repositories, null));
    var entries = new TreeMap<String, BomEntry>();
    for (Dependency managed : descriptor.getManagedDependencies()) {
      Artifact artifact = managed.getArtifact();
      if (!group.equals(artifact.getGroupId()) || !artifact.getVersion().startsWith(sdkVersion)) {
        if (!strict) {
          continue;
        }
        throw new IllegalStateException("unexpected BOM entry " + artifact);
      }
      entries.put(
          artifact.getArtifactId(), new BomEntry(artifact.getArtifactId(), artifact.getVersion()));
    }
    return new ArrayList<>(entries.values());
  }

  /** The jar of one SDK artifact, without its dependencies. */
  Path jar(String artifactId, String version) throws ArtifactResolutionException {
    return jar(SDK_GROUP, artifactId, "", version);
  }

  /** One artifact's jar with a classifier ({@code sources}, or empty for the main jar). */
  Path jar(String group, String artifactId, String classifier, String version)
      throws ArtifactResolutionException {
    Artifact artifact = new DefaultArtifact(group, artifactId, classifier, "jar", version);
    ArtifactResult result =
        system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null));
    return result.getArtifact().getFile().toPath();
  }

  /** The runtime class path of one SDK artifact: its jar first, then its dependencies. */
  List<Path> runtimeClasspath(String artifactId, String version)
      throws DependencyResolutionException {
    return runtimeClasspath(SDK_GROUP, artifactId, version);
  }

  /** The runtime class path of any artifact: its jar first, then its dependencies. */
  List<Path> runtimeClasspath(String group, String artifactId, String version)
      throws DependencyResolutionException {
    Artifact artifact = new DefaultArtifact(group, artifactId, "jar", version);
    var collect = new CollectRequest(new Dependency(artifact, JavaScopes.RUNTIME), repositories);
    var request =
        new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
    var paths = new ArrayList<Path>();
    for (ArtifactResult result :
        system.resolveDependencies(session, request).getArtifactResults()) {
      paths.add(result.getArtifact().getFile().toPath());
    }
    return paths;
  }

  long downloadedBytes() {
    return downloadedBytes.get();
  }

  long downloadedFiles() {
    return downloadedFiles.get();
  }

  @Override
  public void close() {
    system.shutdown();
  }
}
