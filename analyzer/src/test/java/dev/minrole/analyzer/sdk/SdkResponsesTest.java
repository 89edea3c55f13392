package dev.minrole.analyzer.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdkResponsesTest {

  @Test
  void bundled_namesOnlyOperationsAndRequestMembersTheInventoryHas() {
    SdkInventory inventory = SdkInventory.bundled();
    List<String> problems = new ArrayList<>();
    List<SdkResponses.Entry> entries = SdkResponses.bundled().entries();
    for (SdkResponses.Entry entry : entries) {
      String where = entry.service() + " " + entry.operation();
      SdkOperation op =
          inventory.services().stream()
              .filter(s -> s.serviceName().equals(entry.service()))
              .flatMap(s -> s.operation(entry.operation()).stream())
              .findFirst()
              .orElse(null);
      if (op == null) {
        problems.add(where + ": no such operation");
        continue;
      }
      List<String> members = op.members().stream().map(SdkMember::name).toList();
      for (SdkResponses.DerivedMember derived : entry.members()) {
        List<String> named = new ArrayList<>(derived.unlessSet());
        named.add(derived.from());
        named.stream()
            .filter(n -> !members.contains(n))
            .forEach(n -> problems.add(where + ": request has no member " + n));
        if (derived.getter().isEmpty()) {
          problems.add(where + ": a derived member without a getter");
        }
      }
    }

    assertThat(entries).isNotEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void getQueueUrl_queueUrlIsTheQueueName_unlessAnotherAccountOwnsIt() {
    assertThat(SdkResponses.bundled().derived("sqs", "GetQueueUrl"))
        .containsExactly(
            new SdkResponses.DerivedMember(
                "queueUrl", "QueueName", List.of("QueueOwnerAWSAccountId")));
    assertThat(SdkResponses.bundled().derived("sqs", "SendMessage")).isEmpty();
  }
}
