package dev.minrole.generator.validate;

import dev.minrole.generator.catalog.IamCatalog;
import dev.minrole.generator.mapping.MappingData;

/**
 * What rules check against: the IAM catalog, the SDK operation mapping (for did-you-mean) and the
 * kind of policy.
 */
record ValidationContext(IamCatalog catalog, MappingData mapping, PolicyType type) {}
