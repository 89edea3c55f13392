package dev.minrole.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link DenyIndex} answers what scanning every Deny answers, on generated Deny statements ({@code
 * Action} or {@code NotAction}, {@code Resource} or {@code NotResource}) over small pools of
 * patterns, for every action and resource of the pools.
 */
class DenyIndexProperties {
  private static final List<String> ACTIONS =
      List.of(
          "s3:GetObject",
          "s3:Get*",
          "S3:getobject",
          "*",
          "**",
          "s3:*Object",
          "sqs:*",
          "*:Get?bject");
  private static final List<String> RESOURCES =
      List.of(
          "*",
          "arn:aws:s3:::media/*",
          "arn:aws:s3:::media/in/a.jpg",
          "arn:aws:s3:::*/in/*",
          "arn:aws:s3:::media/?n/*",
          "arn:aws:s3:::Media/*",
          "arn:aws:sqs:*:*:jobs");
  private static final List<String> ASKED_ACTIONS =
      List.of("s3:GetObject", "s3:PutObject", "sqs:SendMessage", "s3:GetObjectAcl");

  @Provide
  Arbitrary<List<StatementView>> denies() {
    Arbitrary<StatementView> deny =
        Combinators.combine(
                Arbitraries.of(ACTIONS).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(RESOURCES).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
            .as(
                (actions, resources, notAction, notResource) ->
                    new StatementView(
                        new StatementRef("p.json", 0, "$.Statement[0]", "", null),
                        false,
                        notAction
                            ? new ActionSet.AllExcept(actions)
                            : new ActionSet.Listed(actions),
                        notResource
                            ? new ResourceSet.AllExcept(resources)
                            : new ResourceSet.Listed(resources),
                        List.of()));
    return deny.list().ofMaxSize(8);
  }

  @Property(tries = 1000)
  void deniesAll_isWhatScanningEveryDenySays(@ForAll("denies") List<StatementView> denies) {
    DenyIndex index = new DenyIndex(denies);
    List<String> resources = new ArrayList<>(RESOURCES);
    resources.add("arn:aws:s3:::media/in/b.png");
    for (String action : ASKED_ACTIONS) {
      for (String resource : resources) {
        boolean scanned =
            denies.stream()
                .anyMatch(d -> d.actions().matches(action) && d.resources().covers(resource));
        assertThat(index.deniesAll(action, resource))
            .as("%s on %s", action, resource)
            .isEqualTo(scanned);
      }
    }
  }
}
