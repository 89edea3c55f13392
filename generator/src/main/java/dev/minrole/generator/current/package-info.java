/**
 * The role a function has today, as its template declares it, compared with what the function
 * needs: the report's {@code role} ({@link TemplateRoles}) and the findings {@code WILDCARD_GRANT},
 * {@code OVER_GRANT} and {@code BROAD_MANAGED_POLICY} ({@link CurrentRoleFindings}), which read the
 * declared policies through the diff engine.
 */
package dev.minrole.generator.current;
