package dev.minrole.generator.declared;

import dev.minrole.analyzer.model.ArgValue;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import dev.minrole.analyzer.template.DeclaredPolicy;
import dev.minrole.analyzer.template.RoleRef;
import dev.minrole.analyzer.template.TNode;
import dev.minrole.analyzer.template.TemplateFunction;
import dev.minrole.analyzer.template.TemplateResolver;
import dev.minrole.analyzer.template.TemplateResource;
import dev.minrole.analyzer.template.WrittenStatement;
import dev.minrole.generator.synth.ArnContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * What a template grants a function today, as policy documents: SAM policy templates expanded,
 * inline documents resolved, managed policies looked up, and the managed and inline policies SAM
 * adds to the role it generates. What cannot be known is a finding, never a silent gap.
 */
public final class DeclaredPolicies {
  private static final String MANAGED_POLICY_TYPE = "AWS::IAM::ManagedPolicy";

  private final SamPolicyTemplates templates;
  private final ManagedPolicies managed;
  private final SamImplicitPolicies implicit = new SamImplicitPolicies();

  public DeclaredPolicies(SamPolicyTemplates templates, ManagedPolicies managed) {
    this.templates = templates;
    this.managed = managed;
  }

  /** With the SAM policy templates and managed policies shipped with minrole. */
  public static DeclaredPolicies bundled() {
    return new DeclaredPolicies(SamPolicyTemplates.bundled(), ManagedPolicies.bundled());
  }

  /** The declared documents of one function, in template order, and what could not be known. */
  public record Declared(List<DeclaredDocument> documents, List<Finding> findings) {
    public Declared {
      documents = List.copyOf(documents);
      findings = List.copyOf(findings);
    }
  }

  /** Shorthand for {@code bundled().read(function, resolver, context)}. */
  public static Declared of(
      TemplateFunction function, TemplateResolver resolver, ArnContext context) {
    return bundled().read(function, Optional.of(resolver), context);
  }

  /**
   * What infrastructure code that is not a template (Terraform) grants {@code function}: its
   * declared policies are already evaluated ({@link DeclaredPolicy.Written}, managed policies by
   * ARN).
   */
  public static Declared evaluated(TemplateFunction function, ArnContext context) {
    return bundled().read(function, Optional.empty(), context);
  }

  /** What the template grants {@code function}, its values resolved by {@code resolver}. */
  public Declared read(
      TemplateFunction function, Optional<TemplateResolver> resolver, ArnContext context) {
    return new Reading(function, resolver, context).run();
  }

  /** One function's declared policies being read. */
  private final class Reading {
    private final TemplateFunction function;
    private final Optional<TemplateResolver> resolver;
    private final ArnContext context;
    private final Optional<InlineDocuments> inline;
    private final List<DeclaredDocument> out = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    Reading(TemplateFunction function, Optional<TemplateResolver> resolver, ArnContext context) {
      this.function = function;
      this.resolver = resolver;
      this.context = context;
      this.inline = resolver.map(InlineDocuments::new);
    }

    Declared run() {
      if (function.role() instanceof RoleRef.External external) {
        findings.add(
            DeclaredFindings.unknownPolicy(
                function.logicalId()
                    + " uses a role defined outside "
                    + (resolver.isPresent() ? "the template" : "the configuration")
                    + " ("
                    + String.join(" or ", external.arn().stream().map(ArgValue::pattern).toList())
                    + "), so what it grants is unknown to minrole",
                function.location()));
      }
      for (DeclaredPolicy policy : function.declaredPolicies()) {
        if (policy instanceof DeclaredPolicy.SamTemplate t) {
          SamPolicyTemplates.Expansion e =
              templates.expand(t.name(), t.parameters(), context, t.location());
          add(t.name(), DeclaredSource.SAM_POLICY_TEMPLATE, e.policy(), t.location(), false);
          findings.addAll(e.findings());
        } else if (policy instanceof DeclaredPolicy.Inline i) {
          inline(i.name(), DeclaredSource.INLINE, i.document(), i.location());
        } else if (policy instanceof DeclaredPolicy.Managed m) {
          m.arn().forEach(arn -> managed(arn, m.location()));
        } else if (policy instanceof DeclaredPolicy.Written w) {
          written(w);
        }
      }
      SamImplicitPolicies.Implicit attached = implicit.of(function);
      for (SamImplicitPolicies.Attachment a : attached.attachments()) {
        add(
            a.policy(),
            DeclaredSource.SAM_IMPLICIT,
            awsManaged(a.policy()),
            a.location(),
            managed.broad(a.policy()));
      }
      for (SamImplicitPolicies.Generated g : attached.generated()) {
        add(
            g.name(),
            DeclaredSource.SAM_GENERATED,
            StatementDraft.policy(g.statements()),
            g.location(),
            false);
      }
      findings.addAll(attached.findings());
      return new Declared(out, findings.stream().distinct().toList());
    }

