package dev.minrole.generator.synth;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * Splits a policy that is too large for one document into several, each within {@code limit}
 * characters. Statements are kept whole where they fit and taken in their canonical order; a
 * statement too large on its own is cut into statements with part of its resources (or, with one
 * resource, part of its actions), which together grant exactly what it granted.
 */
final class PolicySplitter {
  private PolicySplitter() {}

  static List<List<IamStatement>> split(List<IamStatement> statements, int limit) {
    List<IamStatement> pieces = new ArrayList<>();
    for (IamStatement s : statements) {
      List<IamStatement> cut = fit(s, limit);
      if (cut.size() == 1) {
        pieces.add(s);
      } else {
        for (int i = 0; i < cut.size(); i++) {
          pieces.add(cut.get(i).toBuilder().sid(s.sid() + "Part" + (i + 1)).build());
        }
      }
    }
    List<List<IamStatement>> parts = new ArrayList<>();
    List<IamStatement> current = new ArrayList<>();
    int size = 0;
    for (IamStatement piece : pieces) {
      int pieceSize = PolicySize.of(piece);
      if (!current.isEmpty() && size + 1 + pieceSize > limit) {
        parts.add(List.copyOf(current));
        current = new ArrayList<>();
      }
      size = current.isEmpty() ? PolicySize.of(List.of(piece)) : size + 1 + pieceSize;
      current.add(piece);
    }
    if (!current.isEmpty()) {
      parts.add(List.copyOf(current));
    }
    return parts;
  }

  /** The statement, or statements that together grant the same, each fitting the limit alone. */
  private static List<IamStatement> fit(IamStatement s, int limit) {
    if (PolicySize.of(List.of(s)) <= limit) {
      return List.of(s);
    }
    List<IamResource> resources = s.resources();
    List<IamAction> actions = s.actions();
    List<IamStatement> out = new ArrayList<>();
    if (resources.size() > 1) {
      int half = resources.size() / 2;
      out.addAll(fit(s.toBuilder().resources(resources.subList(0, half)).build(), limit));
      out.addAll(
          fit(s.toBuilder().resources(resources.subList(half, resources.size())).build(), limit));
    } else if (actions.size() > 1) {
      int half = actions.size() / 2;
      out.addAll(fit(s.toBuilder().actions(actions.subList(0, half)).build(), limit));
      out.addAll(fit(s.toBuilder().actions(actions.subList(half, actions.size())).build(), limit));
    } else {
      out.add(s);
    }
    return out;
  }
}
