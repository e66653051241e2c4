package io.luxaris;

import java.util.List;
import java.util.stream.Collectors;

/** An input broke one or more rules; nothing was written. */
public final class ValidationException extends LuxarisException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String field, String rule, String message) {
        return new ValidationException(List.of(Violation.of(field, rule, message)));
    }

    /** Every broken rule, in the order they were found. */
    public List<Violation> violations() {
        return violations;
    }

    /** True when some violation has this rule code. */
    public boolean hasRule(String rule) {
        return violations.stream().anyMatch(v -> v.rule().equals(rule));
    }

    private static String describe(List<Violation> violations) {
        return "invalid input: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
