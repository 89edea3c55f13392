package dev.minrole.generator.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The current policy from files: {@code --current FILE} (a policy, or a list of them) and {@code
 * --boundary FILE} (the role's permissions boundary). Files are named in output by their path
 * relative to {@code base} (the working directory), with forward slashes. {@link #readText} is how
 * every command reads a policy file (validate too).
 */
public record PolicyFiles(List<Path> identity, List<Path> boundary, Path base)
    implements CurrentPolicySource {

  /**
   * The largest policy file read: 4 MiB. IAM's own quotas are far smaller (10,240 characters for
   * all of a role's inline policies, 6,144 for a managed policy; resource policies such as key
   * policies allow 32 KB), per <a
   * href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html">IAM and AWS
   * STS quotas</a>, so the cap only stops input that cannot be a policy, with room for generous
   * formatting and for minrole's own stress inputs.
   */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

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
    return PolicyReader.read(readText(file, name), name, name);
  }

  /**
   * The text of a policy file, read as UTF-8 without a byte order mark, from a regular file of at
   * most {@link #MAX_BYTES}: a FIFO, a device ({@code /dev/zero}) or a directory is refused before
   * it is opened, and no more than the cap is ever read, so neither a hang nor a heap full of a
   * huge file is possible. {@code name} is how messages call the file.
   */
  public static String readText(Path file, String name) throws PolicyInputException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new PolicyInputException(
          name + ": no such file; give the path of an IAM policy JSON file");
    } catch (IOException e) {
      throw new PolicyInputException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (!attributes.isRegularFile()) {
      throw new PolicyInputException(
          name
              + ": not a regular file ("
              + (attributes.isDirectory() ? "a directory" : "a pipe, device or socket")
              + "); give the path of an IAM policy JSON file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new PolicyInputException(name + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new PolicyInputException(
          name
              + ": larger than "
              + MAX_BYTES / (1024 * 1024)
              + " MiB, the most minrole reads of a policy (IAM accepts 10,240 characters for all"
              + " of a role's inline policies); give the policy document itself");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new PolicyInputException(name + ": not UTF-8 text; save the policy as UTF-8 JSON");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
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
