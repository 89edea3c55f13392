package dev.minrole.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.mapping.OperationMapper;
import dev.minrole.generator.synth.ArnContext;
import dev.minrole.generator.synth.Evidence;
import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.Permission;
import dev.minrole.generator.synth.PolicySynthesizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Tightening never grants more than the current policy, and keeps every needed permission the
 * current policy grants; for a function minrole could not see all of, it keeps everything the
 * current policy lets the function do. Both are checked with a small IAM evaluator written here,
 * independently of the one under test, on every concrete request of a small universe: actions, ARNs
 * made from every pattern in play, and request contexts with and without the VPC a condition names.
 * A needed pattern counts as granted when every ARN of the universe it names is allowed in every
 * context.
 */
class TightenPropertiesTest {
  private static final List<String> ACTIONS =
      List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket", "sqs:SendMessage");
  private static final List<String> ACTION_PATTERNS =
      List.of(
          "s3:GetObject",
          "s3:PutObject",
          "s3:ListBucket",
          "sqs:SendMessage",
          "s3:*",
          "s3:Get*",
          "*",
          "s3:?utObject");
  private static final List<String> RESOURCE_PATTERNS =
      List.of(
          "*",
          "arn:aws:s3:::b1/*",
          "arn:aws:s3:::b1/k1",
          "arn:aws:s3:::b?/k1",
          "arn:aws:s3:::b2/*",
          "arn:aws:s3:::b1",
          "arn:aws:s3:::*",
          "arn:aws:sqs:*:*:q1",
          "arn:aws:sqs:eu-west-1:111122223333:q1",
          "arn:aws:s3:::b1/secret*");
  private static final List<String> NEEDED_RESOURCES =
      List.of(
          "arn:aws:s3:::b1/*",
          "arn:aws:s3:::b1/k1",
          "arn:aws:s3:::b2/k1",
          "arn:aws:s3:::b1",
          "arn:aws:sqs:*:*:q1",
          "arn:aws:sqs:eu-west-1:111122223333:q1",
          "*");
  private static final List<Map<String, String>> CONTEXTS =
      List.of(Map.of(), Map.of("aws:SourceVpc", "vpc-1"), Map.of("aws:SourceVpc", "vpc-2"));
  private static final List<String> FILLERS = List.of("", "k1", "zz9");

  private static final IamCatalog CATALOG = IamCatalog.bundled();

  private final Tightener tightener =
      new Tightener(new PolicySynthesizer(OperationMapper.bundled(), ArnContext.defaults()));

  record Case(
      List<String> identity, List<String> boundary, List<Permission> needs, boolean dropObserved) {}

  @Property(tries = 300)
  void tighten_isASubsetOfCurrent_andKeepsEveryGrantedNeed(@ForAll("cases") Case c)
      throws Exception {
    CurrentPolicy current =
        c.boundary().isEmpty()
            ? Needs.current(c.identity().toArray(String[]::new))
            : new CurrentPolicy(
                "current",
                Needs.current(c.identity().toArray(String[]::new)).identity(),
                PolicyReader.read(c.boundary().get(0), "b.json", "b.json"),
                List.of());
    FunctionPolicy needed =
        new FunctionPolicy(
            "f",
            "f",
            IamPolicy.fromJson(Needs.policy(Needs.allow("s3:GetObject", "*"))),
            c.needs(),
            List.of());
    Tightened t =
        tightener.tighten(needed, current, new Tightener.Options(false, c.dropObserved()));

    List<IamStatement> currentIdentity = statements(current.identity());
    List<IamStatement> boundary = statements(current.boundary());
    List<IamStatement> tightened = t.policy().map(FunctionPolicy::statements).orElse(List.of());
    Set<String> universe = universe();
    for (String action : ACTIONS) {
      for (String resource : universe) {
        for (Map<String, String> context : CONTEXTS) {
          if (allowed(tightened, action, resource, context)) {
            assertThat(allowed(currentIdentity, action, resource, context))
                .as("tightened allows %s on %s in %s, current does not", action, resource, context)
                .isTrue();
          }
        }
      }
    }
    for (Permission need : c.needs()) {
      boolean observedOnly = need.evidence().stream().allMatch(e -> e instanceof Evidence.Trail);
      if (c.dropObserved() && observedOnly) {
        continue;
      }
      if (grantsEverywhere(currentIdentity, boundary, need, universe)) {
        assertThat(grantsEverywhere(tightened, boundary, need, universe))
            .as("current grants %s on %s, tightened must keep it", need.action(), need.resource())
            .isTrue();
      }
    }
  }