    private void managed(ArgValue arn, SourceLocation where) {
      Optional<TemplateResource> inTemplate = managedPolicyResource(arn);
      if (inTemplate.isPresent()) {
        String id = inTemplate.get().logicalId();
        boolean alreadyRead =
            function.declaredPolicies().stream()
                .anyMatch(p -> p instanceof DeclaredPolicy.Inline i && i.name().equals(id));
        if (!alreadyRead) {
          TNode document =
              inTemplate
                  .get()
                  .properties()
                  .get("PolicyDocument")
                  .orElse(new TNode.TMap(Map.of(), 0));
          inline(id, DeclaredSource.MANAGED, document, where);
        }
        return;
      }
      if (Alternatives.unresolved(arn)) {
        add(arn.pattern(), DeclaredSource.MANAGED, Optional.empty(), where, false);
        unknown(
            "a managed policy whose ARN (" + arn.describe() + ") is known only at deployment",
            where);
        return;
      }
      String reference = arn.pattern();
      Optional<String> awsName = ManagedPolicies.awsManagedName(reference);
      if (awsName.isEmpty()) {
        add(reference, DeclaredSource.MANAGED, Optional.empty(), where, false);
        unknown(
            "the customer managed policy "
                + reference
                + ", which is not defined in the "
                + (resolver.isPresent() ? "template" : "configuration"),
            where);
        return;
      }
      String name = awsName.get();
      add(name, DeclaredSource.MANAGED, awsManaged(name), where, managed.broad(name));
      if (managed.byName(name).isEmpty()) {
        unknown("the AWS managed policy " + name + ", whose document minrole does not have", where);
      }
    }

    /** A document the code writes, already evaluated, each statement at its line. */
    private void written(DeclaredPolicy.Written w) {
      DeclaredSource kind = w.managed() ? DeclaredSource.MANAGED : DeclaredSource.INLINE;
      if (w.unreadable().isPresent()) {
        add(w.name(), kind, Optional.empty(), w.location(), false);
        findings.add(
            DeclaredFindings.unknownPolicy(
                function.logicalId()
                    + ": the policy document of "
                    + w.name()
                    + " cannot be read before deployment ("
                    + w.unreadable().get()
                    + "), so what it grants is unknown to minrole",
                w.location()));
        return;
      }
      List<StatementDraft> drafts = new ArrayList<>();
      List<SourceLocation> lines = new ArrayList<>();
      for (WrittenStatement s : w.statements()) {
        if (s.actions().isEmpty() && s.notActions().isEmpty()) {
          continue;
        }
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        s.conditions()
            .forEach(
                (op, keys) -> {
                  Map<String, List<String>> byKey = new LinkedHashMap<>();
                  keys.forEach((k, v) -> byKey.put(k, texts(w.name(), v, s.location())));
                  conditions.put(op, byKey);
                });
        drafts.add(
            new StatementDraft(
                s.sid(),
                s.effect(),
                texts(w.name(), s.actions(), s.location()),
                texts(w.name(), s.notActions(), s.location()),
                texts(w.name(), s.resources(), s.location()),
                texts(w.name(), s.notResources(), s.location()),
                conditions));
        lines.add(s.location());
      }
      out.add(
          new DeclaredDocument(
              w.name(), kind, StatementDraft.policy(drafts), w.location(), false, lines));
    }

    private List<String> texts(String policy, List<ArgValue> values, SourceLocation where) {
      List<String> texts = new ArrayList<>();
      for (ArgValue value : values) {
        if (Alternatives.unresolved(value)) {
          findings.add(DeclaredFindings.unresolvedValue(policy, value.describe(), where));
        }
        texts.add(value.pattern());
      }
      return texts;
    }

    private Optional<IamPolicy> awsManaged(String name) {
      return managed.byName(name).map(p -> p.document(context.partition()));
    }

    private void inline(String name, DeclaredSource kind, TNode document, SourceLocation where) {
      InlineDocuments.Converted c = inline.orElseThrow().convert(name, document);
      add(name, kind, c.policy(), where, false);
      findings.addAll(c.findings());
    }

    private void unknown(String what, SourceLocation where) {
      findings.add(
          DeclaredFindings.unknownPolicy(
              function.logicalId()
                  + " attaches "
                  + what
                  + ", so what it grants is unknown to minrole",
              where));
    }

    private void add(
        String name,
        DeclaredSource kind,
        Optional<IamPolicy> document,
        SourceLocation where,
        boolean broad) {
      out.add(new DeclaredDocument(name, kind, document, where, broad));
    }

    /** The template's {@code AWS::IAM::ManagedPolicy} an ARN refers to ({@code !Ref MyPolicy}). */
    private Optional<TemplateResource> managedPolicyResource(ArgValue arn) {
      if (arn instanceof ArgValue.TemplateRef ref
          && ref.cfnType().equals(MANAGED_POLICY_TYPE)
          && resolver.isPresent()) {
        return resolver.get().template().resource(ref.logicalId());
      }
      return Optional.empty();
    }
  }
}
