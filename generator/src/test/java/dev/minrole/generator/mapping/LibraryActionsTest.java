package dev.minrole.generator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SdkCall;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** IAM actions that libraries perform without an SDK client: rds-db:connect, kafka-cluster:*. */
class LibraryActionsTest {
  private static final PolicySynthesizer SYNTH =
      new PolicySynthesizer(OperationMapper.bundled(), MappingFixture.CONTEXT);

  private static PolicySynthesizer.Needs needs(
      String service, String op, Map<String, ArgValue> args) {
    return SYNTH.needs(
        List.of(new SdkCall(service, op, args, SourceLocation.of("App.java", 7), "Lib.call")));
  }

  @Test
  void rdsDbConnect_whenHostIsTheTemplatesDatabase_namesItsResourceIdAttribute() {
    ArgValue host =
        new ArgValue.TemplateRef(
            "OrdersDb",
            "Endpoint.Address",
            "AWS::RDS::DBInstance",
            Optional.of("orders.*.eu-west-1.rds.amazonaws.com"));

    PolicySynthesizer.Needs needs =
        needs(
            "rds-db", "connect", Map.of("Hostname", host, "DbUser", ArgValue.literal("reporting")));

    assertThat(needs.permissions())
        .extracting(p -> p.action() + " " + p.resource())
        .containsExactly("rds-db:connect arn:aws:rds-db:eu-west-1:111122223333:dbuser:*/reporting");
    assertThat(needs.findings())
        .extracting(Finding::message)
        .singleElement()
        .asString()
        .contains("OrdersDb", "!GetAtt OrdersDb.DbiResourceId", "${OrdersDb.DbiResourceId}");
  }

  @Test
  void rdsDbConnect_whenHostIsAName_saysTheNameDoesNotGiveTheResourceId() {
    PolicySynthesizer.Needs needs =
        needs(
            "rds-db",
            "connect",
            Map.of(
                "Hostname",
                ArgValue.literal("orders.cluster-abc.eu-west-1.rds.amazonaws.com"),
                "DbUser",
                new ArgValue.EnvVar("DB_USER")));

    assertThat(needs.permissions())
        .extracting(p -> p.resource())
        .containsExactly("arn:aws:rds-db:eu-west-1:111122223333:dbuser:*/*");
    assertThat(needs.findings())
        .extracting(Finding::id)
        .containsOnly("UNRESOLVED_RESOURCE")
        .hasSize(2);
    assertThat(needs.findings().get(0).message() + needs.findings().get(1).message())
        .contains("does not give the database's resource id", "DB_USER");
  }

  @Test
  void kafkaCluster_actions_areOnTheClusterTopicAndGroupTheBootstrapServersName() {
    ArgValue servers =
        ArgValue.literal(
            "b-1.orders.x1y2z3.c2.kafka.eu-west-1.amazonaws.com:9098,"
                + "b-2.orders.x1y2z3.c2.kafka.eu-west-1.amazonaws.com:9098");

    assertThat(needs("kafka-cluster", "Connect", Map.of("BootstrapServers", servers)).permissions())
        .extracting(p -> p.action() + " " + p.resource())
        .containsExactly(
            "kafka-cluster:Connect arn:aws:kafka:eu-west-1:111122223333:cluster/orders/*");
    assertThat(
            needs(
                    "kafka-cluster",
                    "WriteData",
                    Map.of("BootstrapServers", servers, "TopicName", ArgValue.literal("invoices")))
                .permissions())
        .extracting(p -> p.action() + " " + p.resource())
        .containsExactly(
            "kafka-cluster:WriteData arn:aws:kafka:eu-west-1:111122223333:topic/orders/*/invoices");
    assertThat(
            needs(
                    "kafka-cluster",
                    "AlterGroup",
                    Map.of("BootstrapServers", servers, "GroupName", ArgValue.literal("billing")))
                .permissions())
        .extracting(p -> p.action() + " " + p.resource())
        .containsExactly(
            "kafka-cluster:AlterGroup arn:aws:kafka:eu-west-1:111122223333:group/orders/*/billing");
  }
}
