package dev.minrole.tools.sdkinventory;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Counts and lists over the recorded clients, for the coverage report. */
final class CoverageTally {

  long operations;
  long requestMembers;
  long shapes;
  long streamingInput;
  long streamingOutput;
  long paginated;
  long waited;
  long irregularSetters;
  long enums;
  long required;
  final List<String> methodMismatches = new ArrayList<>();
  final List<String> requestMismatches = new ArrayList<>();
  final List<String> asyncOnlyOperations = new ArrayList<>();
  final List<String> aliased = new ArrayList<>();
  final TreeSet<String> beyondDepth = new TreeSet<>();

  /** "Member -> setter()" to the number of requests and shapes that have it. */
  final TreeMap<String, Integer> irregularSetterCounts = new TreeMap<>();

  static CoverageTally of(List<ServiceClient> clients) {
    var tally = new CoverageTally();
    clients.forEach(tally::add);
    return tally;
  }

  private void add(ServiceClient c) {
    shapes += c.shapes().size();
    for (Operation op : c.operations()) {
      operations++;
      if (op.asyncOnly()) {
        asyncOnlyOperations.add(tag(c) + op.name());
      }
      if (!op.aliases().isEmpty()) {
        aliased.add(tag(c) + op.name() + " -> " + String.join(", ", op.aliases()));
      }
      requestMembers += op.members().size();
      streamingInput += op.streamingInput() ? 1 : 0;
      streamingOutput += op.streamingOutput() ? 1 : 0;
      paginated += op.paginators().isEmpty() ? 0 : 1;
      waited += op.waiters().isEmpty() ? 0 : 1;
      if (!op.method().equals(lowerFirst(op.name()))) {
        methodMismatches.add(tag(c) + op.name() + " -> " + op.method() + "()");
      }
      if (!op.request().equals(op.name() + "Request")) {
        requestMismatches.add(tag(c) + op.name() + " -> " + op.request());
      }
      op.members().forEach(m -> add(c, m));
    }
    c.shapes().values().forEach(members -> members.forEach(m -> add(c, m)));
  }

  private void add(ServiceClient c, Member m) {
    enums += m.enumName() == null ? 0 : 1;
    required += m.required() ? 1 : 0;
    if (m.shape() != null && !c.shapes().containsKey(m.shape())) {
      beyondDepth.add(c.id() + "/" + m.shape());
    }
    if (m.setter() != null && !m.setter().equals(lowerFirst(m.name()))) {
      irregularSetters++;
      irregularSetterCounts.merge(m.name() + " -> " + m.setter() + "()", 1, Integer::sum);
    }
  }

  private static String tag(ServiceClient c) {
    return "`" + c.id() + "`: ";
  }

  static String lowerFirst(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