  /**
   * For a function that is not complete, tighten takes nothing away: every request the current
   * policy allows (identity and boundary together) on a resource the action can act on is allowed
   * by the tightened policy too, and nothing else is.
   */
  @Property(tries = 100)
  void tighten_ofAnIncompleteFunction_allowsExactlyWhatCurrentAllows(@ForAll("cases") Case c)
      throws Exception {
    CurrentPolicy current =
        c.boundary().isEmpty()
            ? Needs.current(c.identity().toArray(String[]::new))
            : new CurrentPolicy(
                "current",
                Needs.current(c.identity().toArray(String[]::new)).identity(),
                PolicyReader.read(c.boundary().get(0), "b.json", "b.json"),
                List.of());
    FunctionPolicy needed =
        new FunctionPolicy(
            "f",
            "f",
            IamPolicy.fromJson(Needs.policy(Needs.allow("s3:GetObject", "*"))),
            c.needs(),
            List.of(Needs.reflectiveCall()));
    Tightened t = tightener.tighten(needed, current, new Tightener.Options(false, false));

    List<IamStatement> currentIdentity = statements(current.identity());
    List<IamStatement> boundary = statements(current.boundary());
    List<IamStatement> tightened = t.policy().map(FunctionPolicy::statements).orElse(List.of());
    for (String action : ACTIONS) {
      for (String resource : universe()) {
        if (!ResourceTypes.canName(CATALOG, action, resource)) {
          continue;
        }
        for (Map<String, String> context : CONTEXTS) {
          boolean inside = boundary.isEmpty() || allowed(boundary, action, resource, context);
          boolean before = inside && allowed(currentIdentity, action, resource, context);
          boolean after = inside && allowed(tightened, action, resource, context);
          assertThat(after)
              .as(
                  "%s on %s in %s: current %s, tightened %s",
                  action, resource, context, before, after)
              .isEqualTo(before);
        }
      }
    }
  }

  /**
   * True if one Allow statement of {@code identity} (and one of {@code boundary}, if any) applies
   * to every ARN the need names in every context, and no Deny applies to any of them. minrole
   * judges statements one at a time: a need only the union of several statements grants is reported
   * as missing, never silently dropped, so the property is stated for what one statement grants.
   */
  private static boolean grantsEverywhere(
      List<IamStatement> identity,
      List<IamStatement> boundary,
      Permission need,
      Set<String> universe) {
    Set<String> resources = new LinkedHashSet<>(instances(need.resource()));
    universe.stream().filter(u -> matches(need.resource(), u, false)).forEach(resources::add);
    return oneStatementAllows(identity, need.action(), resources)
        && (boundary.isEmpty() || oneStatementAllows(boundary, need.action(), resources));
  }

  private static boolean oneStatementAllows(
      List<IamStatement> statements, String action, Set<String> resources) {
    for (String resource : resources) {
      for (Map<String, String> context : CONTEXTS) {
        for (IamStatement s : statements) {
          if (s.effect().value().equals("Deny") && applies(s, action, resource, context)) {
            return false;
          }
        }
      }
    }
    for (IamStatement s : statements) {
      boolean everywhere = s.effect().value().equals("Allow");
      for (String resource : resources) {
        for (Map<String, String> context : CONTEXTS) {
          everywhere &= applies(s, action, resource, context);
        }
      }
      if (everywhere) {
        return true;
      }
    }
    return false;
  }

  private static List<IamStatement> statements(List<PolicyDocument> documents) {
    List<IamStatement> out = new ArrayList<>();
    documents.forEach(d -> out.addAll(d.policy().statements()));
    return out;
  }

  /** Every concrete ARN the patterns in play name. */
  private static Set<String> universe() {
    Set<String> out = new LinkedHashSet<>();
    RESOURCE_PATTERNS.forEach(p -> out.addAll(instances(p)));
    NEEDED_RESOURCES.forEach(p -> out.addAll(instances(p)));
    return out;
  }

  /** Concrete ARNs a pattern names: each wildcard filled with a few different texts. */
  private static List<String> instances(String pattern) {
    List<String> out = new ArrayList<>(List.of(""));
    for (int i = 0; i < pattern.length(); i++) {
      char ch = pattern.charAt(i);
      List<String> next = new ArrayList<>();
      for (String prefix : out) {
        if (ch == '*') {
          FILLERS.forEach(f -> next.add(prefix + f));
        } else if (ch == '?') {
          next.add(prefix + "1");
          next.add(prefix + "z");
        } else {
          next.add(prefix + ch);
        }
      }
      out = next;
    }
    return out;
  }

  // The reference evaluator: explicit Deny wins, else some Allow must apply.

  private static boolean allowed(
      List<IamStatement> statements, String action, String resource, Map<String, String> ctx) {
    boolean allow = false;
    for (IamStatement s : statements) {
      if (applies(s, action, resource, ctx)) {
        if (s.effect().value().equals("Deny")) {
          return false;
        }
        allow = true;
      }
    }
    return allow;
  }

