package io.acgs2.components.common;

/**
 * A problem with one field of a value checked before anything is registered: the caller prefixes
 * the field with the config key it came from.
 *
 * @param field   the field, e.g. writer or traffic.perTryTimeoutMillis
 * @param finding the problem and its fix
 */
public record FieldFinding(String field, Finding finding) {

    public static FieldFinding of(String field, String problem, String fix) {
        return new FieldFinding(field, new Finding(problem, fix));
    }
}
