package io.luxaris.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing. Pass {@code nextCursor} back to get the following page; it is empty on the last page.
 *
 * @param items the items, in the listing's order
 * @param nextCursor the cursor of the following page; empty on the last page
 * @param <T> the type of the items
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    /**
     * Copies the items.
     *
     * @param items the items, in the listing's order
     * @param nextCursor the cursor of the following page; empty on the last page
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /** {@return whether a following page exists} */
    public boolean hasMore() {
        return nextCursor.isPresent();
    }
}
