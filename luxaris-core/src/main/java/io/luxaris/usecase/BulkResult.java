package io.luxaris.usecase;

import java.util.List;

/**
 * The per-item outcome of a bulk call, in request order. Valid items were created together in one transaction;
 * invalid items were reported with their violations and wrote nothing.
 *
 * @param items one entry per requested item, in request order
 * @param <T> what an item creates
 */
public record BulkResult<T>(List<BulkItem<T>> items) {
    /**
     * Copies the items.
     *
     * @param items one entry per requested item
     */
    public BulkResult {
        items = List.copyOf(items);
    }

    /**
     * What the valid items created, in request order.
     *
     * @return the created values
     */
    public List<T> created() {
        return items.stream()
                .filter(BulkItem::isCreated)
                .map(i -> i.created().orElseThrow())
                .toList();
    }

    /**
     * The rejected items, in request order.
     *
     * @return the items that were not created
     */
    public List<BulkItem<T>> rejected() {
        return items.stream().filter(i -> !i.isCreated()).toList();
    }

    /**
     * Whether every item was created.
     *
     * @return true when no item was rejected
     */
    public boolean allCreated() {
        return items.stream().allMatch(BulkItem::isCreated);
    }
}
