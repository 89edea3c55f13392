package dev.minrole.tools.sdkinventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Class loaders for one service artifact at a time.
 *
 * <p>Each service gets a {@link URLClassLoader} over its jar and its runtime dependencies. The SDK
 * core classes that this tool itself was compiled against (same SDK version, checked at start up)
 * are shared with the service loaders, so the inspection code can use {@code SdkPojo}, {@code
 * SdkField} and the traits directly instead of through reflection. Everything else, including the
 * tool's own libraries (Maven Resolver, Jackson, HTTP clients), stays invisible to the services.
 */
final class ServiceClassLoaders {

  private static final List<String> SHARED_PREFIXES =
      List.of("software.amazon.awssdk.", "org.reactivestreams.", "org.slf4j.");

  private static final ClassLoader SHARED = new SharedSdkLoader(ServiceClassLoaders.class);

  private ServiceClassLoaders() {}

  static URLClassLoader open(String name, List<Path> classpath) {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = classpath.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new URLClassLoader(name, urls, SHARED);
  }

  /**
   * A loader over {@code classpath} that shares nothing with the tool but the platform classes, for
   * SDK 1.x artifacts.
   */
  static URLClassLoader isolated(String name, List<Path> classpath) {
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = classpath.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new URLClassLoader(name, urls, ClassLoader.getPlatformClassLoader());
  }

  static void close(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Exposes the platform classes plus the tool's own SDK core classes, nothing more. */
  private static final class SharedSdkLoader extends ClassLoader {
    private final ClassLoader tool;

    SharedSdkLoader(Class<?> anchor) {
      super("sdk-core-shared", ClassLoader.getPlatformClassLoader());
      this.tool = anchor.getClassLoader();
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      for (String prefix : SHARED_PREFIXES) {
        if (name.startsWith(prefix)) {
          return tool.loadClass(name);
        }
      }
      throw new ClassNotFoundException(name);
    }
  }
}
