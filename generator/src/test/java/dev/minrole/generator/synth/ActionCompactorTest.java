package dev.minrole.generator.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.generator.catalog.IamAction;
import dev.minrole.generator.catalog.IamCatalog;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ActionCompactorTest {
  private static final IamCatalog CATALOG = IamCatalog.bundled();
  private final ActionCompactor compactor = new ActionCompactor(CATALOG);

  private static SortedSet<String> expanded(List<String> patterns) {
    SortedSet<String> out = new TreeSet<>();
    patterns.forEach(p -> CATALOG.expand(p).forEach(a -> out.add(a.id())));
    return out;
  }

  @Test
  void compact_whenAPrefixMatchesExactlyTheListedActions_usesTheWildcard() {
    List<String> actions =
        List.of("dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:GetItem");
    List<String> compacted = compactor.compactActions(actions);
    assertThat(compacted).containsExactly("dynamodb:Batch*", "dynamodb:GetItem");
    assertThat(expanded(compacted)).containsExactlyElementsOf(new TreeSet<>(actions));
  }

  @Test
  void compact_whenEveryPrefixMatchesMore_keepsTheActions() {
    List<String> actions = List.of("dynamodb:GetItem", "dynamodb:PutItem");
    assertThat(compactor.compactActions(actions)).containsExactlyElementsOf(actions);
  }

  @Test
  void compact_whenTheListIsTheWholeService_usesServiceWildcard() {
    List<String> all =
        CATALOG.service("sqs").orElseThrow().actions().values().stream()
            .map(IamAction::id)
            .toList();
    assertThat(compactor.compactActions(all)).containsExactly("sqs:*");
  }

  @Test
  void compact_whenTheListIsAllButOne_neverUsesServiceWildcard() {
    List<String> all =
        CATALOG.service("sqs").orElseThrow().actions().values().stream()
            .map(IamAction::id)
            .toList();
    List<String> allButSend = all.stream().filter(a -> !a.equals("sqs:SendMessage")).toList();
    List<String> compacted = compactor.compactActions(allButSend);
    assertThat(compacted).doesNotContain("sqs:*").hasSizeLessThan(allButSend.size());
    assertThat(expanded(compacted)).containsExactlyElementsOf(new TreeSet<>(allButSend));
  }

  @Test
  void compact_keepsActionsOfEachServiceApart() {
    List<String> compacted =
        compactor.compactActions(
            List.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl", "xray:PutTraceSegments"));
    assertThat(compacted).containsExactly("sqs:GetQueue*", "xray:PutTraceSegments");
  }
}
