package io.luxaris.domain;

import io.luxaris.internal.Args;
import java.util.Objects;
import java.util.Optional;

/** Which page to read: after an opaque cursor from a previous {@link Page}, at most {@code limit} items. */
public record PageRequest(Optional<String> cursor, int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        Objects.requireNonNull(cursor, "cursor");
        Args.positive(limit, "limit");
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
