package io.luxaris.jdbc.internal;

import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks values against the sizes of the columns they go to, before any SQL runs: an oversize value is a {@link
 * ValidationException} (rule {@code max_length}) naming the field, never a truncation or a database error.
 */
final class Guard {
    private final String entity;
    private @Nullable List<Violation> violations;

    private Guard(String entity) {
        this.entity = entity;
    }

    static Guard of(String entity) {
        return new Guard(entity);
    }

    Guard text(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "is " + value.length() + " characters; the storage column holds at most " + max);
        }
        return this;
    }

    Guard text(String field, Optional<String> value, int max) {
        return text(field, value.orElse(null), max);
    }

    Guard each(String field, Collection<String> values, int max) {
        int i = 0;
        for (String v : values) {
            text(field + "[" + i + "]", v, max);
            i++;
        }
        return this;
    }

    private void add(String field, String message) {
        if (violations == null) {
            violations = new ArrayList<>();
        }
        violations.add(Violation.of(entity + "." + field, "max_length", message));
    }

    void check() {
        if (violations != null) {
            throw new ValidationException(violations);
        }
    }
}
