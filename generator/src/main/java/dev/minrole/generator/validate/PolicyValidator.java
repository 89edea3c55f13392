package dev.minrole.generator.validate;

import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.mapping.MappingData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an IAM policy document, minrole's or anyone's, and returns every problem found, each with
 * its JSON path, line and fix (docs/validate.md). Rules run on whatever part of the document is
 * well formed, so one mistake does not hide the others.
 */
public final class PolicyValidator {
  private static final List<ValidationRule> RULES =
      List.of(
          new DocumentRule(),
          new StatementRule(),
          new SidRule(),
          new ConditionRule(),
          new ActionNameRule(),
          new ResourceTypeRule(),
          new ArnRule(),
          new PlaceholderRule(),
          new WildcardRule(),
          new DuplicateRule(),
          new SizeRule());

  private final ValidationContext context;

  public PolicyValidator(IamCatalog catalog, MappingData mapping, PolicyType type) {
    this.context = new ValidationContext(catalog, mapping, type);
  }

  public static PolicyValidator bundled(PolicyType type) {
    return new PolicyValidator(IamCatalog.bundled(), MappingData.bundled(), type);
  }

  /** The problems of the policy text, sorted by line. */
  public List<Problem> validate(String text) {
    List<Problem> problems = new ArrayList<>();
    Optional<PolicyDocument> document = PolicyDocument.read(text, problems);
    if (document.isPresent()) {
      for (ValidationRule rule : RULES) {
        for (Problem p : rule.check(document.get(), context)) {
          problems.add(p.line() > 0 ? p : p.withLine(document.get().line(p.path())));
        }
      }
    }
    return problems.stream().distinct().sorted().toList();
  }
}
