package dev.minrole.analyzer.build;

import dev.minrole.analyzer.model.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The dependencies a {@code pom.xml} declares, read with the JDK's XML parser (no DTDs, no external
 * entities): {@code project/dependencies/dependency} and the same in {@code profiles}, not {@code
 * dependencyManagement} or plugin dependencies, and not {@code test} scope. A {@code parent} is
 * named so that its own dependencies, which the module inherits, can be read too.
 */
final class MavenPom {
  /** What a POM declares: its dependencies and the path of its parent POM, if it names one. */
  record Read(List<Dependency> dependencies, Optional<String> parentPath) {}

  private MavenPom() {}

  static Read read(Path file, String display) throws IOException {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    try {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      Handler handler = new Handler(display);
      try (InputStream in = Files.newInputStream(file)) {
        factory.newSAXParser().parse(in, handler);
      }
      return new Read(List.copyOf(handler.dependencies), handler.parentPath());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser is not configurable", e);
    } catch (SAXException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static final class Handler extends DefaultHandler {
    private final String display;
    private final Deque<String> path = new ArrayDeque<>();
    private final List<Dependency> dependencies = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private Locator locator;
    private int line;
    private String group = "";
    private String artifact = "";
    private String scope = "";
    private boolean hasParent;
    private String relativePath;

    Handler(String display) {
      this.display = display;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String local, String name, Attributes attributes) {
      path.push(name);
      text.setLength(0);
      if (name.equals("dependency") && isDependency()) {
        line = locator == null ? 0 : locator.getLineNumber();
        group = "";
        artifact = "";
        scope = "";
      }
      if (name.equals("parent") && path.size() == 2) {
        hasParent = true;
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      text.append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String local, String name) {
      String value = text.toString().strip();
      path.pop();
      if (path.size() >= 1 && path.peek().equals("dependency") && isDependency()) {
        switch (name) {
          case "groupId" -> group = value;
          case "artifactId" -> artifact = value;
          case "scope" -> scope = value;
          default -> {}
        }
      } else if (name.equals("dependency") && isDependencyList() && !scope.equals("test")) {
        dependencies.add(new Dependency(group, artifact, SourceLocation.of(display, line)));
      } else if (name.equals("relativePath") && path.size() == 2 && path.peek().equals("parent")) {
        relativePath = value;
      }
      text.setLength(0);
    }

    /** True inside project/dependencies/dependency or project/profiles/profile/... */
    private boolean isDependency() {
      List<String> up = new ArrayList<>(path);
      return up.size() >= 3
          && up.get(1).equals("dependencies")
          && isProjectList(up.subList(2, up.size()));
    }

    private boolean isDependencyList() {
      List<String> up = new ArrayList<>(path);
      return up.size() >= 2
          && up.get(0).equals("dependencies")
          && isProjectList(up.subList(1, up.size()));
    }

    /** The elements above a dependencies list: the project itself, or one of its profiles. */
    private static boolean isProjectList(List<String> above) {
      return above.equals(List.of("project"))
          || above.equals(List.of("profile", "profiles", "project"));
    }

    Optional<String> parentPath() {
      if (!hasParent) {
        return Optional.empty();
      }
      if (relativePath == null) {
        return Optional.of("../pom.xml");
      }
      return relativePath.isEmpty() ? Optional.empty() : Optional.of(relativePath);
    }
  }
}
