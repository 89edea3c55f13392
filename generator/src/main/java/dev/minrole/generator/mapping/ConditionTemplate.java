package dev.minrole.generator.mapping;

import java.util.Optional;

/**
 * A condition a rule adds when the code justifies it: {@code StringLike s3:prefix} from a {@code
 * Prefix} member with a known value, or {@code StringEquals kms:ViaService} with a fixed text in
 * which {@code ${Region}} is filled in. A condition whose member is unknown is left out.
 */
public record ConditionTemplate(
    String operator,
    String key,
    Optional<String> value,
    Optional<String> member,
    boolean pattern) {}
