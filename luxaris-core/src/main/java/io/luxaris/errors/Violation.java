package io.luxaris.errors;

import java.util.Objects;

/**
 * One broken rule of an input: the field (a dotted path such as {@code variant.content} or {@code tags[3]}), a stable
 * rule code (such as {@code required}, {@code max_length}, {@code content_length}, {@code horizon}, {@code dst_gap})
 * and a human message that is safe to show.
 *
 * @param field the field, a dotted path
 * @param rule the stable rule code
 * @param message the reason, safe to show
 */
public record Violation(String field, String rule, String message) {
    /**
     * Checks the components are set.
     *
     * @param field the field, a dotted path
     * @param rule the stable rule code
     * @param message the reason, safe to show
     */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Creates a violation.
     *
     * @param field the field, a dotted path
     * @param rule the stable rule code
     * @param message the reason, safe to show
     * @return the violation
     */
    public static Violation of(String field, String rule, String message) {
        return new Violation(field, rule, message);
    }

    @Override
    public String toString() {
        return field + ": " + message + " [" + rule + "]";
    }
}
