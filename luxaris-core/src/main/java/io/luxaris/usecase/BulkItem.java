package io.luxaris.usecase;

import io.luxaris.errors.Violation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one item of a bulk call: what it created, or why it was rejected.
 *
 * @param index the item's position in the request, from 0
 * @param created what the item created; empty when it was rejected
 * @param violations why the item was rejected (fields relative to the item); empty when it was created
 * @param <T> what an item creates
 */
public record BulkItem<T>(int index, Optional<T> created, List<Violation> violations) {
    /**
     * Checks that exactly one of {@code created} and {@code violations} is given.
     *
     * @param index the item's position in the request
     * @param created what the item created
     * @param violations why it was rejected
     * @throws IllegalArgumentException when the index is negative, or both or neither are given
     */
    public BulkItem {
        Objects.requireNonNull(created, "created");
        violations = List.copyOf(violations);
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        if (created.isPresent() == !violations.isEmpty()) {
            throw new IllegalArgumentException("an item is either created or rejected with violations");
        }
    }

    /**
     * A created item.
     *
     * @param index the item's position
     * @param value what it created
     * @param <T> what an item creates
     * @return the item
     */
    public static <T> BulkItem<T> created(int index, T value) {
        return new BulkItem<>(index, Optional.of(value), List.of());
    }

    /**
     * A rejected item.
     *
     * @param index the item's position
     * @param violations why it was rejected, at least one
     * @param <T> what an item creates
     * @return the item
     */
    public static <T> BulkItem<T> rejected(int index, List<Violation> violations) {
        return new BulkItem<>(index, Optional.empty(), violations);
    }

    /**
     * Whether the item was created.
     *
     * @return true when {@link #created()} holds a value
     */
    public boolean isCreated() {
        return created.isPresent();
    }
}
