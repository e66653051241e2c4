package io.luxaris.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing. Pass {@code nextCursor} back to get the following page; it is empty on the last page.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    public boolean hasMore() {
        return nextCursor.isPresent();
    }
}
