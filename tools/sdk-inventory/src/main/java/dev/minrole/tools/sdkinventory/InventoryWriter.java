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

/** Writes {@code index.json}, {@code services/<id>.json} and {@code coverage.md}. */
final class InventoryWriter {

  private final Path out;
  private final ObjectMapper json = new ObjectMapper();

  InventoryWriter(Path out) {
    this.out = out;
  }

  void write(String sdkVersion, List<ServiceClient> clients, String coverage) throws IOException {
    Path services = out.resolve("services");
    Files.createDirectories(services);
    var written = new TreeSet<String>();
    for (ServiceClient client : clients) {
      String file = client.id() + ".json";
      if (!written.add(file)) {
        throw new IllegalStateException("two clients write " + file);
      }
      writeJson(services.resolve(file), JsonLayout.render(service(client)));
    }
    try (Stream<Path> existing = Files.list(services)) {
      for (Path stale :
          existing.filter(p -> !written.contains(p.getFileName().toString())).toList()) {
        Files.delete(stale);
      }
    }
    writeJson(out.resolve("index.json"), JsonLayout.render(index(sdkVersion, clients)));
    Files.writeString(out.resolve("coverage.md"), coverage, StandardCharsets.UTF_8);
  }

  /** Writes a file after checking that the hand-laid-out text parses as JSON. */
  private void writeJson(Path file, String text) throws IOException {
    json.readTree(text);
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static String fileOf(ServiceClient client) {
    return "services/" + client.id() + ".json";
  }

  private static Node index(String sdkVersion, List<ServiceClient> clients) {
    var entries = new ArrayList<Node>();
    for (ServiceClient c : clients) {
      entries.add(
          new Leaf(
              new JsonText()
                  .field("artifact", c.artifact())
                  .field("package", c.packageName())
                  .field("serviceName", c.serviceName())
                  .field("serviceMetadataId", c.serviceMetadataId())
                  .field("syncClient", c.syncClient())
                  .field("asyncClient", c.asyncClient())
                  .field("operations", c.operations().size())
                  .field("file", fileOf(c))
                  .toString()));
    }
    return new Block().put("sdkVersion", sdkVersion).put("services", new Items(entries));
  }

  private static Node service(ServiceClient c) {
    var operations = new ArrayList<Node>();
    for (Operation op : c.operations()) {
      Block block =
          new Block()
              .put("name", op.name())
              .put("method", op.method())
              .put("request", op.request())
              .put("paginators", new Leaf(JsonText.array(op.paginators())))
              .put("waiters", new Leaf(JsonText.array(op.waiters())));
      if (op.streamingInput()) {
        block.put("streamingInput", new Leaf("true"));
      }
      if (op.streamingOutput()) {
        block.put("streamingOutput", new Leaf("true"));
      }
      if (!op.aliases().isEmpty()) {
        block.put("aliases", new Leaf(JsonText.array(op.aliases())));
      }
      if (op.asyncOnly()) {
        block.put("asyncOnly", new Leaf("true"));
      }
      operations.add(block.put("members", members(op.members())));
    }
    var shapes = new Block();
    for (Map.Entry<String, List<Member>> shape : c.shapes().entrySet()) {
      shapes.put(shape.getKey(), new Block().put("members", members(shape.getValue())));
    }
    return new Block()
        .put("artifact", c.artifact())
        .put("package", c.packageName())
        .put("serviceName", c.serviceName())
        .put("serviceMetadataId", c.serviceMetadataId())
        .put("syncClient", c.syncClient())
        .put("asyncClient", c.asyncClient())
        .put("operations", new Items(operations))
        .put("shapes", shapes);
  }

  private static Items members(List<Member> members) {
    var lines = new ArrayList<Node>();
    for (Member m : members) {
      lines.add(
          new Leaf(
              new JsonText()
                  .field("name", m.name())
                  .field("setter", m.setter())
                  .field("type", m.type())
                  .field("shape", m.shape())
                  .field("enum", m.enumName())
                  .flag("required", m.required())
                  .toString()));
    }
    return new Items(lines);
  }
}
