package dev.minrole.generator.synth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.minrole.analyzer.data.DataFiles;
import dev.minrole.generator.catalog.AccessLevel;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statement ids that say what a statement is for: service, kind of access, and the resources it is
 * about, e.g. {@code S3ReadMediaUploads} or {@code DynamoDbWriteOrders}. IAM allows only letters
 * and digits in a {@code Sid}.
 */
final class StatementIds {
  private static final int MAX_LENGTH = 64;
  private static final Map<String, String> NAMES = load();

  private StatementIds() {}

  private static Map<String, String> load() {
    JsonNode root = DataFiles.yaml("/dev/minrole/generator/synth/service-names.yaml");
    Map<String, String> out = new HashMap<>();
    root.path("names").properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  static String of(String prefix, Set<AccessLevel> levels, Collection<String> labels) {
    return of(List.of(prefix), levels, labels);
  }

  /**
   * The id of a statement whose actions belong to one or more services, e.g. {@code
   * DynamoDbSqsWrite}.
   */
  static String of(List<String> prefixes, Set<AccessLevel> levels, Collection<String> labels) {
    StringBuilder sid = new StringBuilder();
    prefixes.forEach(p -> sid.append(serviceName(p)));
    sid.append(accessWord(levels));
    List<String> distinct = labels.stream().filter(l -> !l.isBlank()).distinct().sorted().toList();
    if (distinct.size() == 1) {
      sid.append(PascalCase.of(distinct.get(0)));
    } else if (distinct.size() == 2) {
      sid.append(PascalCase.of(distinct.get(0)))
          .append("And")
          .append(PascalCase.of(distinct.get(1)));
    } else if (distinct.size() > 2) {
      sid.append(PascalCase.of(distinct.get(0))).append("AndOthers");
    }
    String text = withoutRepeatedWords(sid.toString().replaceAll("[^A-Za-z0-9]", ""));
    return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
  }

  /** {@code AcmeReceiptsReceipts} reads better as {@code AcmeReceipts}. */
  static String withoutRepeatedWords(String pascal) {
    String[] words = pascal.split("(?<=[a-z0-9])(?=[A-Z])", -1);
    StringBuilder out = new StringBuilder();
    String previous = "";
    for (String word : words) {
      if (!word.equals(previous)) {
        out.append(word);
      }
      previous = word;
    }
    return out.toString();
  }

  static String serviceName(String prefix) {
    return NAMES.getOrDefault(prefix, PascalCase.of(prefix));
  }

  private static String accessWord(Set<AccessLevel> levels) {
    Set<AccessLevel> set =
        levels.isEmpty() ? EnumSet.noneOf(AccessLevel.class) : EnumSet.copyOf(levels);
    boolean read = set.remove(AccessLevel.READ);
    boolean list = set.remove(AccessLevel.LIST);
    boolean reads = read || list;
    boolean writes = set.remove(AccessLevel.WRITE);
    boolean tags = set.remove(AccessLevel.TAGGING);
    boolean manages = set.remove(AccessLevel.PERMISSIONS_MANAGEMENT);
    StringBuilder out = new StringBuilder();
    if (reads) {
      out.append("Read");
    }
    if (writes) {
      out.append("Write");
    }
    if (tags) {
      out.append("Tag");
    }
    if (manages) {
      out.append("Manage");
    }
    return out.length() == 0 ? "Access" : out.toString();
  }
}
