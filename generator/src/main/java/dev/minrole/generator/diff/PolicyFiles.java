package dev.minrole.generator.diff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The current policy from files: {@code --current FILE} (a policy, or a list of them) and {@code
 * --boundary FILE} (the role's permissions boundary). Files are named in output by their path
 * relative to {@code base} (the working directory), with forward slashes.
 */
public record PolicyFiles(List<Path> identity, List<Path> boundary, Path base)
    implements CurrentPolicySource {

  public PolicyFiles {
    identity = List.copyOf(identity);
    boundary = List.copyOf(boundary);
  }

  @Override
  public CurrentPolicy read() throws PolicyInputException {
    List<PolicyDocument> documents = new ArrayList<>();
    for (Path file : identity) {
      documents.addAll(readFile(file));
    }
    List<PolicyDocument> boundaries = new ArrayList<>();
    for (Path file : boundary) {
      boundaries.addAll(readFile(file));
    }
    String description = String.join(", ", identity.stream().map(this::display).toList());
    return new CurrentPolicy(description, documents, boundaries, List.of());
  }

  private List<PolicyDocument> readFile(Path file) throws PolicyInputException {
    String name = display(file);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (NoSuchFileException e) {
      throw new PolicyInputException(
          name + ": no such file; give the path of an IAM policy JSON file");
    } catch (CharacterCodingException e) {
      throw new PolicyInputException(name + ": not UTF-8 text; save the policy as UTF-8 JSON");
    } catch (IOException e) {
      throw new PolicyInputException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return PolicyReader.read(text, name, name);
  }

  /** The path as output shows it: relative to the base when under it, with forward slashes. */
  public String display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path root = base.toAbsolutePath().normalize();
    Path shown = absolute;
    try {
      shown = root.relativize(absolute);
    } catch (IllegalArgumentException e) {
      // a different file system root: keep the absolute path
    }
    return shown.toString().replace('\\', '/');
  }
}
