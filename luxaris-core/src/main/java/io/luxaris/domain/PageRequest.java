package io.luxaris.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page to read: after an opaque cursor from a previous {@link Page}, at most {@code limit} items. The use
 * cases check the limit (1..{@value #MAX_LIMIT}, rule {@code range} on {@code page.limit}) and the cursor (rule
 * {@code invalid_cursor}), like every other input.
 */
public record PageRequest(Optional<String> cursor, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        Objects.requireNonNull(cursor, "cursor");
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }

    public static PageRequest first() {
        return first(DEFAULT_LIMIT);
    }

    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(Optional.of(cursor), limit);
    }
}
