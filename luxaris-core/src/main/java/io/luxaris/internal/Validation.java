package io.luxaris.internal;

import io.luxaris.ValidationException;
import io.luxaris.Violation;
import io.luxaris.domain.Limits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Accumulates violations of one input and throws them together. */
public final class Validation {
    private final List<Violation> violations = new ArrayList<>();

    public static Validation start() {
        return new Validation();
    }

    public Validation add(Violation violation) {
        violations.add(violation);
        return this;
    }

    public Validation add(String field, String rule, String message) {
        return add(Violation.of(field, rule, message));
    }

    public Validation addAll(Collection<Violation> more) {
        violations.addAll(more);
        return this;
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    /** The value must be present (not null). Returns whether it is. */
    public boolean required(String field, Object value) {
        if (value == null) {
            add(field, "required", "is required");
            return false;
        }
        return true;
    }

    /** Present and not blank, at most {@code max} characters. */
    public Validation text(String field, String value, int max) {
        if (value == null) {
            add(field, "required", "is required");
        } else if (value.isBlank()) {
            add(field, "required", "must not be blank");
        } else {
            maxLength(field, value, max);
        }
        return this;
    }

    /** Present (may be blank), at most {@code max} characters. */
    public Validation maybeBlank(String field, String value, int max) {
        if (value == null) {
            add(field, "required", "is required");
        } else {
            maxLength(field, value, max);
        }
        return this;
    }

    public Validation maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "max_length", "is " + value.length() + " characters; at most " + max + " are allowed");
        }
        return this;
    }

    public Validation maxSize(String field, Collection<?> values, int max) {
        if (values != null && values.size() > max) {
            add(field, "too_many", "has " + values.size() + " items; at most " + max + " are allowed");
        }
        return this;
    }

    public Validation range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            add(field, "range", "is " + value + "; it must be within " + min + ".." + max);
        }
        return this;
    }

    /** Tags: at most {@link Limits#TAGS}, each non-blank, single-line, at most {@link Limits#TAG} characters. */
    public Validation tags(String field, List<String> tags) {
        maxSize(field, tags, Limits.TAGS);
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            String f = field + "[" + i + "]";
            if (tag == null || tag.isBlank()) {
                add(f, "required", "a tag must not be blank");
            } else if (tag.length() > Limits.TAG) {
                maxLength(f, tag, Limits.TAG);
            } else if (tag.chars().anyMatch(Character::isISOControl)) {
                add(f, "pattern", "a tag must not contain control characters");
            }
        }
        return this;
    }

    /** A string map: bounded entry count, key and value lengths, non-blank keys. */
    public Validation map(String field, Map<String, String> map, int maxEntries, int maxKey, int maxValue) {
        if (map.size() > maxEntries) {
            add(field, "too_many", "has " + map.size() + " entries; at most " + maxEntries + " are allowed");
        }
        for (var e : map.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isBlank()) {
                add(field, "required", "keys must not be blank");
                continue;
            }
            String f = field + "." + key;
            if (key.length() > maxKey) {
                add(field, "max_length", "key '" + Redactor.truncate(key, 40) + "' is longer than " + maxKey);
            }
            if (e.getValue() == null) {
                add(f, "required", "is required");
            } else {
                maxLength(f, e.getValue(), maxValue);
            }
        }
        return this;
    }

    public Validation metadata(String field, Map<String, String> map) {
        return map(field, map, Limits.METADATA_ENTRIES, Limits.METADATA_KEY, Limits.METADATA_VALUE);
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }
}
