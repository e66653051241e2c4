package io.luxaris.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page to read: after an opaque cursor from a previous {@link Page}, at most {@code limit} items. The use cases
 * check the limit (1..{@value #MAX_LIMIT}, rule {@code range} on {@code page.limit}) and the cursor (rule {@code
 * invalid_cursor}), like every other input.
 *
 * @param cursor the {@link Page#nextCursor()} of the previous page; empty for the first page
 * @param limit the most items to return
 */
public record PageRequest(Optional<String> cursor, int limit) {
    /** The page size of {@link #first()}. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page size the use cases accept. */
    public static final int MAX_LIMIT = 500;

    /**
     * Checks the cursor is set (the limit is checked by the use cases).
     *
     * @param cursor the {@link Page#nextCursor()} of the previous page; empty for the first page
     * @param limit the most items to return
     */
    public PageRequest {
        Objects.requireNonNull(cursor, "cursor");
    }

    /**
     * The first page.
     *
     * @param limit the most items to return, 1..{@value #MAX_LIMIT}
     * @return the request
     */
    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }

    /** {@return the first page of {@value #DEFAULT_LIMIT} items} */
    public static PageRequest first() {
        return first(DEFAULT_LIMIT);
    }

    /**
     * The page after a previous one.
     *
     * @param cursor the previous page's {@link Page#nextCursor()}
     * @param limit the most items to return, 1..{@value #MAX_LIMIT}
     * @return the request
     */
    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(Optional.of(cursor), limit);
    }
}
