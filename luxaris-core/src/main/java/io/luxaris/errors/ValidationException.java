package io.luxaris.errors;

import java.util.List;
import java.util.stream.Collectors;

/** An input broke one or more rules; nothing was written. */
public final class ValidationException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * Creates the exception; the message lists every violation.
     *
     * @param violations the broken rules, at least one; copied
     * @throws IllegalArgumentException when the list is empty
     */
    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /**
     * An exception with one violation.
     *
     * @param field the field, a dotted path such as {@code variant.content}
     * @param rule the stable rule code, such as {@code required}
     * @param message the reason, safe to show
     * @return the exception
     */
    public static ValidationException of(String field, String rule, String message) {
        return new ValidationException(List.of(Violation.of(field, rule, message)));
    }

    /**
     * Every broken rule, in the order they were found.
     *
     * @return the violations, never empty
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * True when some violation has this rule code.
     *
     * @param rule a rule code such as {@code required}
     * @return whether any violation has it
     */
    public boolean hasRule(String rule) {
        return violations.stream().anyMatch(v -> v.rule().equals(rule));
    }

    private static String describe(List<Violation> violations) {
        return "invalid input: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