  private static boolean applies(
      IamStatement s, String action, String resource, Map<String, String> ctx) {
    boolean actionMatch =
        s.notActions().isEmpty()
            ? s.actions().stream().anyMatch(a -> matches(a.value(), action, true))
            : s.notActions().stream().noneMatch(a -> matches(a.value(), action, true));
    boolean resourceMatch =
        s.notResources().isEmpty()
            ? s.resources().stream().anyMatch(r -> matches(r.value(), resource, false))
            : s.notResources().stream().noneMatch(r -> matches(r.value(), resource, false));
    return actionMatch && resourceMatch && conditionsHold(s.conditions(), ctx);
  }

  private static boolean conditionsHold(List<IamCondition> conditions, Map<String, String> ctx) {
    Map<String, List<IamCondition>> byBlock = new java.util.TreeMap<>();
    conditions.forEach(
        c ->
            byBlock
                .computeIfAbsent(
                    c.operator().value() + " " + c.key().value(), k -> new ArrayList<>())
                .add(c));
    for (List<IamCondition> block : byBlock.values()) {
      String operator = block.get(0).operator().value();
      String value = ctx.get(block.get(0).key().value());
      boolean anyEqual = value != null && block.stream().anyMatch(c -> c.value().equals(value));
      boolean holds =
          switch (operator) {
            case "StringEquals" -> anyEqual;
            case "StringNotEquals" -> !anyEqual;
            default ->
                throw new IllegalStateException(
                    "operator not in the reference evaluator: " + operator);
          };
      if (!holds) {
        return false;
      }
    }
    return true;
  }

  private static final Map<String, Pattern> COMPILED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static boolean matches(String pattern, String text, boolean ignoreCase) {
    Pattern compiled =
        COMPILED.computeIfAbsent(
            ignoreCase + pattern,
            k -> {
              StringBuilder regex = new StringBuilder();
              for (int i = 0; i < pattern.length(); i++) {
                char ch = pattern.charAt(i);
                regex.append(
                    ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
              }
              return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            });
    return compiled.matcher(text).matches();
  }

  // Generators.

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<List<String>> identity = policy(true).list().ofMinSize(1).ofMaxSize(2);
    Arbitrary<List<String>> boundary =
        Arbitraries.oneOf(
            Arbitraries.just(List.<String>of()),
            Arbitraries.just(List.<String>of()),
            policy(false).map(List::of));
    Arbitrary<List<Permission>> needs = need().list().ofMinSize(1).ofMaxSize(4);
    return Combinators.combine(identity, boundary, needs, Arbitraries.of(true, false))
        .as(Case::new);
  }

  private Arbitrary<String> policy(boolean withDenies) {
    return statement(withDenies)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(s -> Needs.policy(s.toArray(String[]::new)));
  }

  private Arbitrary<String> statement(boolean withDenies) {
    Arbitrary<String> effect =
        withDenies ? Arbitraries.of("Allow", "Allow", "Allow", "Deny") : Arbitraries.just("Allow");
    Arbitrary<String> actionKey =
        Arbitraries.of("Action", "Action", "Action", "Action", "NotAction");
    Arbitrary<String> resourceKey =
        Arbitraries.of("Resource", "Resource", "Resource", "Resource", "NotResource");
    Arbitrary<String> actions =
        Arbitraries.of(ACTION_PATTERNS)
            .list()
            .ofMinSize(1)
            .ofMaxSize(2)
            .uniqueElements()
            .map(TightenPropertiesTest::json);
    Arbitrary<String> resources =
        Arbitraries.of(RESOURCE_PATTERNS)
            .list()
            .ofMinSize(1)
            .ofMaxSize(2)
            .uniqueElements()
            .map(TightenPropertiesTest::json);
    Arbitrary<String> condition =
        Arbitraries.of(
            "",
            "",
            "",
            "{\"StringEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}",
            "{\"StringNotEquals\": {\"aws:SourceVpc\": \"vpc-1\"}}");
    return Combinators.combine(effect, actionKey, actions, resourceKey, resources, condition)
        .as(
            (e, ak, a, rk, r, cond) ->
                "{\"Effect\": \""
                    + e
                    + "\", \""
                    + ak
                    + "\": "
                    + a
                    + ", \""
                    + rk
                    + "\": "
                    + r
                    + (cond.isEmpty() ? "" : ", \"Condition\": " + cond)
                    + "}");
  }

  private Arbitrary<Permission> need() {
    return Combinators.combine(
            Arbitraries.of(ACTIONS),
            Arbitraries.of(NEEDED_RESOURCES),
            Arbitraries.of(true, false, false))
        .as((a, r, observed) -> observed ? Needs.observed(a, r) : Needs.code(a, r, 10));
  }

  private static String json(List<String> values) {
    return "[" + String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
  }
}
