package dev.minrole.generator.render;

import dev.minrole.generator.synth.FunctionPolicy;
import dev.minrole.generator.synth.TemplateReference;
import java.util.List;
import java.util.Optional;

/**
 * Writes the ARNs of a template's own resources as the template references them: {@code !GetAtt
 * OrdersTable.Arn}, {@code !Ref AlertsTopic}, {@code !Sub "${MediaBucket.Arn}/uploads/*"}, {@code
 * !Sub
 * "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${OrderFunction}"}.
 * Anything else is plain text, for the next strategy ({@link TemplateValues#orElse}).
 */
public final class TemplateResources implements TemplateValues {
  private final List<TemplateReference> references;

  /** {@code references} longest ARN first, as {@link TemplateArns} gives them. */
  public TemplateResources(List<TemplateReference> references) {
    this.references = List.copyOf(references);
  }

  /**
   * How the values of {@code f}'s policy are written: its template's references first, then {@code
   * fallback} (a function known only from its code has no references).
   */
  public static TemplateValues of(FunctionPolicy f, TemplateValues fallback) {
    List<TemplateReference> references = f.deployment().references();
    return references.isEmpty() || !f.deployment().cloudFormationReferences()
        ? fallback
        : new TemplateResources(references).orElse(fallback);
  }

  @Override
  public Yaml resource(String arn) {
    Optional<TemplateReference.Match> match = TemplateReference.find(references, arn);
    if (match.isEmpty()) {
      return Yaml.text(arn);
    }
    TemplateReference r = match.get().reference();
    String rest = match.get().rest();
    if (r.head().isEmpty() && rest.isEmpty()) {
      return r.expression().contains(".")
          ? new Yaml.Tagged("!GetAtt", r.expression())
          : new Yaml.Tagged("!Ref", r.expression());
    }
    return new Yaml.Tagged(
        "!Sub", r.head() + "${" + r.expression() + "}" + PseudoParameters.escape(rest));
  }

  /** ARN-valued conditions ({@code aws:SourceArn}) reference resources the same way. */
  @Override
  public Yaml conditionValue(String key, String value) {
    return value.startsWith("arn:") ? resource(value) : Yaml.text(value);
  }
}
