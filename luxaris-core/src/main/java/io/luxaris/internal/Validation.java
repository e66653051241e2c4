package io.luxaris.internal;

import io.luxaris.domain.Limits;
import io.luxaris.errors.ValidationException;
import io.luxaris.errors.Violation;
import io.luxaris.util.Strings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates violations of one input and throws them together. Every text check here ({@link #text}, {@link
 * #maybeBlank}, {@link #maxLength}, {@link #tags}, {@link #map}) also refuses characters no storage can keep as
 * given (rule {@value #INVALID_CHARACTER}): NUL (U+0000), which PostgreSQL refuses, and unpaired surrogates, which
 * no UTF-8 encoder can write (they would be stored as {@code ?}). Checked here once, every storage behaves the
 * same.
 */
public final class Validation {
    /** Rule code of a text holding NUL or an unpaired surrogate. */
    public static final String INVALID_CHARACTER = "invalid_character";

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

    /** At most {@code max} characters, each storable (see {@link #characters}); null passes. */
    public Validation maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "max_length", "is " + value.length() + " characters; at most " + max + " are allowed");
        } else {
            characters(field, value);
        }
        return this;
    }

    /**
     * No NUL and no unpaired surrogate (rule {@value #INVALID_CHARACTER}); null passes. The message gives the
     * position, never the text (which may be a secret).
     */
    public Validation characters(String field, String value) {
        String problem = invalidCharacter(value);
        if (problem != null) {
            add(field, INVALID_CHARACTER, problem);
        }
        return this;
    }

    /** What is wrong with the first unstorable character of {@code value}, or null when there is none. */
    static @Nullable String invalidCharacter(String value) {
        int at = Strings.invalidCharacterAt(value);
        if (at < 0) {
            return null;
        }
        char c = value.charAt(at);
        if (c == '\0') {
            return "contains the NUL character (U+0000) at position " + at + ", which cannot be stored";
        }
        return "contains an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                + ") at position " + at + "; text must be well-formed Unicode";
    }

    /**
     * {@code value} made storable: NUL removed, each unpaired surrogate replaced by U+FFFD. For text Luxaris did
     * not get from the user (a generator's answer, a plugin's error message), which is kept rather than refused.
     */
    public static String storable(String value) {
        if (Strings.invalidCharacterAt(value) < 0) {
            return value;
        }
        var out = new StringBuilder(value.length());
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * An instant every storage can hold: within {@link Limits#EARLIEST_INSTANT}..{@link Limits#LATEST_INSTANT}
     * (rule {@code range}); null passes.
     */
    public Validation instant(String field, @Nullable Instant value) {
        if (value != null && !Limits.supports(value)) {
            add(
                    field,
                    "range",
                    "is " + value + "; it must be within " + Limits.EARLIEST_INSTANT + ".." + Limits.LATEST_INSTANT);
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
            } else if (tag.length() <= Limits.TAG && Strings.invalidCharacterAt(tag) >= 0) {
                characters(f, tag);
            } else if (tag.length() > Limits.TAG) {
                maxLength(f, tag, Limits.TAG);
            } else if (tag.chars().anyMatch(Character::isISOControl)) {
                add(f, "pattern", "a tag must not contain control characters");
            }
        }
        return this;
    }

    /**
     * A string map: bounded entry count, key and value lengths, non-blank keys, storable characters. Give it the
     * copy you go on to use (see {@link io.luxaris.util.Args#snapshot(Map)}): a map's size is only checked as it is now.
     */
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
            String problem = invalidCharacter(key);
            if (problem != null) {
                add(field, INVALID_CHARACTER, "a key " + problem);
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
