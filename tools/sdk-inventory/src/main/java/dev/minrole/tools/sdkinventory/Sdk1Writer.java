package dev.minrole.tools.sdkinventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.minrole.tools.sdkinventory.JsonLayout.Block;
import dev.minrole.tools.sdkinventory.JsonLayout.Items;
import dev.minrole.tools.sdkinventory.JsonLayout.Leaf;
import dev.minrole.tools.sdkinventory.JsonLayout.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Writes the 1.x inventory: {@code index.json}, {@code services/<artifact>.json}, coverage. */
final class Sdk1Writer {

  private final Path out;

  Sdk1Writer(Path out) {
    this.out = out;
  }

  void write(String version, String v2Version, List<Sdk1Survey.Result> results, String coverage)
      throws IOException {
    Path services = out.resolve("services");
    Files.createDirectories(services);
    var written = new TreeSet<String>();
    var index = new ArrayList<Node>();
    for (Sdk1Survey.Result r : results) {
      String file = fileName(r.artifact());
      written.add(file);
      writeJson(services.resolve(file), JsonLayout.render(artifact(r)));
      for (Sdk1Client c : r.clients()) {
        index.add(new Leaf(indexEntry(r.artifact(), "services/" + file, c)));
      }
    }
    try (Stream<Path> existing = Files.list(services)) {
      for (Path stale :
          existing.filter(p -> !written.contains(p.getFileName().toString())).toList()) {
        Files.delete(stale);
      }
    }
    writeJson(
        out.resolve("index.json"),
        JsonLayout.render(
            new Block()
                .put("sdkVersion", version)
                .put("v2SdkVersion", v2Version)
                .put("clients", new Items(index))));
    Files.writeString(out.resolve("coverage.md"), coverage, StandardCharsets.UTF_8);
  }

  /** {@code aws-java-sdk-dynamodb} is written to {@code dynamodb.json}. */
  static String fileName(String artifact) {
    return artifact.replaceFirst("^aws-java-sdk-", "") + ".json";
  }

  private static String indexEntry(String artifact, String file, Sdk1Client c) {
    JsonText text =
        new JsonText()
            .field("type", c.type())
            .field("artifact", artifact)
            .field("file", file)
            .field("parents", c.parents())
            .field("builders", c.builders())
            .field("implementation", c.implementation())
            .field("endpointPrefix", c.endpointPrefix());
    if (c.v2() != null) {
      text.field("v2Package", c.v2().packageName())
          .field("v2Client", c.v2().client())
          .field("serviceName", c.v2().serviceName());
    }
    return text.toString();
  }

  private static Node artifact(Sdk1Survey.Result r) {
    var clients = new ArrayList<Node>();
    for (Sdk1Client c : r.clients()) {
      var methods = new ArrayList<Node>();
      for (Sdk1Client.Method m : c.methods()) {
        methods.add(
            new Leaf(
                new JsonText()
                    .field("name", m.name())
                    .field("params", m.params())
                    .field("operations", m.operations())
                    .field("args", m.args())
                    .field("status", m.status())
                    .toString()));
      }
      clients.add(new Block().put("type", c.type()).put("methods", new Items(methods)));
    }
    var constructors = new Block();
    for (Map.Entry<String, List<Sdk1Constructors.Ctor>> e : r.constructors().entrySet()) {
      var ctors = new ArrayList<Node>();
      for (Sdk1Constructors.Ctor ctor : e.getValue()) {
        ctors.add(
            new Leaf(
                new JsonText().field("params", ctor.params()).field("set", ctor.set()).toString()));
      }
      constructors.put(e.getKey(), new Items(ctors));
    }
    return new Block()
        .put("artifact", r.artifact())
        .put("clients", new Items(clients))
        .put("constructors", constructors);
  }

  private static void writeJson(Path file, String text) throws IOException {
    new ObjectMapper().readTree(text);
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
